"""Casework on the home page. Each figure is counted by the selector behind the list it links to:

- case officers and managers: the worklists' counts (`selectors.worklist_counts`, as the worklist's tabs) and
  the next five things by due date; the panel this week (`selectors.agenda_for`, as the panel agenda);
- a team manager: the team's caseloads (`selectors.caseloads`, as the caseloads page), each count linking to
  that officer's worklist, which shows the same count on its tab;
- advisers: the advice asked of them, overdue first (`selectors.advice.advice_inbox`, as the inbox);
- SENCOs: their requests for assessment and the decisions (`selectors.schools`), and what is due next for
  their pupils;
- parents and young people: their children's next steps come from the family pages (`portal/home.py`),
  in the words those pages use.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.cases import rules, selectors
from sendhub.cases.selectors import advice, schools
from sendhub.cases.selectors.caseloads import Caseload
from sendhub.core.homepage import Cell, Figure, HomePanel, PanelTable, Upcoming

NEXT_COUNT = 5
# The worklists on the home page, in the order a case officer works through them.
HOME_WORKLISTS = ("overdue", "due", "advice", "review")


def home_panels(user: User, today: date) -> list[HomePanel]:
    panels = []
    if user.has_perm("cases.view_worklist"):
        panels.append(_casework(user, today))
        panels.append(_panel_this_week(user, today))
    if user.has_perm("cases.view_caseloads"):
        panels.append(_team(user, today))
    if user.has_perm("cases.give_advice"):
        panels.append(_advice(user, today))
    if user.has_perm("cases.view_school_requests"):
        panels.append(_school(user))
    return panels


def worklist_url(which: str, officer_id: int | None = None) -> str:
    query = {"list": which} | ({"officer": str(officer_id)} if officer_id else {})
    return f"{reverse('cases:worklist')}?{urlencode(query)}"


def _casework(user: User, today: date) -> HomePanel:
    counts = selectors.worklist_counts(user, today)
    figures = [Figure(selectors.WORKLISTS[key], counts[key], worklist_url(key)) for key in HOME_WORKLISTS]
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
    return HomePanel(title, 10, figures, "Next by due date", upcoming)


def _panel_this_week(user: User, today: date) -> HomePanel:
    """The next panel meeting (today's, if it meets today) and what is listed for it, as its agenda shows."""
    panel_on = rules.next_panel_day(today, settings.SENDHUB_PANEL_WEEKDAY)
    agenda = selectors.agenda_for(user, today, panel_on)
    url = reverse("cases:panel_agenda")
    figures = [
        Figure("Listed for the next panel", len(agenda.listed), url),
        Figure("Waiting, not listed for a panel", len(agenda.not_listed), url),
    ]
    upcoming = [
        Upcoming(
            f"{row.request.child.full_name}: "
            + ("whether to issue a plan" if row.whether_to_issue else "whether to assess"),
            reverse("cases:request_detail", args=[row.request.pk]),
            row.due,
        )
        for row in agenda.listed[:NEXT_COUNT]
    ]
    return HomePanel(
        f"Panel on {panel_on:%A} {panel_on.day} {panel_on:%B %Y}",
        12,
        figures,
        "Listed for this panel, by decision due",
        upcoming,
    )


def _team(user: User, today: date) -> HomePanel:
    """Each officer's open, due-soon and overdue cases, each count linking to that officer's worklist tab."""
    rows = []
    for load in selectors.caseloads(user, today):
        officer_id = load.officer.pk if load.officer else None
        name = load.officer.full_name if load.officer else "No officer"
        caseload = f"{reverse('cases:caseloads')}?officer={officer_id or 'none'}"
        if officer_id is None:  # the worklist cannot narrow to "no officer": the caseloads page lists them
            rows.append([Cell(name, caseload)] + [Cell(str(n), caseload) for n in _loads(load)])
            continue
        rows.append(
            [Cell(name, caseload)]
            + [
                Cell(str(n), worklist_url(which, officer_id))
                for n, which in zip(_loads(load), ("all", "due", "overdue"), strict=True)
            ]
        )
    table = PanelTable(
        "Open cases by officer",
        ["Officer", "Open", "Due in 14 days", "Overdue"],
        rows,
        "No officers in your team.",
    )
    return HomePanel("Your team", 11, table=table, links=[("Share out the work", reverse("cases:caseloads"))])


def _loads(load: Caseload) -> tuple[int, int, int]:
    return (load.open, load.due_soon, load.overdue)


def _advice(user: User, today: date) -> HomePanel:
    inbox = advice.advice_inbox(user, today)
    url = reverse("cases:advice_inbox")
    figures = [
        Figure("Advice overdue", inbox.overdue_count, url),
        Figure("Advice waiting for you", len(inbox.outstanding), url),
    ]
    upcoming = [
        Upcoming(
            f"{row.advice.request.child.full_name}: {row.advice.get_kind_display()}",
            reverse("cases:advice_detail", args=[row.advice.pk]),
            row.advice.due,
        )
        for row in inbox.outstanding[:NEXT_COUNT]
    ]
    return HomePanel("Advice asked of you", 10, figures, "Due next, overdue first", upcoming)


def _school(user: User) -> HomePanel:
    made = schools.requests_made_by_schools(user)
    url = reverse("cases:school_requests")
    figures = [
        Figure(
            "Waiting for the council's decision",
            schools.waiting_for_decision(made).count(),
            f"{url}?show=waiting",
        ),
        Figure("Requests your schools made", made.count(), url),
    ]
    upcoming = [
        Upcoming(
            f"{child.full_name}: {child.next_step}",
            reverse("cases:child_detail", args=[child.pk]),
            child.next_due,
            child.get_stage_display(),
        )
        for child in schools.pupils_with_steps_due(user)[:NEXT_COUNT]
    ]
    return HomePanel(
        "Your schools' requests",
        10,
        figures,
        "Your pupils: what is due next",
        upcoming,
        links=[("Ask for an EHC needs assessment", reverse("cases:request_new"))],
    )
