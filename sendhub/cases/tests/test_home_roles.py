"""The home page of each casework role: the team manager's team, the adviser's advice, the SENCO's requests
and pupils, a parent's children, the panel this week. Each figure links to a list that shows the same count."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import Role
from sendhub.cases.models import SchoolRequestEvidence
from sendhub.cases.tests.factories import (
    AdviceFactory,
    ChildFactory,
    ParentFactory,
    RequestFactory,
    SchoolFactory,
)
from sendhub.cases.tests.test_home import figures
from sendhub.cases.tests.test_worklist import table

pytestmark = pytest.mark.django_db


def home(client):
    return client.get(reverse("core:home"))


def text(node) -> str:
    return " ".join(node.text_content().split())


def test_a_team_manager_sees_each_officers_open_due_and_overdue_linking_to_the_same_counts(
    client, login, manager, officer, colleague
):
    today = timezone.localdate()
    officer.full_name, colleague.full_name = "Olu Officer", "Cai Colleague"
    officer.save()
    colleague.save()
    for days in (-3, -1, 2, 40):
        ChildFactory.create(
            officer=officer, team=officer.team, next_step="Decide", next_due=today + timedelta(days)
        )
    ChildFactory.create(
        officer=colleague, team=colleague.team, next_step="Decide", next_due=today + timedelta(5)
    )
    login(client, manager)
    page = lxml.html.fromstring(home(client).content)
    rows = {
        text(tr.xpath("./th")[0]): [(text(td), td.xpath(".//a/@href")[0]) for td in tr.xpath("./td")]
        for tr in page.xpath("//table[contains(@class,'app-panel-table')]/tbody/tr")
    }
    assert [n for n, _ in rows[officer.full_name]] == ["4", "1", "2"]
    assert [n for n, _ in rows[colleague.full_name]] == ["1", "1", "0"]
    labels = {"all": "All open work", "due": "Due in the next 14 days", "overdue": "Overdue"}
    for count, url in rows[officer.full_name] + rows[colleague.full_name]:
        caption, found = table(client.get(url))
        which = url.split("list=")[1].split("&")[0]
        assert caption == f"{labels[which]}: {count}"
        assert len(found) == int(count)


def test_an_adviser_sees_their_advice_overdue_first_and_the_inbox_agrees(client, login, ep, officer):
    today = timezone.localdate()

    def asked(first_name, due_in):
        child = ChildFactory.create(
            first_name=first_name, last_name="Sample", officer=officer, team=officer.team
        )
        request = RequestFactory.create(
            child=child, received=today - timedelta(70), decided_to_assess=today - timedelta(50)
        )
        return AdviceFactory.create(
            request=request, adviser=ep, requested_on=today - timedelta(40), due=today + timedelta(due_in)
        )

    asked("Later", 10)
    asked("Late", -4)
    asked("Soon", 3)
    login(client, ep)
    response = home(client)
    shown = figures(response.content)
    assert shown["Advice overdue"][0] == 1
    assert shown["Advice waiting for you"][0] == 3
    page = lxml.html.fromstring(response.content)
    upcoming = [text(a) for a in page.xpath("//ol/li/a")]
    assert [u.split(":")[0] for u in upcoming] == ["Late Sample", "Soon Sample", "Later Sample"]
    inbox = client.get(shown["Advice waiting for you"][1]).content.decode()
    assert "Waiting for your advice (3)" in inbox
    assert "1 request for advice is overdue" in inbox


def test_a_senco_sees_their_requests_the_decisions_and_what_is_due_for_their_pupils(
    client, login, senco, officer
):
    today = timezone.localdate()
    school = SchoolFactory.create(name="Hillside Primary")
    senco.schools.add(school)

    def made(first_name, **decided):
        child = ChildFactory.create(
            first_name=first_name,
            last_name="Pupil",
            school=school,
            officer=officer,
            team=officer.team,
            next_step="Decide whether to assess",
            next_due=today + timedelta(days=len(first_name)),
        )
        request = RequestFactory.create(
            child=child, received=today - timedelta(10), source="school", **decided
        )
        SchoolRequestEvidence.objects.create(
            request=request,
            school=school,
            made_by=senco,
            review_cycles=3,
            support_plan=True,
            notional_budget_used=Decimal("6000"),
            summary="Three cycles.",
        )

    made("Ann")
    made("Bethany")
    made("Carl", decided_to_assess=today - timedelta(2))
    login(client, senco)
    response = home(client)
    shown = figures(response.content)
    assert shown["Waiting for the council's decision"][0] == 2
    assert shown["Requests your schools made"][0] == 3
    for label, (count, url) in shown.items():
        listing = lxml.html.fromstring(client.get(url).content)
        assert text(listing.get_element_by_id("request-count")) == f"{label}: {count}"
        assert len(listing.xpath("//main//ul[@class='govuk-list']/li")) == count
    page = lxml.html.fromstring(response.content)
    upcoming = [text(li) for li in page.xpath("//ol/li")]
    assert upcoming[0].startswith("Ann Pupil: Decide whether to assess")
    assert len(upcoming) == 3


def test_a_parent_sees_what_happens_next_for_their_child(client, login, parent, officer):
    from sendhub.cases import rules
    from sendhub.cases.services.requests import record_request
    from sendhub.lib.dates import long_date

    today = timezone.localdate()
    child = ChildFactory.create(first_name="Sam", last_name="Family", officer=officer, team=officer.team)
    ParentFactory.create(child=child, user=parent)
    received = today - timedelta(days=10)
    record_request(child=child, received=received, source="parent", by=officer, today=today)
    login(client, parent)
    page = lxml.html.fromstring(home(client).content)
    # One panel, from the family pages: the child, linking to their family page, with what happens next.
    (item,) = page.xpath("//ol/li")
    link = item.xpath("a")[0]
    assert text(link) == "Sam Family"
    assert link.get("href") == reverse("portal:child", args=[child.pk])
    assert long_date(rules.decision_to_assess_due(received)) in text(item)


def test_the_panel_this_week_counts_what_the_agenda_lists(client, login, officer, settings):
    settings.SENDHUB_PANEL_WEEKDAY = "thursday"
    today = timezone.localdate()
    child = ChildFactory.create(first_name="Dee", last_name="Waiting", officer=officer, team=officer.team)
    RequestFactory.create(child=child, received=today - timedelta(days=10))
    login(client, officer)
    shown = figures(home(client).content)
    assert shown["Listed for the next panel"][0] == 0
    assert shown["Waiting, not listed for a panel"][0] == 1
    agenda = client.get(shown["Waiting, not listed for a panel"][1]).content.decode()
    assert "Waiting, not listed for a panel (1)" in agenda
    assert "Dee Waiting" in agenda


def test_a_provider_sees_no_casework(client, login, make_user):
    login(client, make_user(Role.PROVIDER))
    content = home(client).content.decode()
    assert "Your casework today" not in content and "Advice asked of you" not in content
