"""The plan list, an action's page with its updates and measures, the update form and carrying forward."""

from datetime import date

import pytest
import time_machine

from sendhub.strategy.models import Action, Plan, Update
from sendhub.strategy.services.plan import record_update


def _rows(html: str) -> list[str]:
    return html.split("<tbody", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]


@time_machine.travel(date(2024, 11, 15))
def test_the_plan_lists_every_action_with_its_rag_status(client, login, manager, plan):
    action = plan.actions.get(number="1.4")
    record_update(
        action=action, reported_on=date(2024, 11, 1), delivery="at_risk", progress="Slow", by=manager
    )
    page = login(client, manager).get("/strategy/")
    assert page.status_code == 200
    rows = _rows(page.content.decode().split("actions</caption>", 1)[1])
    assert len(rows) == 32
    assert ">1.1<" in rows[0] and "No update" in rows[0]
    assert ">1.4<" in rows[3] and "Amber" in rows[3] and "At risk" in rows[3] and "1 Nov 2024" in rows[3]
    assert ">2.4<" in rows[15] and "Red" in rows[15] and "Overdue" in rows[15]  # Jul-24, no update


def test_staff_outside_the_plan_keepers_may_read_but_not_update(client, login, officer, plan):
    action = plan.actions.get(number="1.1")
    assert login(client, officer).get("/strategy/").status_code == 200
    assert client.get(f"/strategy/actions/{action.pk}/update/").status_code == 403


@pytest.mark.parametrize("role", ["parent", "senco", "provider"])
def test_people_outside_council_staff_cannot_see_the_plan(client, login, make_user, plan, role):
    assert login(client, make_user(role)).get("/strategy/").status_code == 403


@time_machine.travel(date(2024, 11, 15))
def test_an_update_is_recorded_with_the_rag_the_rule_gives(client, login, manager, plan):
    action = plan.actions.get(number="2.4")  # Jul-24: overdue by November
    page = login(client, manager).post(
        f"/strategy/actions/{action.pk}/update/",
        {
            "reported_on_0": "14",
            "reported_on_1": "11",
            "reported_on_2": "2024",
            "delivery": "on_track",
            "progress": "Grants agreed for 29 schools",
            "next_steps": "Finish 8 projects",
            "evidence": "",
        },
    )
    assert page.status_code == 302
    update = Update.objects.get(action=action)
    assert (update.rag, update.rag_reason, update.entered_by) == ("red", "Overdue", manager)
    detail = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert (
        "Grants agreed for 29 schools" in detail
        and "Finish 8 projects" in detail
        and "14 November 2024" in detail
    )


def test_an_update_without_progress_is_refused_with_a_govuk_error(client, login, manager, plan):
    action = plan.actions.get(number="1.1")
    page = login(client, manager).post(f"/strategy/actions/{action.pk}/update/", {"delivery": "on_track"})
    body = page.content.decode()
    assert page.status_code == 200 and "<title>Error:" in body
    assert "Enter the progress made" in body and "Enter the date of the update" in body
    assert not Update.objects.exists()


def test_the_action_page_shows_steps_and_the_measures_trend_against_target(
    client, login, manager, plan, health_checks_linked
):
    action = plan.actions.get(number="3.12")
    body = login(client, manager).get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Continue to increase the proportion of 14+ having annual health checks" in body
    assert "Coproduced workshop at Preparing for adulthood annual event on health checks" in body
    assert "<svg" in body and "Target 75%" in body and "Off target" in body
    table = body.split("values</caption>", 1)[1]
    assert "2023-24" in table and "60%" in table and "2024-25" in table and "70%" in table


def test_an_unfinished_action_is_carried_into_next_year_with_its_history(client, login, manager, plan):
    action = plan.actions.get(number="1.9")
    record_update(
        action=action,
        reported_on=date(2024, 12, 31),
        delivery="off_track",
        progress="Work carried forward to year 3",
        by=manager,
    )
    page = login(client, manager).post(f"/strategy/actions/{action.pk}/carry-forward/", {"by_when": "Dec-25"})
    assert page.status_code == 302
    carried = Action.objects.get(plan__year=2025, number="1.9")
    assert carried.carried_from == action and carried.due == date(2025, 12, 31)
    assert [s.text for s in carried.steps.all()] == [s.text for s in action.steps.all()]
    body = client.get(f"/strategy/actions/{carried.pk}/").content.decode()
    assert "Work carried forward to year 3" in body and "(2024 plan)" in body
    again = client.post(f"/strategy/actions/{action.pk}/carry-forward/", {"by_when": "Dec-25"})
    assert "already been carried forward" in again.content.decode()
    assert Plan.objects.get(year=2025).actions.count() == 1


def test_a_complete_action_is_not_carried_forward(manager, plan):
    from sendhub.core.exceptions import CaseStateError
    from sendhub.strategy.services.plan import carry_forward_action

    action = plan.actions.get(number="1.13")
    record_update(
        action=action, reported_on=date(2024, 12, 31), delivery="complete", progress="Done", by=manager
    )
    with pytest.raises(CaseStateError, match="complete"):
        carry_forward_action(action=action, by_when="Dec-25", by=manager)


def test_the_plan_downloads_as_the_xlsx_template(client, login, officer, plan):
    page = login(client, officer).get("/strategy/plan-2024.xlsx")
    assert page.status_code == 200 and page.content[:2] == b"PK"


@time_machine.travel(date(2025, 5, 1))
def test_the_progress_report_gives_each_items_end_of_year_narrative_and_measures(
    client, login, officer, manager, plan, health_checks_linked
):
    record_update(
        action=plan.actions.get(number="3.12"),
        reported_on=date(2024, 12, 31),
        delivery="on_track",
        progress="Health Checks continue to be widely promoted to 14+",
        by=manager,
    )
    record_update(
        action=plan.actions.get(number="3.12"),
        reported_on=date(2025, 2, 1),
        delivery="at_risk",
        progress="Written after the year ended",
        by=manager,
    )
    body = login(client, officer).get("/strategy/annual-report/?year=2024").content.decode()
    assert "as at 31 December 2024" in body
    row = body.split(">3.12<", 1)[1].split("</tr>", 1)[0]
    assert "Health Checks continue to be widely promoted to 14+" in row and "Written after" not in row
    measures = body.split('<h2 class="govuk-heading-l">Measures</h2>', 1)[1].split("</table>", 1)[0]
    assert "14+ with an annual health check" in measures and "70%" in measures and ">No<" in measures
