"""The board: meetings, decisions and actions to completion, and the pack as HTML and PDF."""

import io
from datetime import date

import time_machine
from pypdf import PdfReader

from sendhub.strategy.models import BoardItem, BoardMeeting
from sendhub.strategy.services import board
from sendhub.strategy.services.plan import record_update


def _meeting(manager):
    return board.schedule_meeting(
        board="inclusion",
        held_on=date(2025, 1, 22),
        attendees="Chair\nDCO",
        agenda="Plan report\nMeasures",
        by=manager,
    )


@time_machine.travel(date(2025, 1, 15))
def test_the_pdf_pack_has_each_priority_and_the_measures_off_target(
    client, login, manager, plan, health_checks_linked
):
    record_update(
        action=plan.actions.get(number="2.1"),
        reported_on=date(2024, 12, 31),
        delivery="off_track",
        progress="No pilot site",
        by=manager,
    )
    meeting = _meeting(manager)
    page = login(client, manager).get(f"/strategy/board/{meeting.pk}/pack.pdf")
    assert page.status_code == 200 and page["Content-Type"] == "application/pdf"
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(page.content)).pages)
    text = " ".join(text.split())
    assert "Priority 1: Make life easier for families of children and young people with SEND" in text
    assert "Priority 2: Support children and young people with SEND to thrive" in text
    assert "Priority 3: Enable young adults with SEND to build a good life locally" in text
    assert (
        "Measures off target" in text
        and "14+ with an annual health check" in text
        and "70% (2024-25)" in text
    )
    assert "Small number of test and learn pilots" in text  # 2.1, red: an exception


@time_machine.travel(date(2025, 1, 15))
def test_the_html_pack_shows_rag_counts_exceptions_and_off_target(
    client, login, officer, manager, plan, health_checks_linked
):
    meeting = _meeting(manager)
    body = login(client, officer).get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "Priority 3: Enable young adults with SEND to build a good life locally" in body
    off = body.split("Measures off target", 1)[1].split("</table>", 1)[0]
    assert "14+ with an annual health check" in off and "70%" in off and "75%" in off
    assert "Record a decision or action" not in body  # a case officer reads the pack but does not minute


def test_actions_are_tracked_to_completion(client, login, manager):
    meeting = _meeting(manager)
    login(client, manager)
    page = client.post(
        f"/strategy/board/{meeting.pk}/items/new/",
        {
            "kind": "action",
            "text": "Report on waits",
            "owner": "DCO",
            "due_0": "28",
            "due_1": "2",
            "due_2": "2025",
        },
    )
    assert page.status_code == 302
    item = BoardItem.objects.get()
    assert (
        "Report on waits"
        in client.get(f"/strategy/board/{meeting.pk}/").content.decode().split("Open actions")[1]
    )
    done = client.post(
        f"/strategy/board/items/{item.pk}/complete/",
        {"completed_on_0": "20", "completed_on_1": "2", "completed_on_2": "2025"},
    )
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.completed_on == date(2025, 2, 20)
    body = client.get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "No open actions." in body and "Completed 20 Feb 2025: Report on waits" in body


def test_an_action_needs_an_owner_and_a_due_date(client, login, manager):
    meeting = _meeting(manager)
    page = login(client, manager).post(
        f"/strategy/board/{meeting.pk}/items/new/", {"kind": "action", "text": "Something"}
    )
    assert "An action needs an owner and a due date" in page.content.decode()
    assert not BoardItem.objects.exists()


def test_only_managers_schedule_meetings(client, login, officer, manager):
    assert login(client, officer).get("/strategy/board/new/").status_code == 403
    page = login(client, manager).post(
        "/strategy/board/new/",
        {
            "board": "inclusion",
            "held_on_0": "19",
            "held_on_1": "3",
            "held_on_2": "2025",
            "attendees": "Chair",
            "agenda": "Plan",
        },
    )
    assert page.status_code == 302 and BoardMeeting.objects.get().held_on == date(2025, 3, 19)


@time_machine.travel(date(2025, 3, 1))
def test_a_past_meetings_pack_shows_the_plan_as_it_stood_at_the_meeting(client, login, manager, plan):
    action = plan.actions.get(number="3.8")  # due Apr-25
    record_update(
        action=action, reported_on=date(2024, 12, 31), delivery="at_risk", progress="Paused", by=manager
    )
    record_update(
        action=action, reported_on=date(2025, 2, 1), delivery="off_track", progress="Stopped", by=manager
    )
    meeting = _meeting(manager)
    body = login(client, manager).get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert "Status as at 22 January 2025" in body
    exceptions = body.split("Priority 3: Enable young adults", 1)[1].split("</table>", 1)[0]
    row = exceptions.split(">3.8<", 1)[1].split("</tr>", 1)[0]
    assert "Amber" in row and "At risk" in row
