"""The casework worklist at /cases/: each tab's table lists the children its count promises."""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases import selectors
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def table(response) -> tuple[str, list[list[str]]]:
    """The worklist table's caption and its body rows, as the text of each cell."""
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    (worklist,) = page.xpath("//table[@id='worklist']")
    caption = " ".join(worklist.xpath("caption")[0].text_content().split())
    # The child's cell gives the name (its link) and reference on two lines: keep the name.
    rows = [
        [
            " ".join((td.xpath("a")[0] if i == 0 else td).text_content().split())
            for i, td in enumerate(tr.xpath("td"))
        ]
        for tr in worklist.xpath("tbody/tr")
        if "Nothing on this list." not in tr.text_content()
    ]
    return caption, rows


@pytest.fixture
def caseload(officer, colleague):
    today = timezone.localdate()
    north, south = SchoolFactory.create(name="North Primary"), SchoolFactory.create(name="South Academy")

    def child(first, due, school, who=officer):
        return ChildFactory.create(
            first_name=first,
            last_name="Sample",
            officer=who,
            team=who.team,
            school=school,
            stage="assessing",
            next_step="Advice awaited (reg 8)",
            next_due=due,
        )

    return {
        "late": child("Lena", today - timedelta(days=5), north),
        "soon": child("Sami", today + timedelta(days=3), south),
        "later": child("Theo", today + timedelta(days=40), north),
        "idle": child("Uma", None, north),
        "other": child("Vic", today - timedelta(days=1), south, who=colleague),
        "today": today,
    }


def test_each_tab_lists_its_children_with_stage_step_due_and_officer(client, login, officer, caseload):
    login(client, officer)
    url = reverse("cases:worklist")
    caption, rows = table(client.get(url))
    assert caption == "All open work: 3"
    assert [r[0] for r in rows] == ["Lena Sample", "Sami Sample", "Theo Sample"]
    late = caseload["late"].next_due
    assert rows[0][1] == "Assessing: advice requested"
    assert rows[0][2] == "Advice awaited (reg 8) for Lena Sample"
    assert rows[0][3] == f"{late.day} {late:%b %Y} Overdue"
    assert rows[0][4:] == ["Test case_officer", "North Primary"]
    caption, rows = table(client.get(url + "?list=overdue"))
    assert caption == "Overdue: 1" and [r[0] for r in rows] == ["Lena Sample"]
    caption, rows = table(client.get(url + "?list=due"))
    assert caption == "Due in the next 14 days: 1" and rows[0][0].startswith("Sami Sample")
    body = client.get(url).content.decode()
    assert "All open work (3)" in body and "Overdue (1)" in body and "Due in the next 14 days (1)" in body


def test_sorting_by_due_date_and_filtering_by_school_and_officer(client, login, officer, manager, caseload):
    login(client, officer)
    url = reverse("cases:worklist")
    _, rows = table(client.get(url + "?sort=-due"))
    assert [r[0].split()[0] for r in rows] == ["Theo", "Sami", "Lena"]
    school = caseload["late"].school
    caption, rows = table(client.get(url + f"?school={school.pk}"))
    assert caption == "All open work: 2" and [r[0].split()[0] for r in rows] == ["Lena", "Theo"]
    assert "Overdue (1)" in client.get(url + f"?school={school.pk}").content.decode()
    login(client, manager)  # a manager sees the team, and can narrow it to one officer
    caption, rows = table(client.get(url))
    assert caption == "All open work: 4"
    assert [r[0].split()[0] for r in rows] == ["Lena", "Vic", "Sami", "Theo"]
    colleague = caseload["other"].officer
    caption, rows = table(client.get(url + f"?officer={colleague.pk}&list=overdue"))
    assert caption == "Overdue: 1" and rows[0][0].startswith("Vic") and rows[0][4] == "Test case_officer"
    # An officer outside the manager's choices is not a filter that hides everything: it is ignored.
    stranger = User.objects.create_user(
        "x@example.test", "pw-unused-123456", full_name="X", role="case_officer"
    )
    assert table(client.get(url + f"?officer={stranger.pk}"))[0] == "All open work: 4"


def test_paging_shows_fifty_rows_then_the_rest(client, login, officer):
    today = timezone.localdate()
    for n in range(55):
        ChildFactory.create(
            officer=officer,
            team=officer.team,
            stage="assessing",
            next_step="Step",
            next_due=today + timedelta(n),
        )
    login(client, officer)
    caption, rows = table(client.get(reverse("cases:worklist")))
    assert caption == "All open work: 55" and len(rows) == 50
    _, rows = table(client.get(reverse("cases:worklist") + "?page=2"))
    assert len(rows) == 5
    last = today + timedelta(54)
    assert rows[-1][3] == f"{last.day} {last:%b %Y}"


def test_on_the_demo_every_tab_has_as_many_rows_as_its_count(client, login, demo_db):
    user = User.objects.get(email="admin@demo.sendhub.test")
    today = timezone.localdate()
    counts = selectors.worklist_counts(user, today)
    assert all(counts.values()), counts
    login(client, user)
    for which, count in counts.items():
        caption, rows = table(client.get(reverse("cases:worklist") + f"?list={which}"))
        assert caption == f"{selectors.WORKLISTS[which]}: {count}"
        assert len(rows) == min(count, 50), which
        expected = list(selectors.worklist(user, today, which)[:50])
        assert [r[0] for r in rows] == [f"{c.first_name} {c.last_name}" for c in expected]
        assert [r[3].removesuffix(" Overdue") for r in rows] == [
            f"{c.next_due.day} {c.next_due:%b %Y}" if c.next_due else "None set" for c in expected
        ]
