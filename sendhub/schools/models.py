from __future__ import annotations

from django.db import models
from django.db.models import Q


class Phase(models.TextChoices):
    NURSERY = "nursery", "Nursery"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SIXTEEN_PLUS = "16_plus", "16 plus"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class SettingType(models.TextChoices):
    """Broad setting types, as SEN2 and the EHC plan statistics group them."""

    MAINSTREAM = "mainstream", "Mainstream school"
    RESOURCED = "resourced", "Mainstream with resourced provision or SEN unit"
    SPECIAL = "special", "Special school"
    INDEPENDENT_SPECIAL = "independent_special", "Independent or non-maintained special school"
    AP_PRU = "ap_pru", "Alternative provision or pupil referral unit"
    FE = "fe", "Further education or sixth form college"
    EARLY_YEARS = "early_years", "Early years setting"
    OTHER = "other", "Other"


class School(models.Model):
    """A school or other education setting, identified by its DfE URN (Get Information About Schools)."""

    urn = models.PositiveIntegerField("URN", unique=True)
    ukprn = models.CharField("UKPRN", max_length=8, blank=True)
    name = models.CharField(max_length=200)
    phase = models.CharField(max_length=20, choices=Phase.choices)
    setting_type = models.CharField(max_length=30, choices=SettingType.choices)
    establishment_type = models.CharField(max_length=120, blank=True, help_text="GIAS TypeOfEstablishment")
    la_code = models.CharField("LA code", max_length=3)
    ward = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    is_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(name="school_phase_valid", condition=Q(phase__in=Phase.values)),
            models.CheckConstraint(
                name="school_setting_type_valid", condition=Q(setting_type__in=SettingType.values)
            ),
        ]

    def __str__(self) -> str:
        return self.name
