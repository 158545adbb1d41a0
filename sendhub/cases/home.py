"""Casework on the home page: the worklists' counts (the same selector as the worklist's tabs) and the next
five things by due date."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases import selectors
from sendhub.core.homepage import Figure, HomePanel, Upcoming

NEXT_COUNT = 5
# The worklists on the home page, in the order a case officer works through them.
HOME_WORKLISTS = ("overdue", "due", "advice")


def home_panels(user: User, today: date) -> list[HomePanel]:
    if not user.has_perm("cases.view_worklist"):
        return []
    counts = selectors.worklist_counts(user, today)
    worklist_url = reverse("cases:worklist")
    figures = [
        Figure(selectors.WORKLISTS[key], counts[key], f"{worklist_url}?list={key}") for key in HOME_WORKLISTS
    ]
    upcoming = [
        Upcoming(
            f"{child.first_name} {child.last_name}: {child.next_step}",
            reverse("cases:child_detail", args=[child.pk]),
            child.next_due,
            child.officer.full_name if child.officer and user.role != "case_officer" else "",
        )
        for child in selectors.worklist(user, today, "all")[:NEXT_COUNT]
    ]
    title = {"case_officer": "Your casework today", "team_manager": "Your team's casework"}.get(
        user.role, "Casework today"
    )
    return [HomePanel(title, 10, figures, "Next by due date", upcoming)]
