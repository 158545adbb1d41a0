from __future__ import annotations

from django.conf import settings
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
    """Broad setting types, as SEN2 and the EHC plan statistics group them (GIAS type of establishment)."""

    MAINSTREAM = "mainstream", "Mainstream school"
    RESOURCED = "resourced", "Mainstream with resourced provision or SEN unit"
    SPECIAL = "special", "Special school"
    INDEPENDENT = "independent", "Independent school"
    INDEPENDENT_SPECIAL = "independent_special", "Independent special school"
    NON_MAINTAINED_SPECIAL = "non_maintained_special", "Non-maintained special school"
    AP_PRU = "ap_pru", "Alternative provision or pupil referral unit"
    FE = "fe", "Further education or sixth form college"
    SPECIALIST_POST16 = "specialist_post16", "Specialist post-16 institution"
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
    la_name = models.CharField("LA name", max_length=100, blank=True, help_text="GIAS LA (name)")
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
        # A setting in another area says which, wherever it is named (plans, placements, pickers).
        if self.out_of_borough:
            return f"{self.name} ({self.la_name or f'LA {self.la_code}'})"
        return self.name

    @property
    def out_of_borough(self) -> bool:
        return bool(self.la_code) and self.la_code != settings.SENDHUB_LA_CODE
