"""Turn a validation report into rows ready to show, with a link to each child the viewer may open."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sendhub.accounts.models import User
from sendhub.sen2 import selectors, services, validation

SHOWN = 500


@dataclass(frozen=True, slots=True)
class Row:
    person: str
    url: str | None
    path: str
    rule: str
    message: str
    fix: str


def check_current_data(*, year: int, by: User) -> validation.Report:
    """Build the year's return from casework in memory and check it exactly as DfE's upload would."""
    _, report = services.export_and_check(
        year=year, out=io.BytesIO(), now=services.now_for_header(), by=by, action="sen2.return.checked"
    )
    return report


def report_rows(user: User, report: validation.Report) -> list[Row]:
    issues = report.issues[:SHOWN]
    refs = {i.person.index: i.person for i in issues if i.person is not None}
    children = selectors.children_for_refs(user, list(refs.values()))
    rows = []
    for issue in issues:
        child = children.get(issue.person.index) if issue.person else None
        if issue.person is None:
            who = "Whole file"
        elif child is not None:
            who = f"{child.full_name} ({issue.person.key})"
        else:
            who = f"Person {issue.person.index}: {issue.person.key}"
        rows.append(
            Row(
                who,
                child.get_absolute_url() if child else None,
                issue.path,
                issue.rule,
                issue.message,
                issue.fix,
            )
        )
    return rows
