"""The plan: a strategy's priorities, each year's plan of numbered actions, their steps and their updates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.strategy.models.removal import AllRowsManager, LiveManager
from sendhub.strategy.rules import Delivery, Rag

DELIVERY_LABELS: dict[str, str] = {
    Delivery.NOT_STARTED: "Not started",
    Delivery.ON_TRACK: "On track",
    Delivery.AT_RISK: "At risk",
    Delivery.OFF_TRACK: "Off track",
    Delivery.COMPLETE: "Complete",
}


class Strategy(models.Model):
    """A local area SEND strategy (Camden's runs five years), delivered through yearly plans."""

    title = models.CharField(max_length=200, unique=True)

    def __str__(self) -> str:
        return self.title


class Priority(models.Model):
    strategy = models.ForeignKey(Strategy, models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="priority_number_unique"),
            models.CheckConstraint(name="priority_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.title}"


class Plan(models.Model):
    """One year's implementation plan (Appendix C is the 2024 plan)."""

    strategy = models.ForeignKey(Strategy, models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "year"], name="plan_year_unique"),
            models.CheckConstraint(name="plan_year_plausible", condition=Q(year__gte=2000, year__lte=2100)),
        ]

    def __str__(self) -> str:
        return self.title if str(self.year) in self.title else f"{self.title} ({self.year})"


class Action(models.Model):
    """A numbered item of a year's plan ("1.1"): what the partnership will do, by when, and how it will know."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="actions")
    priority = models.ForeignKey(Priority, models.PROTECT, related_name="actions")
    number = models.CharField(max_length=10)
    position = models.PositiveIntegerField(help_text="Order in the plan, as published")
    title = models.TextField()
    owner = models.CharField(max_length=200, blank=True)
    partners = models.CharField(max_length=500, blank=True)
    by_when = models.CharField(max_length=40, blank=True, help_text="As the plan says it: Dec-24, Year 3")
    due = models.DateField(null=True, blank=True, help_text="The by-when as a date, when it names a month")
    outcome = models.TextField(blank=True)
    success_criteria = models.TextField(blank=True)
    expected_impact = models.TextField(blank=True)
    carried_from = models.OneToOneField(
        "self", models.PROTECT, null=True, blank=True, related_name="carried_to"
    )
    version = models.PositiveIntegerField(default=1)  # optimistic locking for the edit page
    removed_at = models.DateTimeField(null=True, blank=True, help_text="Removed (kept for the audit trail)")
    removed_reason = models.TextField(blank=True, help_text="Why it was taken out of the plan")

    objects = LiveManager()  # a removed action leaves the plan list, the packs, the report and the export
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["plan", "position"]
        base_manager_name = "with_removed"
        constraints = [  # among live actions only: a removed action's number may be used again
            models.UniqueConstraint(
                fields=["plan", "number"], name="action_number_unique", condition=Q(removed_at__isnull=True)
            ),
            models.UniqueConstraint(
                fields=["plan", "position"],
                name="action_position_unique",
                condition=Q(removed_at__isnull=True),
            ),
            models.CheckConstraint(name="action_number_dotted", condition=Q(number__regex=r"^\d+\.\d+$")),
            models.CheckConstraint(name="action_not_carried_from_itself", condition=~Q(carried_from=F("pk"))),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:action_detail", args=[self.pk])


class Step(models.Model):
    """One of an action's dated steps ("Year 2 actions" in Appendix C)."""

    action = models.ForeignKey(Action, models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    by_when = models.CharField(max_length=40, blank=True)
    success_criteria = models.TextField(blank=True)

    class Meta:
        ordering = ["action", "position"]
        constraints = [
            models.UniqueConstraint(fields=["action", "position"], name="step_position_unique"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Update(models.Model):
    """A progress update on an action: what its lead reports, and the RAG status the rule gave it then."""

    action = models.ForeignKey(Action, models.CASCADE, related_name="updates")
    reported_on = models.DateField()
    delivery = models.CharField(max_length=12, choices=list(DELIVERY_LABELS.items()))
    rag = models.CharField(max_length=6, choices=[(r.value, r.value) for r in Rag])
    rag_reason = models.CharField(max_length=60)
    progress = models.TextField()
    next_steps = models.TextField(blank=True)
    evidence = models.TextField(blank=True, help_text="Where the evidence is: documents, links, minutes")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)
    entered_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking for the edit page
    removed_at = models.DateTimeField(null=True, blank=True, help_text="Removed (kept for the audit trail)")

    objects = LiveManager()  # what every page reads: removed updates are left out
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["action", "-reported_on", "-pk"]
        base_manager_name = "with_removed"
        constraints = [
            models.CheckConstraint(
                name="update_delivery_valid", condition=Q(delivery__in=[d.value for d in Delivery])
            ),
            models.CheckConstraint(name="update_rag_valid", condition=Q(rag__in=[r.value for r in Rag])),
        ]
        indexes = [  # the latest update per action, for the plan list and the pack
            models.Index(fields=["action", "-reported_on"], name="update_latest_per_action"),
        ]

    def __str__(self) -> str:
        return f"{self.action.number} on {self.reported_on}"

    @property
    def delivery_label(self) -> str:
        return DELIVERY_LABELS[self.delivery]

    @property
    def tag_class(self) -> str:
        return RAG_TAG_CLASSES[self.rag]


# The GOV.UK tag colour of each RAG status (yellow, not orange, for amber: its text contrast is higher).
RAG_TAG_CLASSES: dict[str, str] = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--yellow",
    Rag.GREEN: "govuk-tag--green",
    Rag.GREY: "govuk-tag--grey",
}
