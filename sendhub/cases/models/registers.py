"""Mediation and tribunal appeals, and transfers of plans into and out of the area."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class AppealKind(models.TextChoices):
    MEDIATION = "mediation", "Mediation"
    TRIBUNAL = "tribunal", "Tribunal appeal"


class AppealSubject(models.TextChoices):  # CFA s.51(2); SEN2 mediation/tribunal flags
    REFUSAL_TO_ASSESS = "refusal_to_assess", "Decision not to assess"
    REFUSAL_TO_ISSUE = "refusal_to_issue", "Decision not to issue a plan"
    CONTENTS = "contents", "Contents of the plan (sections B, F or I)"
    CEASE = "cease", "Decision to cease the plan"
    OTHER = "other", "Other"


class AppealOutcome(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    RESOLVED = "resolved", "Resolved by agreement"
    UPHELD = "upheld", "Appeal upheld (in the family's favour)"
    DISMISSED = "dismissed", "Appeal dismissed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    CONCEDED = "conceded", "Conceded by the authority"


class Appeal(models.Model):
    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="appeals")
    kind = models.CharField(max_length=10, choices=AppealKind.choices)
    subject = models.CharField(max_length=20, choices=AppealSubject.choices)
    lodged = models.DateField()
    hearing = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=AppealOutcome.choices, default=AppealOutcome.PENDING)
    outcome_date = models.DateField(null=True, blank=True)
    certificate_issued = models.DateField("mediation certificate", null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-lodged"]
        constraints = [
            models.CheckConstraint(name="appeal_kind_valid", condition=Q(kind__in=AppealKind.values)),
            models.CheckConstraint(
                name="appeal_subject_valid", condition=Q(subject__in=AppealSubject.values)
            ),
            models.CheckConstraint(
                name="appeal_outcome_valid", condition=Q(outcome__in=AppealOutcome.values)
            ),
            models.CheckConstraint(
                name="appeal_decided_has_date", condition=Q(outcome="pending") | Q(outcome_date__isnull=False)
            ),
            models.CheckConstraint(
                name="appeal_outcome_after_lodged",
                condition=Q(outcome_date__isnull=True) | Q(outcome_date__gte=F("lodged")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_subject_display()}"


class TransferDirection(models.TextChoices):
    IN = "in", "Into the area"
    OUT = "out", "Out of the area"


class AreaTransfer(models.Model):
    """A plan moving between authorities (SEND Regulations 2014 reg 15)."""

    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="transfers")
    direction = models.CharField(max_length=3, choices=TransferDirection.choices)
    other_la = models.CharField("other authority (LA code)", max_length=3)
    # A plan moving out (reg 15): the plan, the day the family moves, and the day this authority became
    # aware of the move (``notified_on``); ``transferred_on`` is the day the plan passes to the new one.
    plan = models.ForeignKey("cases.Plan", models.PROTECT, null=True, blank=True, related_name="transfers")
    moved_on = models.DateField("date of the move", null=True, blank=True)
    notified_on = models.DateField()
    transferred_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-notified_on"]
        constraints = [
            models.CheckConstraint(
                name="transfer_direction_valid", condition=Q(direction__in=TransferDirection.values)
            ),
            models.CheckConstraint(
                name="transfer_plan_out_only",
                condition=Q(plan__isnull=True) | Q(direction=TransferDirection.OUT),
            ),
        ]

    def __str__(self) -> str:
        return f"Transfer {self.get_direction_display().lower()} ({self.other_la})"
