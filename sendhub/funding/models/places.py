"""Packages outside school, specialist places and admissions, and capital grants."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sendhub.funding.models.budget import money_field
from sendhub.funding.models.removable import Removable
from sendhub.lib.dates import long_date


class PackageKind(models.TextChoices):
    TUITION = "tuition", "Tuition (no school place)"
    EOTAS = "eotas", "Education otherwise than at school (EOTAS)"


class Package(models.Model):
    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="funding_packages")
    kind = models.CharField(max_length=8, choices=PackageKind.choices)
    provider = models.CharField(max_length=200)
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1)
    weekly_cost = money_field()
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=300)
    review_date = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(name="package_kind_valid", condition=Q(kind__in=PackageKind.values)),
            models.CheckConstraint(
                name="package_hours_range", condition=Q(hours_per_week__gt=0, hours_per_week__lte=60)
            ),
            models.CheckConstraint(name="package_cost_not_negative", condition=Q(weekly_cost__gte=0)),
            models.CheckConstraint(
                name="package_end_after_start", condition=Q(end__isnull=True) | Q(end__gte=F("start"))
            ),
            models.CheckConstraint(
                name="package_review_after_start", condition=Q(review_date__gte=F("start"))
            ),
        ]
        indexes = [models.Index(fields=["kind", "start", "end"], name="package_live")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.provider}"


class ReductionTarget(models.Model):
    """Appendix C 2.2: reduce tuition packages by 50% and EOTAS packages by 40% from a baseline."""

    kind = models.CharField(max_length=8, choices=PackageKind.choices, unique=True)
    baseline_on = models.DateField()
    reduction_percent = models.DecimalField(max_digits=4, decimal_places=1)
    target_on = models.DateField()
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        constraints = [
            models.CheckConstraint(name="target_kind_valid", condition=Q(kind__in=PackageKind.values)),
            models.CheckConstraint(
                name="target_percent_range", condition=Q(reduction_percent__gte=0, reduction_percent__lte=100)
            ),
            models.CheckConstraint(name="target_after_baseline", condition=Q(target_on__gt=F("baseline_on"))),
        ]

    def __str__(self) -> str:
        return f"{self.kind} -{self.reduction_percent}%"


class ProvisionKind(models.TextChoices):
    SPECIAL = "special", "Special school"
    ARP = "arp", "Additionally resourced provision"
    AP = "ap", "Alternative provision"


class SpecialistProvision(Removable):
    school = models.ForeignKey("schools.School", models.PROTECT, related_name="specialist_provisions")
    kind = models.CharField(max_length=8, choices=ProvisionKind.choices)
    name = models.CharField(max_length=200)
    need = models.CharField(
        max_length=4, help_text="The primary need the provision is designated for (SEN2 code)"
    )
    phase = models.CharField(max_length=20)
    commissioned_places = models.PositiveIntegerField()
    place_value = money_field(default=10000, help_text="Annual place funding")
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(name="provision_kind_valid", condition=Q(kind__in=ProvisionKind.values)),
            models.UniqueConstraint(
                fields=["school", "kind"],
                condition=Q(removed_at__isnull=True),
                name="provision_once_per_school_and_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AdmissionsPanel(models.Model):
    meets_on = models.DateField(unique=True)

    class Meta:
        ordering = ["-meets_on"]

    def __str__(self) -> str:
        return f"Admissions panel, {long_date(self.meets_on)}"


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", "Referred"
    AGREED = "agreed", "Agreed: waiting for a place"
    OFFERED = "offered", "Place offered"
    ACCEPTED = "accepted", "Place accepted"
    DECLINED = "declined", "Not agreed"
    WITHDRAWN = "withdrawn", "Withdrawn"


WAITING = (ReferralStatus.REFERRED, ReferralStatus.AGREED, ReferralStatus.OFFERED)

# The admissions panel's steps: from each status, the ones a referral may take next (in the panel's order).
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    ReferralStatus.REFERRED: (
        ReferralStatus.AGREED,
        ReferralStatus.OFFERED,
        ReferralStatus.DECLINED,
        ReferralStatus.WITHDRAWN,
    ),
    ReferralStatus.AGREED: (ReferralStatus.OFFERED, ReferralStatus.WITHDRAWN),
    ReferralStatus.OFFERED: (ReferralStatus.ACCEPTED, ReferralStatus.WITHDRAWN),
}


class AdmissionReferral(models.Model):
    """A referral to the SEND admissions panel for a special school or ARP place (Appendix C 2.10)."""

    provision = models.ForeignKey(SpecialistProvision, models.PROTECT, related_name="referrals")
    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="admission_referrals")
    need = models.CharField(max_length=4)
    phase = models.CharField(max_length=20)
    referred_on = models.DateField()
    panel = models.ForeignKey(
        AdmissionsPanel, models.SET_NULL, null=True, blank=True, related_name="referrals"
    )
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.REFERRED)
    offered_on = models.DateField(null=True, blank=True)
    accepted_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: the referral's step page

    class Meta:
        ordering = ["referred_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="referral_status_valid", condition=Q(status__in=ReferralStatus.values)
            ),
            models.CheckConstraint(
                name="referral_offer_dated",
                condition=~Q(status__in=[ReferralStatus.OFFERED, ReferralStatus.ACCEPTED])
                | Q(offered_on__isnull=False),
            ),
            models.CheckConstraint(
                name="referral_acceptance_dated",
                condition=~Q(status=ReferralStatus.ACCEPTED) | Q(accepted_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Referral {self.pk} to {self.provision_id}"


class CapitalStatus(models.TextChoices):
    AGREED = "agreed", "Agreed"
    IN_DELIVERY = "in_delivery", "In delivery"
    COMPLETED = "completed", "Completed"


class CapitalGrant(models.Model):
    school = models.ForeignKey("schools.School", models.PROTECT, related_name="capital_grants")
    amount = money_field()
    purpose = models.CharField(max_length=200)
    status = models.CharField(max_length=12, choices=CapitalStatus.choices, default=CapitalStatus.AGREED)
    awarded_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    places_delivered = models.PositiveIntegerField(default=0)
    adaptations = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking: edit pages

    class Meta:
        ordering = ["school__name"]
        constraints = [
            models.CheckConstraint(name="capital_status_valid", condition=Q(status__in=CapitalStatus.values)),
            models.CheckConstraint(name="capital_amount_positive", condition=Q(amount__gt=0)),
            models.CheckConstraint(
                name="capital_completed_dated",
                condition=~Q(status=CapitalStatus.COMPLETED) | Q(completed_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.amount})"
