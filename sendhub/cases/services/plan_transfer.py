"""Transferring a maintained EHC plan to another local authority in England (SEND Regulations 2014 reg 15;
CFA 2014 s.47): the officer records the move, SEND Hub works out the statutory dates (rules/transfer.py),
writes to the new authority and to the family, and the plan stops being this authority's from the date
of the transfer (reg 15(3)(a))."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.la_codes import find_authority
from sendhub.cases.models import AreaTransfer, Plan, PlanStatus, TransferDirection, VersionKind
from sendhub.cases.rules.transfer import PlanTransferDates, plan_transfer_dates
from sendhub.cases.services import letters
from sendhub.cases.services.common import add_timeline
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.lib.dates import long_date

LIVE = (PlanStatus.ACTIVE, PlanStatus.CEASING)


def reg15_dates(plan: Plan, moved_on: date, aware_on: date, recorded_on: date) -> PlanTransferDates:
    review = plan.reviews.order_by("-meeting").first()
    return plan_transfer_dates(
        moved_on=moved_on,
        aware_on=aware_on,
        recorded_on=recorded_on,
        plan_made=plan.start_date or recorded_on,
        last_review=review.meeting if review is not None else None,
    )


@transaction.atomic
def transfer_plan_out(
    *,
    plan: Plan,
    new_authority: str,
    moved_on: date,
    aware_on: date,
    by: User,
    today: date,
    notes: str = "",
) -> AreaTransfer:
    """Record that the child moves to ``new_authority`` (an English LA's name or DfE code) on ``moved_on``,
    this authority having become aware of it on ``aware_on``; write to the new authority and the family.

    The plan passes on the day of the move, or today if that is later (rules.transfer); from then it is
    "transferred to another authority", no longer one of this authority's live plans. A transfer on a
    later day is finished by the nightly status refresh (``finish_due_transfers``).
    """
    if plan.status not in LIVE or plan.start_date is None:
        raise CaseStateError("Only a maintained plan can be transferred to another authority")
    if plan.transfers.exists():
        raise CaseStateError("This plan's transfer to another authority is already recorded")
    found = find_authority(new_authority)
    if found is None:
        raise SendHubError(
            "Enter a local authority in England: its name or its three-digit code (for example Barnet or 302)",
            field="new_authority",
        )
    code, name = found
    if code == settings.SENDHUB_LA_CODE:
        raise SendHubError(
            f"{name} is this authority: enter the authority the family moves to", field="new_authority"
        )
    if aware_on > today:
        raise SendHubError("The date cannot be in the future", field="aware_on")
    if moved_on < plan.start_date:
        raise SendHubError(
            f"The move cannot be before the plan ({long_date(plan.start_date)})", field="moved_on"
        )
    dates = reg15_dates(plan, moved_on, aware_on, today)
    transfer = AreaTransfer(
        child=plan.child,
        plan=plan,
        direction=TransferDirection.OUT,
        other_la=code,
        moved_on=moved_on,
        notified_on=aware_on,
        transferred_on=dates.transferred_on,
        notes=notes,
    )
    transfer.full_clean(exclude=["child", "plan"])
    transfer.save()
    if dates.transferred_on <= today:
        _mark_transferred(plan)
    context = {
        "authority_name": name,
        "move_date": long_date(moved_on),
        "transfer_date": long_date(dates.transferred_on),
        "notice_due": long_date(dates.parent_notice_due),
        "review_due": long_date(dates.review_due),
    }
    version = (
        plan.versions.filter(kind__in=[VersionKind.FINAL, VersionKind.AMENDED]).order_by("-number").first()
    )
    letters.for_step(
        "transfer-to-authority",
        child=plan.child,
        by=by,
        today=today,
        context=context,
        addressee=letters.authority_addressee(name),
        plan=plan,
        plan_version=version,
    )
    letters.for_step(
        "transfer-to-parent",
        child=plan.child,
        by=by,
        today=today,
        context=context,
        plan=plan,
        plan_version=version,
    )
    add_timeline(
        plan.child,
        on=today,
        kind="transfer",
        summary=f"Plan transfers to {name} on {long_date(dates.transferred_on)} (reg 15)",
        by=by,
    )
    record_event(
        actor=by,
        action="cases.plan.transferred_out",
        target=plan,
        data={
            "la": code,
            "moved_on": moved_on.isoformat(),
            "transferred_on": dates.transferred_on.isoformat(),
            "on_time": dates.on_time,
        },
    )
    refresh_status(plan.child, today)
    return transfer


def _mark_transferred(plan: Plan) -> None:
    plan.status = PlanStatus.TRANSFERRED_OUT
    plan.full_clean(exclude=["child", "request", "named_setting", "second_setting"])
    plan.save(update_fields=["status"])


def finish_due_transfers(today: date, *, dry_run: bool = False) -> int:
    """Plans whose transfer date has come stop being live (reg 15(3)(a)); returns how many. Safe to re-run."""
    due = Plan.objects.filter(
        status__in=LIVE, transfers__direction=TransferDirection.OUT, transfers__transferred_on__lte=today
    ).distinct()
    if dry_run:
        return due.count()
    return Plan.objects.filter(pk__in=list(due.values_list("pk", flat=True))).update(
        status=PlanStatus.TRANSFERRED_OUT
    )
