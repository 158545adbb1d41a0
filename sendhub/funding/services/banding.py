"""Writes to the banding framework and plans' bands."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.funding.models import Band, BandingFramework, BandValue, FundingYear, PlanBand


@transaction.atomic
def create_framework(
    *, year: FundingYear, name: str, bands: list[tuple[str, str, dict[str, Decimal]]], by: User | None
) -> BandingFramework:
    """A year's framework: bands as (code, descriptor, {setting: annual value})."""
    framework = BandingFramework(year=year, name=name)
    framework.full_clean()
    framework.save()
    for order, (code, descriptor, values) in enumerate(bands):
        band = Band(framework=framework, code=code, descriptor=descriptor, order=order)
        band.full_clean()
        band.save()
        for setting, amount in values.items():
            value = BandValue(band=band, setting=setting, annual_value=amount)
            value.full_clean()
            value.save()
    record_event(actor=by, action="funding.framework.created", target=framework, data={"bands": len(bands)})
    return framework


@transaction.atomic
def record_band(
    *, plan_id: int, value: BandValue, start: date, decided_on: date, forum: str, by: User
) -> PlanBand:
    """Band a plan from a date; the band it had until then ends the day before (history is kept)."""
    if decided_on > start + timedelta(days=366) or start < date(2000, 1, 1):
        raise SendHubError("Enter a start date within a year of the decision", field="start")
    current = PlanBand.objects.select_for_update().filter(plan_id=plan_id, end__isnull=True).first()
    if current is not None:
        if start <= current.start:
            raise SendHubError(
                f"The plan's current band started on {current.start:%d/%m/%Y}: a new band must start after it",
                field="start",
            )
        current.end = start - timedelta(days=1)
        current.full_clean()
        current.save(update_fields=["end"])
    band = PlanBand(
        plan_id=plan_id, value=value, start=start, decided_on=decided_on, decided_by=by, forum=forum
    )
    band.full_clean()
    band.save()
    record_event(
        actor=by,
        action="funding.band.recorded",
        target=band,
        data={"plan": plan_id, "band_value": value.pk, "previous": current.pk if current else None},
    )
    return band


@transaction.atomic
def end_band(*, band: PlanBand, end: date, by: User | None) -> PlanBand:
    if end < band.start:
        raise SendHubError("A band cannot end before it starts", field="end")
    band.end = end
    band.full_clean()
    band.save(update_fields=["end"])
    record_event(actor=by, action="funding.band.ended", target=band, data={"end": end.isoformat()})
    return band
