"""Removing what was entered in error: a commitment, a forecast adjustment, a specialist provision (the
finance officer's) or a plan's band decision (casework's). Removal is soft: the row keeps when, who and
why, `objects` stops returning it, so the High Needs Block forecast and every page leave it out. Each
removal checks the version the page was opened at (a band has none: an already removed one is refused),
calls full_clean() and records an audit event in the same transaction."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.services.common import check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import (
    WAITING,
    AdmissionReferral,
    Commitment,
    ForecastAdjustment,
    PlanBand,
    SpecialistProvision,
)
from sendhub.funding.models.removable import Removable


def _remove(obj: Removable, *, reason: str, by: User, action: str, data: dict[str, object]) -> None:
    reason = reason.strip()
    if not reason:
        raise SendHubError("Enter why it is being removed", field="reason")
    obj.removed_at, obj.removed_by, obj.removal_reason = timezone.now(), by, reason
    obj.full_clean()
    obj.save()
    record_event(actor=by, action=action, target=obj, data=data | {"reason": reason})


@transaction.atomic
def remove_commitment(*, commitment: Commitment, reason: str, version: int, by: User) -> None:
    check_and_bump_version(commitment, version)
    _remove(
        commitment,
        reason=reason,
        by=by,
        action="funding.commitment.removed",
        data={"line": commitment.line, "amount": str(commitment.amount)},
    )


@transaction.atomic
def remove_adjustment(*, adjustment: ForecastAdjustment, reason: str, version: int, by: User) -> None:
    check_and_bump_version(adjustment, version)
    _remove(
        adjustment,
        reason=reason,
        by=by,
        action="funding.adjustment.removed",
        data={"line": adjustment.line, "amount": str(adjustment.amount)},
    )


@transaction.atomic
def remove_provision(*, provision: SpecialistProvision, reason: str, version: int, by: User) -> None:
    """A provision with children waiting for one of its places stays until their referrals are settled."""
    check_and_bump_version(provision, version)
    waiting = AdmissionReferral.objects.filter(provision=provision, status__in=WAITING).count()
    if waiting:
        raise SendHubError(
            f"{waiting} referral{'s are' if waiting != 1 else ' is'} to {provision.name} still waiting "
            "for the admissions panel: settle the referrals before removing the provision",
            field="reason",
        )
    _remove(
        provision,
        reason=reason,
        by=by,
        action="funding.provision.removed",
        data={"kind": provision.kind, "places": provision.commissioned_places},
    )


@transaction.atomic
def remove_plan_band(*, band: PlanBand, reason: str, by: User) -> PlanBand | None:
    """A band decision entered in error. When it was the plan's current band, the band it ended (the day
    before it started) is current again; that band is returned (None when there is none)."""
    band = PlanBand.objects.select_for_update().filter(pk=band.pk).first() or band
    if band.removed_at is not None:
        raise SendHubError("This band decision has already been removed", field="reason")
    previous = None
    if band.end is None:
        previous = (
            PlanBand.objects.select_for_update()
            .filter(plan_id=band.plan_id, end=band.start - timedelta(days=1))
            .order_by("-start")
            .first()
        )
    _remove(
        band,
        reason=reason,
        by=by,
        action="funding.band.removed",
        data={
            "plan": band.plan_id,
            "band_value": band.value_id,
            "reopened": previous.pk if previous else None,
        },
    )
    if previous is not None:
        previous.end = None
        previous.full_clean()
        previous.save(update_fields=["end"])
    return previous
