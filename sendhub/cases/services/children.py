"""Writes about the child: create (with a duplicate check), update with optimistic locking, reassign."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from sendhub.accounts.models import Role, User
from sendhub.cases import rules
from sendhub.cases.models import Child, ParentCarer, Placement, Professional
from sendhub.cases.models.children import EDITABLE_FIELDS
from sendhub.cases.services.common import add_timeline, apply_fields, check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.core.records import set_fields
from sendhub.lib.dates import long_date


def possible_duplicates(
    *, first_name: str, last_name: str, birth_date: date, upn: str = ""
) -> QuerySet[Child]:
    """Children who may be the same person: same UPN, or same date of birth and a matching name."""
    same_person = Q(birth_date=birth_date) & (
        Q(last_name__iexact=last_name.strip()) | Q(first_name__iexact=first_name.strip())
    )
    if upn.strip():
        same_person |= Q(upn__iexact=upn.strip())
    return Child.objects.filter(same_person).order_by("last_name")


def next_reference() -> str:
    last = (
        Child.objects.filter(reference__startswith="SH-")
        .order_by("-reference")
        .values_list("reference", flat=True)
    )
    number = int(last[0][3:]) + 1 if last else 1
    return f"SH-{number:07d}"


@transaction.atomic
def create_child(*, by: User, officer: User | None = None, **fields: Any) -> Child:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SendHubError(f"Unknown fields: {', '.join(sorted(unknown))}")
    officer = officer or (by if by.role == Role.CASE_OFFICER else None)
    child = Child(
        reference=next_reference(), officer=officer, team=officer.team if officer else by.team, **fields
    )
    child.full_clean()
    child.save()
    add_timeline(child, on=date.today(), kind="created", summary="Record created", by=by)
    record_event(
        actor=by,
        action="cases.child.created",
        target=child,
        data={"officer": officer.pk if officer else None},
    )
    return child


@transaction.atomic
def update_child(*, child: Child, by: User, expected_version: int, **fields: Any) -> Child:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SendHubError(f"Unknown fields: {', '.join(sorted(unknown))}")
    changed = set_fields(child, fields)
    child.full_clean()
    check_and_bump_version(child, expected_version)
    child.save(update_fields=[*fields, "updated_at"])
    record_event(actor=by, action="cases.child.updated", target=child, data={"fields": changed})
    return child


@transaction.atomic
@transaction.atomic
def reassign_child(*, child: Child, officer: User, by: User, expected_version: int | None = None) -> Child:
    """Give the case to another officer (and so their team). A team manager gives cases only to their
    own team's officers; the refusals name the `officer` field so the form shows them beside it."""
    if officer.role != Role.CASE_OFFICER or not officer.is_active:
        raise SendHubError("Choose an active case officer", field="officer")
    if by.role == Role.TEAM_MANAGER and officer.team_id != by.team_id:
        raise SendHubError(
            f"{officer.full_name} is not in your team: choose one of your team", field="officer"
        )
    if officer.pk == child.officer_id:
        raise SendHubError(
            f"{officer.full_name} already holds this case: choose another officer", field="officer"
        )
    previous = child.officer_id
    check_and_bump_version(child, expected_version)
    child.officer = officer
    child.team = officer.team
    child.full_clean()
    child.save(update_fields=["officer", "team", "updated_at"])
    add_timeline(
        child, on=date.today(), kind="reassigned", summary=f"Case reassigned to {officer.full_name}", by=by
    )
    record_event(
        actor=by, action="cases.child.reassigned", target=child, data={"from": previous, "to": officer.pk}
    )
    return child


@transaction.atomic
def add_parent(*, child: Child, by: User, **fields: Any) -> ParentCarer:
    parent = ParentCarer(child=child, **fields)
    parent.full_clean()
    parent.save()
    record_event(actor=by, action="cases.parent.added", target=child, data={"parent": parent.pk})
    return parent


@transaction.atomic
def add_professional(*, child: Child, by: User, **fields: Any) -> Professional:
    professional = Professional(child=child, **fields)
    professional.full_clean()
    professional.save()
    record_event(
        actor=by, action="cases.professional.added", target=child, data={"professional": professional.pk}
    )
    return professional


PARENT_FIELDS = [
    "name",
    "relationship",
    "parental_responsibility",
    "email",
    "phone",
    "address",
    "contact_preference",
    "language",
    "interpreter_needed",
]
PROFESSIONAL_FIELDS = ["name", "role", "organisation", "email", "phone"]


