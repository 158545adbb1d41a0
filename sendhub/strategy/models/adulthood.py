"""Preparing for Adulthood: supported internships as records, and annual reviews from year 9 as entered
(until the structured annual reviews hold these answers) for the percentages Appendix C 3.8 asks for."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class InternshipOutcome(models.TextChoices):
    ONGOING = "ongoing", "Still on the internship"
    EMPLOYED = "employed", "In paid employment"
    EDUCATION = "education", "Further education or training"
    NOT_EMPLOYED = "not_employed", "Not in employment, education or training"
    LEFT_EARLY = "left_early", "Left before the end"


class SupportedInternship(models.Model):
    young_person = models.ForeignKey("cases.Child", models.PROTECT, related_name="supported_internships")
    employer = models.CharField(max_length=200)
    provider = models.CharField(max_length=200)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=14, choices=InternshipOutcome.choices, default=InternshipOutcome.ONGOING
    )

    class Meta:
        ordering = ["-start", "pk"]
        constraints = [
            models.CheckConstraint(
                name="internship_outcome_valid", condition=Q(outcome__in=InternshipOutcome.values)
            ),
            models.CheckConstraint(
                name="internship_end_after_start", condition=Q(end__isnull=True) | Q(end__gte=F("start"))
            ),
            models.CheckConstraint(
                name="internship_ongoing_has_no_end",
                condition=Q(outcome=InternshipOutcome.ONGOING, end__isnull=True)
                | (~Q(outcome=InternshipOutcome.ONGOING) & Q(end__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"Supported internship with {self.employer} from {self.start}"


class PfaReview(models.Model):
    """An annual review from year 9, with what it covered of Preparing for Adulthood."""

    young_person = models.ForeignKey("cases.Child", models.PROTECT, related_name="pfa_reviews")
    held_on = models.DateField()
    year_group = models.PositiveSmallIntegerField()
    ehcp = models.BooleanField(help_text="Has an EHC plan (otherwise SEN Support)")
    young_person_participated = models.BooleanField()
    pfa_planning_started = models.BooleanField()
    pfa_outcomes_included = models.BooleanField()
    employment_discussed = models.BooleanField(default=False)
    independent_living_discussed = models.BooleanField(default=False)
    community_discussed = models.BooleanField(default=False)
    health_discussed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-held_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="pfa_review_from_year_9", condition=Q(year_group__gte=9, year_group__lte=14)
            ),
            models.UniqueConstraint(fields=["young_person", "held_on"], name="pfa_review_one_a_day"),
        ]

    def __str__(self) -> str:
        return f"Year {self.year_group} review on {self.held_on}"
