"""Writes for packages outside school, specialist places and admissions, and capital grants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import (
    AdmissionReferral,
    AdmissionsPanel,
    CapitalGrant,
    Package,
    ReductionTarget,
    ReferralStatus,
    SpecialistProvision,
)


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


@transaction.atomic
def end_package(*, package: Package, end: date, by: User) -> Package:
    if end < package.start:
        raise SendHubError("A package cannot end before it starts", field="end")
    package.end = end
    package.full_clean()
    package.save(update_fields=["end"])
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
def refer_for_place(
    *, provision: SpecialistProvision, child_id: int, need: str, phase: str, on: date, by: User | None
) -> AdmissionReferral:
    panel = AdmissionsPanel.objects.filter(meets_on__gte=on).order_by("meets_on").first()
    referral = AdmissionReferral(
        provision=provision, child_id=child_id, need=need, phase=phase, referred_on=on, panel=panel
    )
    referral.full_clean()
    referral.save()
    record_event(actor=by, action="funding.admission.referred", target=referral, data={"child": child_id})
    return referral


ALLOWED_MOVES = {
    ReferralStatus.REFERRED: {
        ReferralStatus.AGREED,
        ReferralStatus.OFFERED,
        ReferralStatus.DECLINED,
        ReferralStatus.WITHDRAWN,
    },
    ReferralStatus.AGREED: {ReferralStatus.OFFERED, ReferralStatus.WITHDRAWN},
    ReferralStatus.OFFERED: {ReferralStatus.ACCEPTED, ReferralStatus.WITHDRAWN},
}


@transaction.atomic
def move_referral(
    *, referral: AdmissionReferral, status: str, on: date, by: User | None
) -> AdmissionReferral:
    """The admissions panel's steps: agree, offer, accept (or decline, withdraw), each dated."""
    if status not in ALLOWED_MOVES.get(ReferralStatus(referral.status), set()):
        raise SendHubError(
            f"A referral that is {referral.get_status_display().lower()} cannot become {ReferralStatus(status).label.lower()}"
        )
    referral.status = status
    if status == ReferralStatus.OFFERED:
        referral.offered_on = on
    if status == ReferralStatus.ACCEPTED:
        referral.accepted_on = on
    referral.full_clean()
    referral.save()
    record_event(actor=by, action="funding.admission.moved", target=referral, data={"status": status})
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