@transaction.atomic
def update_parent(*, parent: ParentCarer, by: User, **fields: Any) -> ParentCarer:
    changed = apply_fields(parent, PARENT_FIELDS, fields)
    record_event(
        actor=by,
        action="cases.parent.updated",
        target=parent.child,
        data={"parent": parent.pk, "fields": changed},
    )
    return parent


@transaction.atomic
def update_professional(*, professional: Professional, by: User, **fields: Any) -> Professional:
    changed = apply_fields(professional, PROFESSIONAL_FIELDS, fields)
    record_event(
        actor=by,
        action="cases.professional.updated",
        target=professional.child,
        data={"professional": professional.pk, "fields": changed},
    )
    return professional


@transaction.atomic
def remove_parent(*, parent: ParentCarer, by: User) -> None:
    """Remove a parent or carer recorded in error, or who no longer has a part in the child's case.

    The audit event keeps ids and codes only (the audit trail's rule): never the name, email or phone.
    A linked portal account loses its view of the child at once (the portal reads these links).
    """
    child, pk, account = parent.child, parent.pk, parent.user_id
    parent.delete()
    record_event(
        actor=by,
        action="cases.parent.removed",
        target=child,
        data={"parent": pk, "account": account},
    )


@transaction.atomic
def remove_professional(*, professional: Professional, by: User) -> None:
    child, pk = professional.child, professional.pk
    professional.delete()
    record_event(
        actor=by,
        action="cases.professional.removed",
        target=child,
        data={"professional": pk},  # ids only: never the name, email or phone
    )


def _require_setting(placement: Placement) -> None:
    if placement.school is None and not placement.sen_setting:
        raise SendHubError("Choose the school or setting, or the type of setting if it has no URN")


def _work_based_over_school_age(placement: Placement) -> None:
    """SEN2 WBP is a post-16 route: judged at the placement's start, when the child is youngest."""
    in_school = rules.work_based_problem(placement.child.birth_date, placement.work_based, placement.start)
    if in_school:
        raise SendHubError(in_school, field="work_based")


def _follow_current_placement(child: Child, placement: Placement) -> None:
    """The child's current school is the school of their open primary placement."""
    current = placement.rank == 1 and placement.end is None and placement.school is not None
    if current and child.school_id != placement.school_id:
        child.school = placement.school
        child.full_clean()
        child.save(update_fields=["school", "updated_at"])


@transaction.atomic
def add_placement(*, child: Child, by: User, **fields: Any) -> Placement:
    """SEN2 <PlacementDetail>: a setting by URN/UKPRN, or a SEN2 setting code where it has none."""
    placement = Placement(child=child, **fields)
    _require_setting(placement)
    _work_based_over_school_age(placement)
    placement.full_clean()
    placement.save()
    _follow_current_placement(child, placement)
    add_timeline(
        child,
        on=placement.start,
        kind="placement",
        summary=f"Placement from {long_date(placement.start)}",
        by=by,
    )
    record_event(actor=by, action="cases.placement.added", target=child, data={"placement": placement.pk})
    return placement


@transaction.atomic
def update_placement(*, placement: Placement, by: User, **fields: Any) -> Placement:
    """Correct a placement or record its end; the child's current school follows an open primary placement."""
    changed = set_fields(placement, fields)
    _require_setting(placement)
    _work_based_over_school_age(placement)
    placement.full_clean()
    placement.save(update_fields=list(fields))
    child = placement.child
    _follow_current_placement(child, placement)
    if "end" in changed and placement.end is not None:
        add_timeline(
            child, on=placement.end, kind="placement", summary=f"Placement ended: {placement}", by=by
        )
    record_event(
        actor=by,
        action="cases.placement.updated",
        target=child,
        data={"placement": placement.pk, "fields": changed},
    )
    return placement


@transaction.atomic
def remove_placement(*, placement: Placement, by: User) -> None:
    """Remove a placement recorded in error (an ended placement is kept and given an end date instead)."""
    snapshot = {  # ids and codes only: the school's id, not its name
        "school": placement.school_id,
        "sen_setting": placement.sen_setting,
        "start": placement.start.isoformat(),
        "end": placement.end.isoformat() if placement.end else None,
        "rank": placement.rank,
    }
    child, pk = placement.child, placement.pk
    placement.delete()
    record_event(
        actor=by,
        action="cases.placement.removed",
        target=child,
        data={"placement": pk, "removed": snapshot},
    )
