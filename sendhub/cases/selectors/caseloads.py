"""Caseloads: each officer's open cases beside the others', for the team manager who shares the work out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.cases.selectors.worklist import officers_for


@dataclass
class Caseload:
    """One officer's open work (``officer`` None: cases with no officer), counted on ``today``."""

    officer: User | None
    open: int = 0
    due_soon: int = 0  # due today or in the next 14 days, as the worklist's "due" tab
    overdue: int = 0
    schools: list[tuple[str, int]] = field(default_factory=list)  # most cases first


def caseloads_open_work(user: User) -> QuerySet[Child]:
    """The open cases `user` may see: those with a statutory step still to do (a stored next due date)."""
    return Child.objects.visible_to(user).filter(next_due__isnull=False)


def caseloads(user: User, today: date) -> list[Caseload]:
    """Every officer `user` may assign to (their team's; all for an admin), with their open work, and a
    last row for open cases with no officer when there are any. Two grouped queries, whatever the size."""
    soon = today + timedelta(days=14)
    counts = {
        row["officer_id"]: row
        for row in caseloads_open_work(user)
        .values("officer_id")
        .annotate(
            open=Count("pk"),
            due_soon=Count("pk", filter=Q(next_due__gte=today, next_due__lte=soon)),
            overdue=Count("pk", filter=Q(next_due__lt=today)),
        )
        .order_by()
    }
    schools: dict[int | None, Counter[str]] = defaultdict(Counter)
    for row in (
        caseloads_open_work(user).values("officer_id", "school__name").annotate(n=Count("pk")).order_by()
    ):
        schools[row["officer_id"]][row["school__name"] or "No school recorded"] += row["n"]
    officers = list(officers_for(user))
    rows = [_row(o, o.pk, counts, schools) for o in officers]
    shown = {o.pk for o in officers}
    # Cases of someone no longer on the list (left the team, inactive) still need an owner: show them.
    for officer in User.objects.filter(pk__in=[k for k in counts if k is not None and k not in shown]):
        rows.append(_row(officer, officer.pk, counts, schools))
    if None in counts:
        rows.append(_row(None, None, counts, schools))
    return rows


def _row(
    officer: User | None, key: int | None, counts: dict, schools: dict[int | None, Counter[str]]
) -> Caseload:
    found = counts.get(key, {})
    by_school = sorted(schools.get(key, Counter()).items(), key=lambda item: (-item[1], item[0]))
    return Caseload(
        officer, found.get("open", 0), found.get("due_soon", 0), found.get("overdue", 0), by_school
    )


def officer_cases(user: User, officer_id: int | None) -> QuerySet[Child]:
    """One officer's open cases (or those with no officer), by due date, for reassigning."""
    cases = caseloads_open_work(user)
    cases = cases.filter(officer_id=officer_id) if officer_id else cases.filter(officer__isnull=True)
    return cases.select_related("school", "officer").order_by("next_due", "pk")
