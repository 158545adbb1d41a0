"""Changing and removing updates, partners' values and board items: version-checked, audited, soft."""

from datetime import date

import time_machine

from sendhub.core.models import AuditEvent
from sendhub.strategy.models import BoardItem, PartnerMeasureValue, Update
from sendhub.strategy.services import board, measures
from sendhub.strategy.services.plan import record_update

UPDATE = {
    "reported_on_0": "30",
    "reported_on_1": "9",
    "reported_on_2": "2024",
    "delivery": "at_risk",
    "progress": "Two of five sessions held",
    "next_steps": "",
    "evidence": "",
}


def _update(plan, manager):
    return record_update(
        action=plan.actions.get(number="1.4"),
        reported_on=date(2024, 9, 30),
        delivery="on_track",
        progress="Five sessions held",
        by=manager,
    )


@time_machine.travel(date(2024, 10, 15))
def test_a_manager_changes_an_update_and_the_action_page_shows_it(client, login, manager, plan):
    update = _update(plan, manager)
    login(client, manager)
    form = client.get(f"/strategy/updates/{update.pk}/edit/").content.decode()
    assert "Five sessions held" in form and 'name="version" value="1"' in form
    page = client.post(f"/strategy/updates/{update.pk}/edit/", UPDATE | {"version": "1"})
    assert page.status_code == 302
    body = client.get(f"/strategy/actions/{update.action.pk}/").content.decode()
    assert "Two of five sessions held" in body and "Five sessions held" not in body
    update.refresh_from_db()
    assert (update.delivery, update.rag, update.version) == ("at_risk", "amber", 2)
    event = AuditEvent.objects.get(action="strategy.update.changed")
    assert set(event.data["fields"]) == {"delivery", "rag", "rag_reason", "progress"}


@time_machine.travel(date(2024, 10, 15))
def test_a_change_made_meanwhile_is_not_overwritten(client, login, manager, plan):
    update = _update(plan, manager)
    login(client, manager)
    client.post(f"/strategy/updates/{update.pk}/edit/", UPDATE | {"version": "1"})
    stale = client.post(
        f"/strategy/updates/{update.pk}/edit/", UPDATE | {"version": "1", "progress": "Old text"}
    )
    assert stale.status_code == 200
    assert "Someone else changed this record after you opened it" in stale.content.decode()
    update.refresh_from_db()
    assert update.progress == "Two of five sessions held"


@time_machine.travel(date(2024, 10, 15))
def test_a_removed_update_leaves_every_page_but_stays_for_the_audit(client, login, manager, plan):
    update = _update(plan, manager)
    login(client, manager)
    confirm = client.get(f"/strategy/updates/{update.pk}/remove/").content.decode()
    assert "Are you sure you want to remove the update of 30 September 2024 to action 1.4?" in confirm
    assert client.post(f"/strategy/updates/{update.pk}/remove/", {"version": "1"}).status_code == 302
    body = client.get(f"/strategy/actions/{update.action.pk}/").content.decode()
    assert "Five sessions held" not in body and "No updates yet" in body
    rows = client.get("/strategy/").content.decode().split(">1.4<", 1)[1].split("</tr>", 1)[0]
    assert "No update" in rows
    assert not Update.objects.filter(pk=update.pk).exists()
    assert Update.with_removed.get(pk=update.pk).removed_at is not None
    assert AuditEvent.objects.filter(action="strategy.update.removed").count() == 1
    assert client.get(f"/strategy/updates/{update.pk}/edit/").status_code == 404


def test_a_case_officer_may_not_change_updates(client, login, officer, manager, plan):
    update = _update(plan, manager)
    login(client, officer)
    assert client.get(f"/strategy/updates/{update.pk}/edit/").status_code == 403
    assert client.post(f"/strategy/updates/{update.pk}/remove/", {"version": "1"}).status_code == 403
    assert Update.objects.filter(pk=update.pk).exists()


def _value(measure, by):
    return measures.record_partner_value(
        measure=measure,
        by=by,
        entry=measures.ValueInput(
            period_start=date(2024, 4, 1),
            period_end=date(2025, 3, 31),
            value=None,
            numerator=140,
            denominator=200,
            source="GP returns",
        ),
    )


VALUE = {
    "period_start_0": "1",
    "period_start_1": "4",
    "period_start_2": "2024",
    "period_end_0": "31",
    "period_end_1": "3",
    "period_end_2": "2025",
    "value": "",
    "numerator": "150",
    "denominator": "200",
    "source": "GP returns (revised)",
    "version": "1",
}


def test_the_owning_partner_changes_and_removes_its_value(client, login, health_officer, health_checks):
    value = _value(health_checks, health_officer)
    login(client, health_officer)
    listing = client.get(f"/strategy/partner-measures/{health_checks.pk}/").content.decode()
    assert f"/strategy/partner-measures/values/{value.pk}/edit/" in listing
    assert client.post(f"/strategy/partner-measures/values/{value.pk}/edit/", VALUE).status_code == 302
    body = client.get(f"/strategy/partner-measures/{health_checks.pk}/").content.decode()
    row = body.split("<tbody", 1)[1].split("</tr>", 1)[0]
    assert ">75<" in row and ">150<" in row and "GP returns (revised)" in row
    assert (
        client.post(f"/strategy/partner-measures/values/{value.pk}/remove/", {"version": "2"}).status_code
        == 302
    )
    body = client.get(f"/strategy/partner-measures/{health_checks.pk}/").content.decode()
    assert "No values yet" in body
    # the period is free again: a corrected value may be entered for it
    _value(health_checks, health_officer)
    assert PartnerMeasureValue.with_removed.filter(measure=health_checks).count() == 2


