"""Writes to measures: linking a measure to an action, and partners' values (one by one, or a CSV)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected, SendHubError
from sendhub.lib.dates import short_date
from sendhub.strategy.models import Action, Measure, MeasureSource, PartnerMeasure, PartnerMeasureValue
from sendhub.strategy.rules import percent

UPLOAD_COLUMNS = ["measure", "period_start", "period_end", "value", "numerator", "denominator", "source"]


def can_enter(user: User, measure: PartnerMeasure) -> bool:
    """Only an officer of the organisation that owns the measure enters its values."""
    membership = getattr(user, "partner_membership", None)
    return bool(
        user.has_perm("strategy.enter_partner_measures")
        and membership is not None
        and membership.organisation_id == measure.owner_id
    )


@transaction.atomic
def link_measure(
    *,
    action: Action,
    label: str,
    target: Decimal,
    direction: str,
    due: date,
    by: User | None,
    kpi_key: str = "",
    partner_measure: PartnerMeasure | None = None,
) -> Measure:
    measure = Measure(
        action=action,
        label=label,
        target=target,
        direction=direction,
        due=due,
        source=MeasureSource.PARTNER if partner_measure else MeasureSource.KPI,
        kpi_key="" if partner_measure else kpi_key,
        partner_measure=partner_measure,
    )
    measure.full_clean()
    measure.save()
    record_event(
        actor=by,
        action="strategy.measure.linked",
        target=action,
        data={"measure": measure.pk, "source": measure.source},
    )
    return measure


@dataclass(frozen=True)
class ValueInput:
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    source: str


def _checked_value(measure: PartnerMeasure, entry: ValueInput) -> Decimal:
    """The value to store, or a SendHubError naming the field that is wrong."""
    if entry.period_end < entry.period_start:
        raise SendHubError("The period must end on or after its start", field="period_end")
    if measure.has_denominator:
        if entry.numerator is None or not entry.denominator:
            raise SendHubError(f"Enter the numerator and denominator of {measure.name}", field="numerator")
        if entry.numerator > entry.denominator:
            raise SendHubError("The numerator must not be more than the denominator", field="numerator")
        value = percent(entry.numerator, entry.denominator)
        assert value is not None
        return value
    if entry.numerator is not None or entry.denominator is not None:
        raise SendHubError(
            f"{measure.name} is a single figure: leave numerator and denominator blank", field="numerator"
        )
    if entry.value is None:
        raise SendHubError(f"Enter the value of {measure.name}", field="value")
    return entry.value


def _save_value(*, measure: PartnerMeasure, entry: ValueInput, by: User | None) -> PartnerMeasureValue:
    if PartnerMeasureValue.objects.filter(
        measure=measure, period_start=entry.period_start, period_end=entry.period_end
    ).exists():
        raise SendHubError(
            f"{measure.name} already has a value for {short_date(entry.period_start)} to {short_date(entry.period_end)}",
            field="period_start",
        )
    row = PartnerMeasureValue(
        measure=measure,
        period_start=entry.period_start,
        period_end=entry.period_end,
        value=_checked_value(measure, entry),
        numerator=entry.numerator,
        denominator=entry.denominator,
        source=entry.source,
        entered_by=by,
    )
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def record_partner_value(*, measure: PartnerMeasure, entry: ValueInput, by: User) -> PartnerMeasureValue:
    if not can_enter(by, measure):
        raise PermissionDenied
    row = _save_value(measure=measure, entry=entry, by=by)
    record_event(actor=by, action="strategy.partner_value.recorded", target=measure, data={"value": row.pk})
    return row


def _date(text: str) -> date:
    return date.fromisoformat(text)


@transaction.atomic
def upload_partner_values(*, text: str, by: User) -> list[PartnerMeasureValue]:  # noqa: C901 (one check per CSV column, every row's problems reported together)
    """Save every row of a CSV of values, or none: each wrong row is reported with its row and column.

    Rows may only name measures the uploader's organisation owns."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in UPLOAD_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected(
            "The file is not a measures upload", [f"Row 1: missing column(s) {', '.join(missing)}"]
        )
    letter = {c: chr(ord("A") + (reader.fieldnames or []).index(c)) for c in UPLOAD_COLUMNS}
    measures = {m.code: m for m in PartnerMeasure.objects.all()}
    errors: list[str] = []
    saved: list[PartnerMeasureValue] = []
    for n, row in enumerate(reader, start=2):
        cells = {c: (row.get(c) or "").strip() for c in UPLOAD_COLUMNS}

        def problem(column: str, message: str, n: int = n) -> None:
            errors.append(f"Row {n}, column {letter[column]} ({column}): {message}")

        measure = measures.get(cells["measure"])
        if measure is None or not can_enter(by, measure):
            problem("measure", f"'{cells['measure']}' is not one of your organisation's measures")
            continue
        parsed: dict[str, Any] = {}
        for column in ("period_start", "period_end"):
            try:
                parsed[column] = _date(cells[column])
            except ValueError:
                problem(column, "enter a date as YYYY-MM-DD")
        try:
            parsed["value"] = Decimal(cells["value"]) if cells["value"] else None
        except InvalidOperation:
            problem("value", "enter a number")
        for column in ("numerator", "denominator"):
            if cells[column] and not cells[column].isdigit():
                problem(column, "enter a whole number")
            parsed[column] = int(cells[column]) if cells[column].isdigit() else None
        if not cells["source"]:
            problem("source", "enter where the figure comes from")
        if len(errors) and errors[-1].startswith(f"Row {n},"):
            continue
        entry = ValueInput(source=cells["source"], **parsed)
        try:
            saved.append(_save_value(measure=measure, entry=entry, by=by))
        except SendHubError as e:
            problem(e.field if e.field in letter else "value", str(e))
        except ValidationError as e:
            for name, messages in e.message_dict.items():
                problem(name if name in letter else "value", "; ".join(messages))
    if errors:
        raise ImportRejected(f"Nothing was saved: {len(errors)} problem(s)", errors)
    if not saved:
        raise ImportRejected("Nothing was saved", ["Row 2: the file has no rows after the header"])
    record_event(actor=by, action="strategy.partner_values.uploaded", data={"rows": len(saved)})
    return saved
