"""Exceptional Needs Grants through clusters of schools: applications, termly panels, decisions,
payments and reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.funding.models.budget import money_field
from sendhub.lib.dates import long_date


class Cluster(models.Model):
    name = models.CharField(max_length=100, unique=True)
    schools = models.ManyToManyField("schools.School", related_name="funding_clusters")
    lead_school = models.ForeignKey("schools.School", models.PROTECT, related_name="+")
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_clusters",
        help_text="SENCOs who lead the cluster",
    )
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("funding:cluster_detail", args=[self.pk])


class ClusterBudget(models.Model):
    cluster = models.ForeignKey(Cluster, models.CASCADE, related_name="budgets")
    start_year = models.PositiveSmallIntegerField()
    amount = money_field()

    class Meta:
        ordering = ["cluster", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "start_year"], name="cluster_budget_once_a_year"),
            models.CheckConstraint(name="cluster_budget_not_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} {self.start_year}"


class Term(models.TextChoices):
    SUMMER = "summer", "Summer"
    AUTUMN = "autumn", "Autumn"
    SPRING = "spring", "Spring"


class ClusterPanel(models.Model):
    cluster = models.ForeignKey(Cluster, models.CASCADE, related_name="panels")
    meets_on = models.DateField()
    term = models.CharField(max_length=6, choices=Term.choices)

    class Meta:
        ordering = ["-meets_on"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "meets_on"], name="cluster_panel_once_a_day"),
            models.CheckConstraint(name="cluster_panel_term_valid", condition=Q(term__in=Term.values)),
        ]

    def __str__(self) -> str:
        return f"{self.cluster} panel, {long_date(self.meets_on)}"

    def get_absolute_url(self) -> str:
        return reverse("funding:eng_panel_detail", args=[self.pk])


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    DECIDED = "decided", "Decided"
    WITHDRAWN = "withdrawn", "Withdrawn"


class EngApplication(models.Model):
    cluster = models.ForeignKey(Cluster, models.PROTECT, related_name="applications")
    school = models.ForeignKey("schools.School", models.PROTECT, related_name="+")
    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="eng_applications")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    submitted_on = models.DateField()
    needs = models.TextField(help_text="The child's needs, as the school sees them")
    provision = models.TextField(help_text="The provision the grant will pay for")
    graduated_approach = models.TextField(help_text="Assess, plan, do, review: what the school has tried")
    evidence = models.TextField(
        blank=True, help_text="The documents that support the application, one a line"
    )
    amount_requested = money_field()
    panel = models.ForeignKey(ClusterPanel, models.SET_NULL, null=True, blank=True, related_name="agenda")
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )

    class Meta:
        ordering = ["-submitted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="eng_application_status_valid", condition=Q(status__in=ApplicationStatus.values)
            ),
            models.CheckConstraint(
                name="eng_application_amount_positive", condition=Q(amount_requested__gt=0)
            ),
        ]
        indexes = [models.Index(fields=["cluster", "status"], name="eng_application_by_cluster")]

    def __str__(self) -> str:
        return f"ENG application {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("funding:application_detail", args=[self.pk])


class Outcome(models.TextChoices):
    APPROVE = "approve", "Approved"
    PART = "part", "Approved in part"
    DECLINE = "decline", "Declined"
    REFER = "refer", "Referred for an EHC needs assessment"


FUNDED_OUTCOMES = (Outcome.APPROVE, Outcome.PART)


class EngDecision(models.Model):
    """The cluster panel's decision; an approved (or part-approved) decision is the grant."""

    application = models.OneToOneField(EngApplication, models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    reasons = models.TextField()
    amount = money_field(default=0, help_text="The grant for the whole period")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True, help_text="Set when a review ends the grant early")

    class Meta:
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="eng_decision_outcome_valid", condition=Q(outcome__in=Outcome.values)
            ),
            models.CheckConstraint(
                name="eng_grant_has_amount_and_period",
                condition=~Q(outcome__in=FUNDED_OUTCOMES)
                | Q(amount__gt=0, start__isnull=False, end__isnull=False, end__gte=F("start")),
            ),
            models.CheckConstraint(
                name="eng_no_grant_no_amount", condition=Q(outcome__in=FUNDED_OUTCOMES) | Q(amount=0)
            ),
        ]
        indexes = [
            # selectors.forecast(): grants live in the year.
            models.Index(
                fields=["start", "end"], name="eng_grant_dates", condition=Q(outcome__in=FUNDED_OUTCOMES)
            ),
        ]

    def __str__(self) -> str:
        return self.get_outcome_display()


class EngPayment(models.Model):
    decision = models.ForeignKey(EngDecision, models.PROTECT, related_name="payments")
    term = models.CharField(max_length=6, choices=Term.choices)
    start_year = models.PositiveSmallIntegerField(help_text="The financial year of the term")
    amount = money_field()
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["start_year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "term", "start_year"], name="eng_payment_once_a_term"
            ),
            models.CheckConstraint(name="eng_payment_term_valid", condition=Q(term__in=Term.values)),
            models.CheckConstraint(name="eng_payment_not_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.term} {self.start_year}: {self.amount}"


class ReviewOutcome(models.TextChoices):
    ENDED = "ended", "Outcomes met: the grant ends"
    RENEW = "renew", "Needs continue: the school applies again"
    REFER = "refer", "Referred for an EHC needs assessment"


class EngReview(models.Model):
    decision = models.OneToOneField(EngDecision, models.PROTECT, related_name="review")
    reviewed_on = models.DateField()
    outcome = models.CharField(max_length=6, choices=ReviewOutcome.choices)
    notes = models.TextField()
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="eng_review_outcome_valid", condition=Q(outcome__in=ReviewOutcome.values)
            )
        ]

    def __str__(self) -> str:
        return f"Review of {self.decision_id}"


class EngEvidence(models.Model):
    """An evidence document of an application: the file is a case document (cases.Document, kind
    evidence, checked and stored by casework's documents), seen here by whoever may see the application."""

    application = models.ForeignKey(EngApplication, models.PROTECT, related_name="evidence_documents")
    document = models.OneToOneField("cases.Document", models.PROTECT, related_name="eng_evidence")

    class Meta:
        ordering = ["application", "id"]

    def __str__(self) -> str:
        return f"Evidence {self.document_id} for application {self.application_id}"
