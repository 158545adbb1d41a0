"""The High Needs Block: budget lines per financial year, the notional SEN threshold, other commitments,
forecast adjustments and "what if" scenarios."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sendhub.funding.models.removable import Removable


def money_field(**kwargs: Any) -> models.DecimalField[Any, Any]:
    """Pounds and pence, up to £9,999,999,999.99."""
    return models.DecimalField(max_digits=12, decimal_places=2, **kwargs)


class Line(models.TextChoices):
    """The High Needs Block's budget lines (after the section 251 budget statement's high needs rows)."""

    TOP_UP_MAINSTREAM = "top_up_mainstream", "Top-up: mainstream schools"
    TOP_UP_ARP = "top_up_arp", "Top-up: additionally resourced provision"
    TOP_UP_SPECIAL = "top_up_special", "Top-up: special schools"
    INDEPENDENT = "independent", "Independent and non-maintained placements"
    POST_16 = "post_16", "Post-16 high needs"
    AP = "ap", "Alternative provision"
    ENG = "eng", "Exceptional Needs Grants"
    TUITION_EOTAS = "tuition_eotas", "Tuition and EOTAS packages"
    SERVICES = "services", "SEND support services"


class FundingYear(models.Model):
    """Settings that belong to one financial year: the notional SEN threshold is data, not a constant."""

    start_year = models.PositiveSmallIntegerField(
        unique=True, help_text="2026 means April 2026 to March 2027"
    )
    notional_threshold = money_field(
        verbose_name="notional SEN threshold",
        help_text="What a mainstream school meets from its notional SEN budget before top-up",
    )
    national_threshold = money_field(verbose_name="national threshold", default=6000)
    allocation = money_field(
        verbose_name="High Needs Block allocation",
        default=0,
        help_text="The DSG high needs block for the year",
    )
    eng_children_target = models.PositiveIntegerField(
        verbose_name="ENG children target",
        default=0,
        help_text="Children the year's Exceptional Needs Grants should reach (0: no target)",
    )
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                name="funding_year_range", condition=Q(start_year__gte=2000, start_year__lte=2100)
            ),
            models.CheckConstraint(
                name="funding_year_threshold_positive", condition=Q(notional_threshold__gte=0)
            ),
            models.CheckConstraint(name="funding_year_allocation_positive", condition=Q(allocation__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.start_year}-{str(self.start_year + 1)[-2:]}"


class BudgetLine(models.Model):
    year = models.ForeignKey(FundingYear, models.CASCADE, related_name="budget_lines")
    line = models.CharField(max_length=20, choices=Line.choices)
    amount = money_field()
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["year", "line"]
        constraints = [
            models.UniqueConstraint(fields=["year", "line"], name="budget_line_once_a_year"),
            models.CheckConstraint(name="budget_line_valid", condition=Q(line__in=Line.values)),
            models.CheckConstraint(name="budget_line_not_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_line_display()}"


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    TERMLY = "termly", "Termly"
    ANNUAL = "annual", "Annual"


class Commitment(Removable):
    """A recurring cost the block pays that is not a child's band, grant or package: commissioned AP
    places, service contracts, post-16 college places."""

    line = models.CharField(max_length=20, choices=Line.choices)
    description = models.CharField(max_length=200)
    amount = money_field()
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.ANNUAL)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["line", "description"]
        constraints = [
            models.CheckConstraint(name="commitment_line_valid", condition=Q(line__in=Line.values)),
            models.CheckConstraint(
                name="commitment_frequency_valid", condition=Q(frequency__in=Frequency.values)
            ),
            models.CheckConstraint(name="commitment_amount_positive", condition=Q(amount__gte=0)),
            models.CheckConstraint(
                name="commitment_end_after_start", condition=Q(end__isnull=True) | Q(end__gte=F("start"))
            ),
        ]

    def __str__(self) -> str:
        return self.description


class ForecastAdjustment(Removable):
    """A known change to the year's outturn not yet in the commitments (for example plans expected to be
    issued before March), from a month on."""

    year = models.ForeignKey(FundingYear, models.CASCADE, related_name="adjustments")
    line = models.CharField(max_length=20, choices=Line.choices)
    amount = money_field(help_text="Negative for an expected saving")
    from_month = models.DateField(help_text="The first day of the month the change starts")
    reason = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["line", "from_month"]
        constraints = [
            models.CheckConstraint(name="adjustment_line_valid", condition=Q(line__in=Line.values)),
            models.CheckConstraint(name="adjustment_first_of_month", condition=Q(from_month__day=1)),
        ]

    def __str__(self) -> str:
        return self.reason


class Scenario(models.Model):
    year = models.ForeignKey(FundingYear, models.CASCADE, related_name="scenarios")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["year", "name"], name="scenario_name_once_a_year")]

    def __str__(self) -> str:
        return self.name


class ScenarioChange(models.Model):
    scenario = models.ForeignKey(Scenario, models.CASCADE, related_name="changes")
    line = models.CharField(max_length=20, choices=Line.choices)
    percent = models.DecimalField(max_digits=5, decimal_places=1, default=0, help_text="-10 for 10% fewer")
    places = models.PositiveIntegerField(default=0)
    value_per_place = money_field(default=0)
    places_from = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(name="scenario_change_line_valid", condition=Q(line__in=Line.values)),
            models.CheckConstraint(name="scenario_change_percent_range", condition=Q(percent__gte=-100)),
            models.CheckConstraint(name="scenario_change_place_value", condition=Q(value_per_place__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.scenario}: {self.line}"
