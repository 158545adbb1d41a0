"""Writes for packages outside school, specialist places and admissions, and capital grants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.services.common import check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import (
    NEXT_STEPS,
    WAITING,
    AdmissionReferral,
    AdmissionsPanel,
    CapitalGrant,
    Package,
    ReductionTarget,
    ReferralStatus,
    SpecialistProvision,
)
from sendhub.lib.dates import long_date


@transaction.atomic
def add_package(
    *,
    child_id: int,
    kind: str,
    provider: str,
    hours_per_week: Decimal,
    weekly_cost: Decimal,
    start: date,
    end: date | None,
    reason: str,
    review_date: date,
    by: User,
) -> Package:
    package = Package(
        child_id=child_id,
        kind=kind,
        provider=provider,
        hours_per_week=hours_per_week,
        weekly_cost=weekly_cost,
        start=start,
        end=end,
        reason=reason,
        review_date=review_date,
        created_by=by,
    )
    package.full_clean()
    package.save()
    record_event(
        actor=by, action="funding.package.added", target=package, data={"child": child_id, "kind": kind}
    )
    return package


# What the package's edit page may change (the child and who added it stay).
PACKAGE_TERMS = ("kind", "provider", "hours_per_week", "weekly_cost", "start", "end", "reason", "review_date")


@transaction.atomic
def change_package(*, package: Package, terms: dict[str, Any], version: int, by: User) -> Package:
    """New terms for a package (provider, hours, weekly cost, dates, reason, review): refused if someone
    changed it since the form was opened; the audit event names the fields that changed."""
    unknown = set(terms) - set(PACKAGE_TERMS)
    if unknown:
        raise SendHubError(f"A package has no {sorted(unknown)[0]}")
    check_and_bump_version(package, version)
    changed = sorted(name for name, value in terms.items() if getattr(package, name) != value)
    for name, value in terms.items():
        setattr(package, name, value)
    if package.end is not None and package.end < package.start:
        raise SendHubError("The end date must be on or after the start date", field="end")
    if package.review_date < package.start:
        raise SendHubError("The review date must be on or after the start date", field="review_date")
    package.full_clean()
    package.save()
    record_event(
        actor=by,
        action="funding.package.changed",
        target=package,
        data={"changed": changed, "weekly_cost": str(package.weekly_cost)},
    )
    return package


@transaction.atomic
def end_package(*, package: Package, end: date, by: User, version: int | None = None) -> Package:
    """The package's last day; `version` (from the end page's form) refuses a stale form."""
    if end < package.start:
        raise SendHubError("A package cannot end before it starts", field="end")
    check_and_bump_version(package, version)
    package.end = end
    package.full_clean()
    package.save(update_fields=["end", "version"])
    record_event(actor=by, action="funding.package.ended", target=package, data={"end": end.isoformat()})
    return package


@transaction.atomic
def set_target(
    *, kind: str, baseline_on: date, reduction_percent: Decimal, target_on: date, by: User | None
) -> ReductionTarget:
    target, _ = ReductionTarget.objects.get_or_create(
        kind=kind,
        defaults={"baseline_on": baseline_on, "reduction_percent": reduction_percent, "target_on": target_on},
    )
    target.baseline_on, target.reduction_percent, target.target_on = baseline_on, reduction_percent, target_on
    target.full_clean()
    target.save()
    record_event(actor=by, action="funding.target.set", target=target, data={"kind": kind})
    return target


@transaction.atomic
def add_provision(
    *,
    school_id: int,
    kind: str,
    name: str,
    need: str,
    phase: str,
    places: int,
    place_value: Decimal,
    by: User | None,
) -> SpecialistProvision:
    provision = SpecialistProvision(
        school_id=school_id,
        kind=kind,
        name=name,
        need=need,
        phase=phase,
        commissioned_places=places,
        place_value=place_value,
    )
    provision.full_clean()
    provision.save()
    record_event(actor=by, action="funding.provision.added", target=provision, data={"places": places})
    return provision


@transaction.atomic
def schedule_admissions_panel(*, meets_on: date, by: User | None) -> AdmissionsPanel:
    """A meeting of the SEND admissions panel (Appendix C 2.10); referrals are listed at the next one."""
    if AdmissionsPanel.objects.filter(meets_on=meets_on).exists():
        raise SendHubError(f"The admissions panel already meets on {long_date(meets_on)}", field="meets_on")
    panel = AdmissionsPanel(meets_on=meets_on)
    panel.full_clean()
    panel.save()
    record_event(
        actor=by, action="funding.admissions_panel.scheduled", target=panel, data={"on": meets_on.isoformat()}
    )
    return panel


@transaction.atomic
def refer_for_place(
    *,
    provision: SpecialistProvision,
    child_id: int,
    need: str,
    phase: str,
    on: date,
    by: User | None,
    panel: AdmissionsPanel | None = None,
) -> AdmissionReferral:
    """A referral for a special school or ARP place, listed at `panel` or else the next meeting on or
    after the referral (none yet: listed when one is scheduled, shown as not listed)."""
    if panel is None:
        panel = AdmissionsPanel.objects.filter(meets_on__gte=on).order_by("meets_on").first()
    elif panel.meets_on < on:
        raise SendHubError(
            f"The panel on {long_date(panel.meets_on)} meets before the referral: choose a later meeting",
            field="panel",
        )
    if AdmissionReferral.objects.filter(provision=provision, child_id=child_id, status__in=WAITING).exists():
        raise SendHubError("This child is already waiting for a place at this provision", field="child")
    referral = AdmissionReferral(
        provision=provision, child_id=child_id, need=need, phase=phase, referred_on=on, panel=panel
    )
    referral.full_clean()
    referral.save()
    record_event(
        actor=by,
        action="funding.admission.referred",
        target=referral,
        data={"child": child_id, "provision": provision.pk, "panel": panel.pk if panel else None},
    )
    return referral


@transaction.atomic
def move_referral(
    *, referral: AdmissionReferral, status: str, on: date, by: User | None, version: int | None = None
) -> AdmissionReferral:
    """The admissions panel's steps: agree, offer, accept (or decline, withdraw), each dated; `version`
    (from the referral's page) refuses a stale form."""
    if status not in NEXT_STEPS.get(referral.status, ()):
        raise SendHubError(
            f"A referral that is {referral.get_status_display().lower()} cannot become "
            f"{ReferralStatus(status).label.lower()}",
            field="status",
        )
    if on < referral.referred_on:
        raise SendHubError(
            f"The date cannot be before the referral on {long_date(referral.referred_on)}", field="on"
        )
    if status == ReferralStatus.ACCEPTED and referral.offered_on and on < referral.offered_on:
        raise SendHubError(
            f"The place cannot be accepted before it was offered on {long_date(referral.offered_on)}",
            field="on",
        )
    check_and_bump_version(referral, version)
    referral.status = status
    if status == ReferralStatus.OFFERED:
        referral.offered_on = on
    if status == ReferralStatus.ACCEPTED:
        referral.accepted_on = on
    referral.full_clean()
    referral.save()
    record_event(
        actor=by,
        action="funding.admission.moved",
        target=referral,
        data={"status": status, "on": on.isoformat()},
    )
    return referral


@transaction.atomic
def add_capital_grant(
    *,
    school_id: int,
    amount: Decimal,
    purpose: str,
    status: str,
    awarded_on: date,
    completed_on: date | None,
    places_delivered: int,
    adaptations: str,
    by: User | None,
) -> CapitalGrant:
    grant = CapitalGrant(
        school_id=school_id,
        amount=amount,
        purpose=purpose,
        status=status,
        awarded_on=awarded_on,
        completed_on=completed_on,
        places_delivered=places_delivered,
        adaptations=adaptations,
    )
    grant.full_clean()
    grant.save()
    record_event(actor=by, action="funding.capital.added", target=grant, data={"amount": str(amount)})
    return grant
