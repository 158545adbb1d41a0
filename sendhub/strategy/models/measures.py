"""Measures: the partner organisations and their catalogue of measures with values per period, and the
measures linked to plan actions (a live SEND Hub KPI or a partner measure) with a target."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.strategy.models.removal import AllRowsManager, LiveManager
from sendhub.strategy.rules import Direction


class OrganisationKind(models.TextChoices):
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Social care"
    PARENT_CARER_FORUM = "pcf", "Parent Carer Forum"
    SENDIASS = "sendiass", "SENDIASS"
    COUNCIL = "council", "Council service"
    OTHER = "other", "Other partner"


class PartnerOrganisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=12, choices=OrganisationKind.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="organisation_kind_valid", condition=Q(kind__in=OrganisationKind.values)
            )
        ]

    def __str__(self) -> str:
        return self.name


class PartnerMember(models.Model):
    """A user who enters measures for a partner organisation (health, social care, PCF, SENDIASS...)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="partner_membership")
    organisation = models.ForeignKey(PartnerOrganisation, models.PROTECT, related_name="members")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Unit(models.TextChoices):
    COUNT = "count", "Number"
    PERCENT = "percent", "Per cent"
    WEEKS = "weeks", "Weeks"
    RATING = "rating", "Rating"


class PartnerMeasureQuerySet(models.QuerySet["PartnerMeasure"]):
    def visible_to(self, user: Any) -> PartnerMeasureQuerySet:
        """Council staff see the whole catalogue; a partner's officer sees only their organisation's."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.has_perm("strategy.view_all_partner_measures"):
            return self.all()
        membership = getattr(user, "partner_membership", None)
        if membership is None:
            return self.none()
        return self.filter(owner_id=membership.organisation_id)


class PartnerMeasure(models.Model):
    """A measure in the catalogue, owned by the partner that enters it each period."""

    code = models.SlugField(
        max_length=60, unique=True, help_text="The measure's column value in a CSV upload"
    )
    name = models.CharField(max_length=200)
    owner = models.ForeignKey(PartnerOrganisation, models.PROTECT, related_name="measures")
    unit = models.CharField(max_length=8, choices=Unit.choices)
    definition = models.TextField(blank=True)
    has_denominator = models.BooleanField(default=False, help_text="Entered as numerator and denominator")

    objects = PartnerMeasureQuerySet.as_manager()

    class Meta:
        ordering = ["owner__name", "name"]
        constraints = [
            models.CheckConstraint(name="partner_measure_unit_valid", condition=Q(unit__in=Unit.values))
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:partner_measure_detail", args=[self.pk])


class PartnerMeasureValue(models.Model):
    measure = models.ForeignKey(PartnerMeasure, models.CASCADE, related_name="values")
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    numerator = models.PositiveIntegerField(null=True, blank=True)
    denominator = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=200)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True)
    entered_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking for the edit page
    removed_at = models.DateTimeField(null=True, blank=True, help_text="Removed (kept for the audit trail)")

    objects = LiveManager()  # removed values are left out of every page and dashboard
    with_removed = AllRowsManager()

    class Meta:
        ordering = ["measure", "period_start"]
        base_manager_name = "with_removed"
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_start", "period_end"],
                name="measure_period_unique",
                condition=Q(removed_at__isnull=True),
            ),
            models.CheckConstraint(
                name="measure_period_ordered", condition=Q(period_end__gte=F("period_start"))
            ),
            models.CheckConstraint(
                name="measure_fraction_whole",
                condition=Q(numerator__isnull=True, denominator__isnull=True)
                | Q(numerator__isnull=False, denominator__gt=0, numerator__lte=F("denominator")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.value} ({self.period_start} to {self.period_end})"


class MeasureSource(models.TextChoices):
    KPI = "kpi", "Live SEND Hub KPI"
    PARTNER = "partner", "Partner measure"


class Measure(models.Model):
    """A measure linked to a plan action, with the target the action should reach by its due date."""

    action = models.ForeignKey("strategy.Action", models.CASCADE, related_name="measures")
    source = models.CharField(max_length=8, choices=MeasureSource.choices)
    kpi_key = models.CharField(max_length=40, blank=True, help_text="A key of sendhub.dashboard.kpis")
    partner_measure = models.ForeignKey(
        PartnerMeasure, models.PROTECT, null=True, blank=True, related_name="linked_to"
    )
    label = models.CharField(max_length=200)
    target = models.DecimalField(max_digits=12, decimal_places=2)
    direction = models.CharField(
        max_length=6, choices=[(Direction.HIGHER, "Higher is better"), (Direction.LOWER, "Lower is better")]
    )
    due = models.DateField()

    class Meta:
        ordering = ["action", "label"]
        constraints = [
            models.CheckConstraint(name="measure_source_valid", condition=Q(source__in=MeasureSource.values)),
            models.CheckConstraint(
                name="measure_direction_valid", condition=Q(direction__in=[d.value for d in Direction])
            ),
            models.CheckConstraint(
                name="measure_has_one_source",
                condition=Q(source=MeasureSource.KPI, partner_measure__isnull=True) & ~Q(kpi_key="")
                | Q(source=MeasureSource.PARTNER, partner_measure__isnull=False, kpi_key=""),
            ),
        ]

    def __str__(self) -> str:
        return self.label
