"""Caseloads: a team manager sees each officer's open, due and overdue cases and schools, and moves cases."""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import Role, Team
from sendhub.cases.models import Child
from sendhub.cases.services.children import reassign_child
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory
from sendhub.core.exceptions import SendHubError, StaleObjectError
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def cells(response, table_id):
    page = lxml.html.fromstring(response.content)
    (table,) = page.xpath(f"//table[@id='{table_id}']")
    return [[" ".join(c.text_content().split()) for c in tr.xpath("th|td")] for tr in table.xpath("tbody/tr")]


@pytest.fixture
def team_work(officer, colleague, make_user):
    today = timezone.localdate()
    north, south = SchoolFactory.create(name="North Primary"), SchoolFactory.create(name="South Academy")
    other_team = Team.objects.create(name="Secondary")
    outsider = make_user(Role.CASE_OFFICER, "outsider@example.test", team=other_team)

    def case(who, due, school):
        return ChildFactory.create(
            officer=who, team=who.team, school=school, stage="assessing", next_step="Step", next_due=due
        )

    return {
        "overdue": case(officer, today - timedelta(days=3), north),
        "soon": case(officer, today + timedelta(days=10), north),
        "later": case(officer, today + timedelta(days=60), south),
        "colleague": case(colleague, today + timedelta(days=1), south),
        "closed": ChildFactory.create(officer=officer, team=officer.team, next_due=None),
        "outsider": case(outsider, today - timedelta(days=1), north),
        "outsider_user": outsider,
    }


def test_manager_sees_each_team_officers_counts_and_schools(client, login, manager, team_work):
    login(client, manager)
    rows = cells(client.get(reverse("cases:caseloads")), "caseloads")
    assert rows == [
        ["Test case_officer: show the cases", "1", "1", "0", "South Academy (1)"],  # the colleague
        ["Test case_officer: show the cases", "3", "1", "1", "North Primary (2), South Academy (1)"],
    ] or rows == [
        ["Test case_officer: show the cases", "3", "1", "1", "North Primary (2), South Academy (1)"],
        ["Test case_officer: show the cases", "1", "1", "0", "South Academy (1)"],
    ]
    assert len(rows) == 2  # the other team's officer is not on this manager's page


def test_admin_sees_every_officer(client, login, admin_user, team_work):
    login(client, admin_user)
    rows = cells(client.get(reverse("cases:caseloads")), "caseloads")
    assert sorted(r[1] for r in rows) == ["1", "1", "3"]


def test_manager_reassigns_a_case_from_the_officers_list(
    client, login, manager, officer, colleague, team_work
):
    login(client, manager)
    url = reverse("cases:caseloads") + f"?officer={officer.pk}"
    rows = cells(client.get(url), "officer-cases")
    expected = [team_work[k] for k in ("overdue", "soon", "later")]
    assert [r[0] for r in rows] == [f"{c.full_name}{c.reference}" for c in expected]
    child = team_work["later"]
    response = client.post(
        url, {"case": child.pk, f"case-{child.pk}-officer": colleague.pk, f"case-{child.pk}-version": 1}
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.officer == colleague and child.version == 2
    event = AuditEvent.objects.get(action="cases.child.reassigned")
    assert (event.actor, event.data) == (manager, {"from": officer.pk, "to": colleague.pk})
    rows = cells(client.get(reverse("cases:caseloads")), "caseloads")
    assert sorted(r[1] for r in rows) == ["2", "2"]


def test_a_refused_reassignment_is_shown_on_the_field_and_changes_nothing(
    client, login, manager, officer, colleague, team_work
):
    login(client, manager)
    child = team_work["soon"]
    url = reverse("cases:caseloads") + f"?officer={officer.pk}"
    # Someone else saved the case after the page was opened: the version no longer matches.
    Child.objects.filter(pk=child.pk).update(version=5)
    response = client.post(
        url, {"case": child.pk, f"case-{child.pk}-officer": colleague.pk, f"case-{child.pk}-version": 1}
    )
    assert response.status_code == 400
    assert "Someone else changed this record" in response.content.decode()
    # The same officer: refused beside the officer field of that case's row.
    response = client.post(
        url, {"case": child.pk, f"case-{child.pk}-officer": officer.pk, f"case-{child.pk}-version": 5}
    )
    page = lxml.html.fromstring(response.content)
    (error,) = page.xpath(f"//p[@id='id_case-{child.pk}-officer-error']")
    assert "already holds this case" in error.text_content()
    child.refresh_from_db()
    assert (
        child.officer == officer and not AuditEvent.objects.filter(action="cases.child.reassigned").exists()
    )
    # A case of another team cannot be reached at all.
    outsider_case = team_work["outsider"]
    assert client.post(url, {"case": outsider_case.pk}).status_code == 404
    assert client.post(url, {"case": "not-a-case"}).status_code == 404


def test_service_refuses_another_teams_officer_and_a_stale_version(manager, officer, team_work):
    child = team_work["soon"]
    with pytest.raises(SendHubError, match="not in your team") as refused:
        reassign_child(child=child, officer=team_work["outsider_user"], by=manager, expected_version=0)
    assert refused.value.field == "officer"
    with pytest.raises(StaleObjectError):
        reassign_child(child=child, officer=team_work["colleague"].officer, by=manager, expected_version=3)
