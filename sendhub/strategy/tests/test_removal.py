"""Removing a plan action (with a reason) and an evidence document: soft, version-checked, audited; gone
from every page, pack and export, kept for the audit."""

import io
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from sendhub.core.models import AuditEvent
from sendhub.strategy.models import Action, Update, UpdateEvidence
from sendhub.strategy.services import board
from sendhub.strategy.services.plan import carry_forward_action, record_update

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""


def _off_track(plan, manager, number="1.4"):
    return record_update(
        action=plan.actions.get(number=number),
        reported_on=date(2024, 12, 31),
        delivery="off_track",
        progress="No venue found for the sessions",
        by=manager,
    )


@time_machine.travel(date(2025, 1, 15))
def test_a_removed_action_leaves_the_plan_the_pack_and_the_export_but_keeps_its_history(
    client, login, manager, plan
):
    update = _off_track(plan, manager)
    action = update.action
    meeting = board.schedule_meeting(
        board="inclusion", held_on=date(2025, 1, 22), attendees="Chair", agenda="Plan", by=manager
    )
    login(client, manager)
    assert f"/strategy/actions/{action.pk}/" in client.get(f"/strategy/board/{meeting.pk}/").content.decode()
    before = client.get("/strategy/").content.decode()
    count = plan.actions.count()
    assert f"{count} actions" in before and ">1.4<" in before
    assert (
        f'href="/strategy/actions/{action.pk}/remove/"'
        in client.get(action.get_absolute_url()).content.decode()
    )

    confirm = client.get(f"/strategy/actions/{action.pk}/remove/").content.decode()
    assert "Are you sure you want to remove action 1.4 from the 2024 plan?" in confirm
    assert "Why is it being removed?" in confirm
    no_reason = client.post(f"/strategy/actions/{action.pk}/remove/", {"version": "1", "reason": ""})
    assert no_reason.status_code == 200 and "Enter why it is being removed" in no_reason.content.decode()

    done = client.post(
        f"/strategy/actions/{action.pk}/remove/",
        {"version": "1", "reason": "Merged into 1.5 by the board"},
        follow=True,
    )
    page = done.content.decode()
    assert "Removed action 1.4 from the 2024 plan" in page
    assert f"{count - 1} actions" in page and ">1.4<" not in page
    assert client.get(action.get_absolute_url()).status_code == 404
    assert client.get(f"/strategy/updates/{update.pk}/edit/").status_code == 404

    pack = client.get(f"/strategy/board/{meeting.pk}/").content.decode()
    assert f"/strategy/actions/{action.pk}/" not in pack
    sheet = load_workbook(io.BytesIO(client.get("/strategy/plan-2024.xlsx").content)).active
    numbers = {row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "1.4" not in numbers and "1.5" in numbers

    kept = Action.with_removed.get(pk=action.pk)
    assert kept.removed_at is not None and kept.removed_reason == "Merged into 1.5 by the board"
    assert Update.objects.filter(pk=update.pk).exists()  # its history stays
    event = AuditEvent.objects.get(action="strategy.action.removed")
    assert event.data == {"number": "1.4", "plan": 2024, "reason": "Merged into 1.5 by the board"}


@time_machine.travel(date(2025, 1, 15))
def test_a_removal_opened_before_a_change_is_refused(client, login, manager, plan):
    action = plan.actions.get(number="2.1")
    login(client, manager)
    client.post(f"/strategy/actions/{action.pk}/edit/", {"version": "1", "title": "New wording"})
    stale = client.post(
        f"/strategy/actions/{action.pk}/remove/", {"version": "1", "reason": "Done elsewhere"}
    )
    assert "Someone else changed this record after you opened it" in stale.content.decode()
    assert Action.objects.filter(pk=action.pk).exists()


@time_machine.travel(date(2025, 1, 15))
def test_a_carried_action_cannot_be_removed_and_staff_who_only_read_may_not(
    client, login, manager, officer, plan
):
    action = plan.actions.get(number="2.1")
    carried = carry_forward_action(action=action, by_when="Dec-25", by=manager)
    assert login(client, officer).get(f"/strategy/actions/{action.pk}/remove/").status_code == 403
    login(client, manager)
    page = client.get(carried.get_absolute_url()).content.decode()
    assert "Remove the action from the plan" not in page
    refused = client.post(f"/strategy/actions/{action.pk}/remove/", {"version": "1", "reason": "Not needed"})
    assert "links two years of the plan" in refused.content.decode()
    assert Action.objects.filter(pk=action.pk).exists()


@time_machine.travel(date(2025, 1, 15))
def test_a_removed_evidence_document_leaves_the_action_page_and_cannot_be_opened(
    client, login, manager, plan
):
    update = _off_track(plan, manager, "1.7")
    login(client, manager)
    client.post(
        f"/strategy/updates/{update.pk}/evidence/new/",
        {"file": SimpleUploadedFile("minutes.pdf", PDF), "title": "Board minutes, January 2025"},
    )
    document = UpdateEvidence.objects.get()
    page = client.get(update.action.get_absolute_url()).content.decode()
    assert "Board minutes, January 2025" in page and f"/strategy/evidence/{document.pk}/remove/" in page

    confirm = client.get(f"/strategy/evidence/{document.pk}/remove/").content.decode()
    assert (
        "Are you sure you want to remove the document \u201cBoard minutes, January 2025\u201d "
        "from the update of 31 December 2024?" in confirm
    )
    done = client.post(
        f"/strategy/evidence/{document.pk}/remove/",
        {"version": "1", "reason": "Uploaded to the wrong update"},
    )
    assert done.status_code == 302
    page = client.get(update.action.get_absolute_url()).content.decode()
    assert "Removed the document “Board minutes, January 2025”" in page  # the message, once
    assert page.count("Board minutes, January 2025") == 1 and "No venue found" in page
    assert f'href="/strategy/evidence/{document.pk}/"' not in page
    assert client.get(f"/strategy/evidence/{document.pk}/").status_code == 404
    kept = UpdateEvidence.with_removed.get(pk=document.pk)
    assert kept.removed_reason == "Uploaded to the wrong update" and kept.file.name
    event = AuditEvent.objects.get(action="strategy.evidence.removed")
    assert event.data["title"] == "Board minutes, January 2025"