def test_another_partner_cannot_change_or_see_the_value(
    client, login, forum_officer, health_officer, health_checks
):
    value = _value(health_checks, health_officer)
    login(client, forum_officer)
    assert client.get(f"/strategy/partner-measures/values/{value.pk}/edit/").status_code == 404
    assert (
        client.post(f"/strategy/partner-measures/values/{value.pk}/remove/", {"version": "1"}).status_code
        == 404
    )
    value.refresh_from_db()
    assert value.removed_at is None and value.numerator == 140


def test_council_staff_read_values_but_do_not_change_them(
    client, login, manager, health_officer, health_checks
):
    value = _value(health_checks, health_officer)
    login(client, manager)
    assert client.get(f"/strategy/partner-measures/values/{value.pk}/edit/").status_code == 403


def test_board_items_are_changed_and_removed(client, login, manager):
    meeting = board.schedule_meeting(
        board="quality", held_on=date(2025, 2, 5), attendees="Chair", agenda="Audits", by=manager
    )
    item = board.record_item(
        meeting=meeting,
        kind="action",
        text="Audit ten plans",
        owner="QA lead",
        due=date(2025, 3, 1),
        by=manager,
    )
    login(client, manager)
    page = client.post(
        f"/strategy/board/items/{item.pk}/edit/",
        {
            "kind": "action",
            "text": "Audit twelve plans",
            "owner": "QA lead",
            "due_0": "15",
            "due_1": "3",
            "due_2": "2025",
            "version": "1",
        },
    )
    assert page.status_code == 302
    body = client.get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "Quality Assurance Board" in body
    open_actions = body.split("Open actions from this board", 1)[1].split("</table>", 1)[0]
    assert "Audit twelve plans" in open_actions and "15 Mar 2025" in open_actions
    assert client.post(f"/strategy/board/items/{item.pk}/remove/", {"version": "2"}).status_code == 302
    body = client.get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "Removed the action “Audit twelve plans”" in body  # the confirmation
    pack = body.split("Board pack", 1)[1]
    assert "Audit twelve plans" not in pack and "No open actions" in pack
    assert BoardItem.with_removed.get(pk=item.pk).removed_at is not None


def test_a_plan_keeper_changes_an_actions_wording(client, login, manager, officer, plan):
    action = plan.actions.get(number="2.1")
    login(client, manager)
    form = client.get(f"/strategy/actions/{action.pk}/edit/").content.decode()
    assert "Small number of test and learn pilots" in form
    page = client.post(
        f"/strategy/actions/{action.pk}/edit/",
        {
            "version": "1",
            "title": "Three test and learn pilots of inclusive mainstream support",
            "owner": "SEND and Inclusion service lead",
            "partners": "Schools forum",
            "outcome": action.outcome,
            "success_criteria": action.success_criteria,
            "expected_impact": action.expected_impact,
        },
    )
    assert page.status_code == 302
    body = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Three test and learn pilots of inclusive mainstream support" in body
    rows = client.get("/strategy/").content.decode().split(">2.1<", 1)[1].split("</tr>", 1)[0]
    assert "Three test and learn pilots" in rows
    assert AuditEvent.objects.get(action="strategy.action.changed").data["fields"] == [
        "title",
        "owner",
        "partners",
    ]
    assert login(client, officer).get(f"/strategy/actions/{action.pk}/edit/").status_code == 403


def test_a_meeting_is_changed_then_removed_with_its_actions(client, login, manager):
    meeting = board.schedule_meeting(
        board="inclusion", held_on=date(2025, 1, 22), attendees="Chair", agenda="Plan", by=manager
    )
    board.record_item(
        meeting=meeting, kind="action", text="Report on waits", owner="DCO", due=date(2025, 3, 1), by=manager
    )
    later = board.schedule_meeting(
        board="inclusion", held_on=date(2025, 3, 26), attendees="Chair", agenda="Plan", by=manager
    )
    login(client, manager)
    fields = {
        "board": "inclusion",
        "held_on_0": "29",
        "held_on_1": "1",
        "held_on_2": "2025",
        "attendees": "Chair\nDCO",
        "agenda": "Plan\nWaiting times",
        "version": "1",
    }
    assert client.post(f"/strategy/board/{meeting.pk}/edit/", fields).status_code == 302
    clash = client.post(f"/strategy/board/{later.pk}/edit/", fields | {"version": "1"})
    assert "That board already meets on that day" in clash.content.decode()
    listing = client.get("/strategy/board/").content.decode()
    assert "29 January 2025" in listing and "26 March 2025" in listing
    assert "Report on waits" in client.get(f"/strategy/board/{later.pk}/").content.decode()  # open log
    assert client.post(f"/strategy/board/{meeting.pk}/remove/", {"version": "2"}).status_code == 302
    listing = client.get("/strategy/board/").content.decode()
    assert "Removed the SEND Inclusion Board, 29 January 2025 meeting" in listing  # the confirmation
    table = listing.split("<tbody", 1)[1]
    assert "29 January 2025" not in table and "26 March 2025" in table
    later_pack = client.get(f"/strategy/board/{later.pk}/").content.decode()
    assert "Report on waits" not in later_pack and "No open actions" in later_pack
    assert client.get(f"/strategy/board/{meeting.pk}/").status_code == 404
    # the day is free again for that board
    board.schedule_meeting(
        board="inclusion", held_on=date(2025, 1, 29), attendees="Chair", agenda="Plan", by=manager
    )
