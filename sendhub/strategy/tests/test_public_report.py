"""The annual progress report published on the Local Offer: a staff publish step, a public accessible page
with small numbers suppressed, and no public page (404) until it is published."""

from datetime import date
from decimal import Decimal

import time_machine

from sendhub.cases.models import Child
from sendhub.cases.tests.factories import ChildFactory
from sendhub.strategy.models import PfaReview, SupportedInternship
from sendhub.strategy.services import measures
from sendhub.strategy.services.plan import record_update


def _publish(client, login, manager, year=2024):
    return login(client, manager).post(f"/strategy/annual-report/{year}/publish/")


@time_machine.travel(date(2025, 2, 10))
def test_an_unpublished_report_is_not_public(client, plan):
    assert client.get("/local-offer/progress-reports/2024/").status_code == 404
    listing = client.get("/local-offer/progress-reports/").content.decode()
    assert "No progress report has been published yet" in listing


@time_machine.travel(date(2025, 2, 10))
def test_staff_publish_and_the_public_read_it(client, login, manager, plan):
    record_update(
        action=plan.actions.get(number="1.1"),
        reported_on=date(2024, 12, 31),
        delivery="complete",
        progress="Co-produced the new Local Offer with families",
        by=manager,
    )
    report = login(client, manager).get("/strategy/annual-report/?year=2024").content.decode()
    assert "This report is not published" in report and "Publish the report on the Local Offer" in report
    page = _publish(client, login, manager)
    assert page.status_code == 302
    report = client.get("/strategy/annual-report/?year=2024").content.decode()
    assert "This report is published on the Local Offer" in report
    client.logout()
    body = client.get("/local-offer/progress-reports/2024/").content.decode()
    assert "Progress report 2024" in body
    assert "Priority 1: Make life easier for families of children and young people with SEND" in body
    row = body.split(">1.1<", 1)[1].split("</tr>", 1)[0]
    assert "Co-produced the new Local Offer with families" in row and "Green" in row
    assert "/strategy/" not in body  # no route to staff pages
    listing = client.get("/local-offer/progress-reports/").content.decode()
    assert "Progress report 2024" in listing
    assert "SEND strategy progress reports" in client.get("/local-offer/").content.decode()


@time_machine.travel(date(2025, 2, 10))
def test_a_withdrawn_report_is_gone_from_the_public(client, login, manager, plan):
    _publish(client, login, manager)
    client.post("/strategy/annual-report/2024/withdraw/")
    client.logout()
    assert client.get("/local-offer/progress-reports/2024/").status_code == 404


def test_only_plan_keepers_publish(client, login, officer, plan):
    assert login(client, officer).post("/strategy/annual-report/2024/publish/").status_code == 403
    client.logout()
    assert client.get("/local-offer/progress-reports/2024/").status_code == 404
    assert login(client, officer).post("/strategy/annual-report/1999/publish/").status_code == 403


def test_publishing_a_year_without_a_plan_is_not_found(client, login, manager, plan):
    assert login(client, manager).post("/strategy/annual-report/1999/publish/").status_code == 404


@time_machine.travel(date(2025, 6, 1))
def test_small_numbers_are_not_shown_to_the_public(
    client, login, manager, officer, plan, health_checks, health_officer, forum_events, forum_officer
):
    # A percentage of 3 young people and a count of 2 events: both suppressed.
    for measure, by, value, fraction in [
        (health_checks, health_officer, None, (2, 3)),
        (forum_events, forum_officer, Decimal(2), (None, None)),
    ]:
        measures.record_partner_value(
            measure=measure,
            by=by,
            entry=measures.ValueInput(
                period_start=date(2024, 4, 1),
                period_end=date(2025, 3, 31),
                value=value,
                numerator=fraction[0],
                denominator=fraction[1],
                source="Returns",
            ),
        )
        measures.link_measure(
            action=plan.actions.get(number="3.12"),
            label=f"Measure {measure.code}",
            partner_measure=measure,
            target=Decimal(75),
            direction="higher",
            due=date(2025, 3, 31),
            by=None,
        )
    child: Child = ChildFactory(officer=officer, reference="YP-1")  # type: ignore[assignment] # the factory makes a Child
    for n in range(3):
        PfaReview.objects.create(
            young_person=child,
            held_on=date(2024, 10, 1 + n),
            year_group=9,
            ehcp=True,
            young_person_participated=True,
            pfa_planning_started=n > 0,
            pfa_outcomes_included=True,
        )
    SupportedInternship.objects.create(
        young_person=child, employer="Library", provider="College", start=date(2024, 9, 2)
    )
    _publish(client, login, manager)
    client.logout()
    body = client.get("/local-offer/progress-reports/2024/").content.decode()
    measures_table = body.split('id="measures"', 1)[1].split("</table>", 1)[0]
    assert "Measure annual-health-checks-14" in measures_table
    assert "66.7%" not in body and "Not shown (fewer than 5)" in measures_table
    events = measures_table.split("Measure engagement-events", 1)[1].split("</tr>", 1)[0]
    assert "Not shown (fewer than 5)" in events
    adulthood = body.split('id="adulthood"', 1)[1]
    assert "Not shown (fewer than 5)" in adulthood.split("</table>", 1)[0]
    internships = adulthood.split("Supported internships by academic year", 1)[1].split("</table>", 1)[0]
    assert "2024/25" in internships and "Not shown (fewer than 5)" in internships
    assert "YP-1" not in body and child.first_name not in body
