"""The Quality Assurance Board on its own page, its actions tracked to completion as the Inclusion Board's."""

from datetime import date

import time_machine

from sendhub.strategy.services import board


def _meeting(kind, held_on, manager):
    return board.schedule_meeting(board=kind, held_on=held_on, attendees="Chair", agenda="Audits", by=manager)


def _action(meeting, text, due, manager):
    return board.record_item(
        meeting=meeting, kind="action", text=text, owner="Head of SEND", due=due, by=manager
    )


@time_machine.travel(date(2025, 3, 10))
def test_each_board_lists_its_own_meetings_and_open_actions(client, login, manager, officer, plan):
    inclusion = _meeting("inclusion", date(2025, 1, 22), manager)
    quality = _meeting("quality", date(2025, 2, 5), manager)
    _action(inclusion, "Report on tuition packages", date(2025, 4, 30), manager)
    audit = _action(quality, "Audit ten new EHC plans", date(2025, 3, 1), manager)

    login(client, officer)
    plan_page = client.get("/strategy/").content.decode()
    assert 'href="/strategy/board/quality-assurance/"' in plan_page

    inclusion_page = client.get("/strategy/board/").content.decode()
    assert '<h1 class="govuk-heading-xl">SEND Inclusion Board</h1>' in inclusion_page
    assert "22 January 2025" in inclusion_page and "Report on tuition packages" in inclusion_page
    assert "5 February 2025" not in inclusion_page and "Audit ten new EHC plans" not in inclusion_page
    assert 'href="/strategy/board/quality-assurance/"' in inclusion_page

    qa_page = client.get("/strategy/board/quality-assurance/").content.decode()
    assert '<h1 class="govuk-heading-xl">Quality Assurance Board</h1>' in qa_page
    assert "1 meeting" in qa_page and "5 February 2025" in qa_page
    open_rows = qa_page.split("Open actions: 1 action", 1)[1]
    assert "Audit ten new EHC plans" in open_rows and "1 March 2025" in open_rows and "Overdue" in open_rows
    assert "Report on tuition packages" not in qa_page and "22 January 2025" not in qa_page
    assert "Schedule a meeting" not in qa_page  # reading staff do not schedule

    meeting_page = client.get(f"/strategy/board/{quality.pk}/").content.decode()
    assert 'href="/strategy/board/quality-assurance/"' in meeting_page
    assert "Back to the Quality Assurance Board" in meeting_page

    login(client, manager)
    qa_page = client.get("/strategy/board/quality-assurance/").content.decode()
    assert 'href="/strategy/board/new/?board=quality"' in qa_page
    form = client.get("/strategy/board/new/?board=quality").content.decode()
    assert 'value="quality" checked' in form
    client.post(
        f"/strategy/board/items/{audit.pk}/complete/",
        {"completed_on_0": "10", "completed_on_1": "3", "completed_on_2": "2025"},
    )
    qa_page = client.get("/strategy/board/quality-assurance/").content.decode()
    assert "Open actions: 0 actions" in qa_page and "No open actions." in qa_page
    assert "Report on tuition packages" in client.get("/strategy/board/").content.decode()
