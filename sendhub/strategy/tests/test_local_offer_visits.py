"""Local Offer use: page views counted by SEND Hub itself (no cookie, no personal data) as a measure."""

from datetime import date
from decimal import Decimal

import time_machine

from sendhub.localoffer.models import PageViewCount
from sendhub.localoffer.visits import is_counted
from sendhub.strategy.services.measures import link_measure

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def _counts() -> dict[tuple[str, date], int]:
    return {(r.path, r.day): r.views for r in PageViewCount.objects.all()}


@time_machine.travel(date(2025, 3, 4))
def test_a_public_page_view_is_counted_by_path_and_day_only(client, db):
    for _ in range(3):
        page = client.get("/local-offer/", {"q": "Ada Lovelace"}, HTTP_USER_AGENT=BROWSER)
        assert page.status_code == 200
    client.get("/local-offer/services/", HTTP_USER_AGENT=BROWSER)
    assert _counts() == {
        ("/local-offer/", date(2025, 3, 4)): 3,
        ("/local-offer/services/", date(2025, 3, 4)): 1,
    }
    row = PageViewCount.objects.get(path="/local-offer/")
    assert {f.name for f in row._meta.fields} == {"id", "path", "day", "views"}  # nothing about the visitor
    assert "Ada" not in row.path


def test_counting_sets_no_cookie(client, db):
    page = client.get("/local-offer/", HTTP_USER_AGENT=BROWSER)
    assert PageViewCount.objects.get().views == 1
    assert not page.cookies


def test_robots_staff_pages_staff_and_errors_are_not_counted(client, login, manager, db):
    client.get("/local-offer/", HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get("/local-offer/", HTTP_USER_AGENT="")
    client.get("/local-offer/no-such-page/", HTTP_USER_AGENT=BROWSER)
    assert not PageViewCount.objects.exists()
    login(client, manager).get("/local-offer/", HTTP_USER_AGENT=BROWSER)
    assert not PageViewCount.objects.exists()


def _counted(
    path: str = "/local-offer/",
    method: str = "GET",
    status: int = 200,
    user_agent: str = BROWSER,
    staff: bool = False,
) -> bool:
    return is_counted(path=path, method=method, status=status, user_agent=user_agent, signed_in_staff=staff)


def test_the_counting_rule():
    assert _counted("/local-offer/services/")
    assert not _counted("/local-offer/manage/moderation/")
    assert not _counted("/local-offer/provider/")
    assert not _counted("/dashboard/")
    assert not _counted(method="POST")
    assert not _counted(status=302)
    assert not _counted(user_agent="curl/8.1")
    assert not _counted(staff=True)


def _views(path: str, day: date, views: int) -> None:
    PageViewCount.objects.create(path=path, day=day, views=views)


@time_machine.travel(date(2025, 2, 10))
def test_staff_see_visits_by_year_month_and_page(client, login, officer, db):
    _views("/local-offer/", date(2024, 3, 1), 120)
    _views("/local-offer/", date(2024, 3, 2), 30)
    _views("/local-offer/services/", date(2024, 7, 9), 45)
    _views("/local-offer/", date(2025, 1, 5), 12)
    body = login(client, officer).get("/strategy/local-offer-visits/?year=2024").content.decode()
    assert "Local Offer visits, 2024" in body
    by_year = body.split("Visits by year</caption>", 1)[1].split("</table>", 1)[0]
    assert ">2025<" in by_year and ">12<" in by_year and ">2024<" in by_year and ">195<" in by_year
    by_month = body.split("Visits by month, 2024</caption>", 1)[1].split("</table>", 1)[0]
    assert ">March<" in by_month and ">150<" in by_month and ">July<" in by_month and ">45<" in by_month
    pages = body.split("Most visited pages, 2024</caption>", 1)[1].split("</table>", 1)[0]
    assert pages.index("/local-offer/<") < pages.index("/local-offer/services/<")


def test_visits_are_not_for_the_public_or_partners(client, login, forum_officer, db):
    assert client.get("/strategy/local-offer-visits/").status_code == 302  # sign in first
    assert login(client, forum_officer).get("/strategy/local-offer-visits/").status_code == 403


@time_machine.travel(date(2025, 2, 10))
def test_local_offer_visits_as_an_action_measure(client, login, manager, plan):
    _views("/local-offer/", date(2023, 5, 1), 900)
    _views("/local-offer/", date(2024, 5, 1), 1400)
    action = plan.actions.get(number="1.1")
    login(client, manager)
    page = client.post(
        f"/strategy/actions/{action.pk}/measures/new/",
        {
            "label": "Visits to the Local Offer",
            "kpi_key": "local_offer_visits",
            "target": "2000",
            "direction": "higher",
            "due_0": "31",
            "due_1": "12",
            "due_2": "2024",
        },
    )
    assert page.status_code == 302
    body = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Visits to the Local Offer" in body
    assert "1400" in body and "900" in body and "2000" in body


def test_visits_measure_is_a_kpi_key(plan, manager):
    measure = link_measure(
        action=plan.actions.get(number="1.2"),
        label="Local Offer visits",
        kpi_key="local_offer_visits",
        target=Decimal(10),
        direction="higher",
        due=date(2024, 12, 31),
        by=manager,
    )
    assert measure.source == "kpi" and measure.partner_measure is None
