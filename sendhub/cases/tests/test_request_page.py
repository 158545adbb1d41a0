"""The request page: its "Next" banner and its milestone table come from one function and agree."""

from datetime import date, timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def read_page(client, request):
    """The banner's "Next: ..., due <date>" and the table's rows that are not yet done."""
    response = client.get(reverse("cases:request_detail", args=[request.pk]))
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    banners = page.xpath("//div[contains(@class, 'govuk-inset-text')]/p[1]")
    banner = " ".join(banners[0].text_content().split()) if banners else ""
    (table,) = page.xpath("//table[caption[normalize-space()='Statutory milestones']]")
    rows = [[" ".join(td.text_content().split()) for td in tr.xpath("td")] for tr in table.xpath("tbody/tr")]
    return banner, rows


def due_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def test_banner_and_table_agree_at_each_step_and_a_finished_case_has_nothing_open(client, login, officer):
    today = timezone.localdate()
    received = today - timedelta(days=70)
    child = ChildFactory.create(officer=officer, team=officer.team, first_name="Robin", last_name="Sample")
    request = svc.record_request(child=child, received=received, source="parent", by=officer, today=today)
    login(client, officer)
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=received + timedelta(days=30), by=officer, today=today
    )
    banner, rows = read_page(client, request)
    decision_due = received + timedelta(weeks=16)
    assert banner.startswith("Assessing: no advice requested yet. Next: Request advice (reg 6), then decide")
    assert f"due {due_text(decision_due)}" in banner
    open_rows = [r for r in rows if r[3] == "Not yet"]
    assert open_rows[0][0] == "Decision whether to issue a plan (notice if not)"
    assert open_rows[0][2] == short(decision_due)

    svc.record_issue_decision(
        request=request, issue=True, decided_on=received + timedelta(days=60), by=officer, today=today
    )
    banner, rows = read_page(client, request)
    assert banner.startswith(
        "Decided to issue a plan: draft to be issued. Next: Issue the draft plan (reg 13(1))"
    )
    assert "Awaiting decision to issue" not in banner
    assert [r[0] for r in rows if r[3] == "Not yet"] == ["Draft plan issued", "Final EHC plan issued"]

    drafted = today - timedelta(days=2)
    svc.issue_draft(request=request, issued_on=drafted, sections={"A": "About me"}, by=officer, today=today)
    banner, rows = read_page(client, request)
    comments_end = drafted + timedelta(days=14)
    assert f"Next: Comments on the draft (reg 13(1)), due {due_text(comments_end)}" in banner
    (comments,) = [r for r in rows if r[0] == "End of 15 days for comments on the draft"]
    assert comments[2:] == [short(comments_end), "Not yet"]

    svc.withdraw_request(request=request, withdrawn_on=today, by=officer, today=today)
    banner, rows = read_page(client, request)
    assert banner == ""  # no "Next" on a finished request
    assert rows and not [r for r in rows if r[3] == "Not yet"]


def test_a_plan_issued_leaves_no_not_yet_row_for_the_drafts_15_days(client, login, officer):
    today = timezone.localdate()
    received = today - timedelta(days=130)
    child = ChildFactory.create(officer=officer, team=officer.team)
    request = svc.record_request(child=child, received=received, source="parent", by=officer, today=today)
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=received + timedelta(days=30), by=officer, today=today
    )
    drafted = today - timedelta(days=30)
    svc.issue_draft(request=request, issued_on=drafted, sections={"A": "About me"}, by=officer, today=today)
    svc.issue_final(
        request=request, issued_on=today - timedelta(days=5), sections={"A": "x"}, by=officer, today=today
    )
    login(client, officer)
    _, rows = read_page(client, request)
    assert [r[0] for r in rows] == [
        "Decision whether to assess",
        "Decision whether to issue a plan (notice if not)",
        "Draft plan issued",
        "End of 15 days for comments on the draft",
        "Final EHC plan issued",
    ]
    assert "Not yet" not in [r[3] for r in rows]
    assert rows[3][3] == short(drafted + timedelta(days=14))
