"""The banding framework (versioned by financial year) and each plan's band."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sendhub.funding.models.budget import FundingYear, money_field
from sendhub.funding.models.removable import Removable


class BandSetting(models.TextChoices):
    MAINSTREAM = "mainstream", "Mainstream"
    ARP = "arp", "Additionally resourced provision"
    SPECIAL = "special", "Special school"
    POST_16 = "post_16", "Post-16"
    INDEPENDENT = "independent", "Independent or non-maintained"


class BandingFramework(models.Model):
    year = models.OneToOneField(FundingYear, models.PROTECT, related_name="framework")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["-year__start_year"]

    def __str__(self) -> str:
        return self.name


class Band(models.Model):
    framework = models.ForeignKey(BandingFramework, models.CASCADE, related_name="bands")
    code = models.CharField(max_length=10)
    descriptor = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["framework", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="band_code_once")]

    def __str__(self) -> str:
        return f"Band {self.code}"


class BandValue(models.Model):
    band = models.ForeignKey(Band, models.CASCADE, related_name="values")
    setting = models.CharField(max_length=12, choices=BandSetting.choices)
    annual_value = money_field()

    class Meta:
        ordering = ["band", "setting"]
        constraints = [
            models.UniqueConstraint(fields=["band", "setting"], name="band_value_once_per_setting"),
            models.CheckConstraint(
                name="band_value_setting_valid", condition=Q(setting__in=BandSetting.values)
            ),
            models.CheckConstraint(name="band_value_not_negative", condition=Q(annual_value__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.band} {self.get_setting_display()}"


class PlanBand(Removable):
    """A plan's band for a type of setting, from a date, with who decided; the latest open row is current."""

    plan = models.ForeignKey("cases.Plan", models.PROTECT, related_name="funding_bands")
    value = models.ForeignKey(BandValue, models.PROTECT, related_name="plan_bands")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    decided_on = models.DateField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    forum = models.CharField(max_length=100, default="EHCP panel")

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(end__isnull=True, removed_at__isnull=True),
                name="plan_band_one_open",
            ),
            models.CheckConstraint(
                name="plan_band_end_after_start", condition=Q(end__isnull=True) | Q(end__gte=F("start"))
            ),
        ]
        indexes = [
            # selectors.forecast(): bands live in the year.
            models.Index(fields=["start", "end"], name="plan_band_dates"),
        ]

    def __str__(self) -> str:
        return f"{self.value} from {self.start:%d/%m/%Y}"
