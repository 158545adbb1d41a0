"""The home page's casework panel: each figure links to the worklist it counts, and that list shows the
same count; then the next five things by due date."""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases.models import AnnualReview
from sendhub.cases.rules.periods import add_months
from sendhub.cases.services.status import refresh_status
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, SchoolFactory
from sendhub.cases.tests.test_worklist import table

pytestmark = pytest.mark.django_db


def figures(html: bytes) -> dict[str, tuple[int, str]]:
    page = lxml.html.fromstring(html)
    return {
        li.xpath(".//*[@class='app-figures__label']")[0].text_content(): (
            int(li.xpath(".//*[@class='app-figures__count']")[0].text_content()),
            li.xpath(".//a/@href")[0],
        )
        for li in page.xpath("//li[@class='app-figures__item']")
    }


@pytest.fixture
def work(officer):
    today = timezone.localdate()
    school = SchoolFactory.create(name="North Primary")

    def child(first, due):
        return ChildFactory.create(
            first_name=first,
            last_name="Sample",
            officer=officer,
            team=officer.team,
            school=school,
            stage="assessing",
            next_step="Advice awaited (reg 8)",
            next_due=due,
        )

    days = [-9, -2, 1, 5, 13, 30, 60]
    return [child(f"Child{n}", today + timedelta(days=d)) for n, d in enumerate(days)] + [child("Idle", None)]


def test_a_case_officer_sees_their_work_today_and_each_figure_matches_its_list(client, login, officer, work):
    login(client, officer)
    home = client.get(reverse("core:home"))
    shown = figures(home.content)
    assert shown["Overdue"][0] == 2
    assert shown["Due in the next 14 days"][0] == 3
    assert shown["Awaiting advice"][0] == 0
    for label, (count, url) in shown.items():
        if url.startswith(reverse("cases:worklist") + "?list="):
            caption, rows = table(client.get(url))
            assert caption == f"{label}: {count}"
            assert len(rows) == count
    page = lxml.html.fromstring(home.content)
    upcoming = [" ".join(a.text_content().split()) for a in page.xpath("//ol/li/a")]
    assert upcoming == [f"Child{n} Sample: Advice awaited (reg 8)" for n in range(5)]
    assert b"Your casework today" in home.content
    assert page.xpath("//ol/li[1]//strong[contains(@class,'govuk-tag--red')]")[0].text_content() == "Overdue"


def test_a_parent_sees_no_casework_panel(client, login, make_user):
    login(client, make_user("parent"))
    home = client.get(reverse("core:home"))
    assert b"Your casework today" not in home.content
    assert "Your messages to the SEND service" in figures(home.content)


def test_reviews_to_book_counts_the_plans_whose_review_meeting_is_due_and_its_list_shows_them(
    client, login, officer, colleague
):
    """Plans whose annual review falls due within 8 weeks (or is overdue) with no meeting recorded since."""
    today = timezone.localdate()

    def plan(first, issued, who=officer):
        child = ChildFactory.create(first_name=first, last_name="Sample", officer=who, team=who.team)
        made = PlanFactory.create(child=child, start_date=issued)
        refresh_status(child, today)
        return made

    plan("Soon", add_months(today, -12) + timedelta(days=20))  # review due in about 3 weeks
    plan("Late", add_months(today, -13))  # review overdue, still to be held
    plan("Later", add_months(today, -12) + timedelta(weeks=20))  # due in about 20 weeks: not yet
    held = plan("Held", add_months(today, -12) + timedelta(days=10))  # meeting held: a report is next
    AnnualReview.objects.create(plan=held, meeting=today - timedelta(days=3))
    refresh_status(held.child, today)
    plan("Other", add_months(today, -12) + timedelta(days=5), who=colleague)  # not this officer's case

    login(client, officer)
    count, url = figures(client.get(reverse("core:home")).content)["Reviews to book in the next 8 weeks"]
    caption, rows = table(client.get(url))
    assert count == 2 and caption == "Reviews to book in the next 8 weeks: 2"
    assert [r[0] for r in rows] == ["Late Sample", "Soon Sample"]
    assert [r[2] for r in rows] == [
        f"Annual review meeting (CFA s.44) for {name} Sample" for name in ("Late", "Soon")
    ]
    assert rows[0][3].endswith("Overdue") and not rows[1][3].endswith("Overdue")
