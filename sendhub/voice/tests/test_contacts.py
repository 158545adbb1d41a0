"""Contacts: references, reply-due days, replies stop the clock, escalation, the Duty Line pages."""

from __future__ import annotations

from datetime import date, datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError, StaleObjectError
from sendhub.core.models import AuditEvent
from sendhub.voice.models import Contact, ContactStatus, Direction
from sendhub.voice.services import contacts as services
from sendhub.voice.tests.factories import LONDON, make_contact

pytestmark = pytest.mark.django_db


def test_references_run_in_sequence_and_restart_each_year() -> None:
    a = make_contact(at=datetime(2026, 12, 31, 10, 0, tzinfo=LONDON))
    b = make_contact(at=datetime(2026, 12, 31, 11, 0, tzinfo=LONDON))
    c = make_contact(at=datetime(2027, 1, 4, 9, 0, tzinfo=LONDON))
    assert [a.reference, b.reference, c.reference] == [
        "SEN-2026-000001",
        "SEN-2026-000002",
        "SEN-2027-000001",
    ]


def test_year_of_reference_is_the_london_year() -> None:
    # 23:30 on 31 December in London is still 2026 (GMT); the reference must say 2026.
    contact = make_contact(at=datetime(2026, 12, 31, 23, 30, tzinfo=LONDON))
    assert contact.reference.startswith("SEN-2026-")


def test_reply_due_uses_working_days_and_office_hours() -> None:
    friday_evening = make_contact(at=datetime(2026, 12, 18, 17, 30, tzinfo=LONDON))
    assert friday_evening.reply_due == date(2026, 12, 23)  # counts from Monday 21: due Wednesday 23


def test_logging_emails_the_reference_and_audits() -> None:
    contact = make_contact()
    assert mail.outbox[-1].to == ["family@example.test"]
    assert contact.reference in mail.outbox[-1].subject
    assert AuditEvent.objects.filter(action="voice.contact.logged", target_id=str(contact.pk)).exists()


def test_first_reply_stops_the_clock(officer) -> None:
    contact = make_contact()
    at = datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
    services.reply_to_contact(contact=contact, body="It is on its way", by=officer, version=1, now=at)
    services.reply_to_contact(
        contact=contact,
        body="Sent today",
        by=officer,
        version=2,
        now=datetime(2026, 11, 30, 9, 0, tzinfo=LONDON),
    )
    contact.refresh_from_db()
    assert contact.replied_at == at
    assert contact.status == ContactStatus.REPLIED
    assert contact.messages.filter(direction=Direction.OUT).count() == 2


def test_stale_version_is_refused(officer) -> None:
    contact = make_contact()
    services.reply_to_contact(contact=contact, body="First", by=officer, version=1)
    with pytest.raises(StaleObjectError):
        services.reply_to_contact(contact=contact, body="Second", by=officer, version=1)


def test_closed_contact_cannot_be_replied_to(officer) -> None:
    contact = make_contact()
    services.close_contact(contact=contact, by=officer, version=1)
    with pytest.raises(CaseStateError):
        services.reply_to_contact(contact=contact, body="Hello", by=officer, version=2)


def test_escalation_marks_overdue_once_and_emails_managers(manager) -> None:
    overdue = make_contact(at=datetime(2026, 11, 23, 10, 0, tzinfo=LONDON))  # due 25 Nov
    not_yet = make_contact(at=datetime(2026, 11, 25, 10, 0, tzinfo=LONDON))  # due 27 Nov
    mail.outbox.clear()
    escalated = services.escalate_overdue_contacts(today=date(2026, 11, 26))
    assert [c.pk for c in escalated] == [overdue.pk]
    assert mail.outbox[0].to == [manager.email] and overdue.reference in mail.outbox[0].body
    assert services.escalate_overdue_contacts(today=date(2026, 11, 26)) == []
    not_yet.refresh_from_db()
    assert not_yet.escalated_at is None


def test_escalate_command_dry_run_changes_nothing() -> None:
    contact = make_contact(at=datetime(2020, 1, 6, 10, 0, tzinfo=LONDON))
    out = StringIO()
    call_command("voice", "escalate", "--dry-run", stdout=out)
    assert contact.reference in out.getvalue() and "would be escalated" in out.getvalue()
    contact.refresh_from_db()
    assert contact.escalated_at is None
    call_command("voice", "escalate", stdout=out)
    contact.refresh_from_db()
    assert contact.escalated_at is not None


@pytest.mark.django_db(transaction=True)
def test_references_are_unique_under_concurrency() -> None:
    import threading
    import time

    from django.db import OperationalError, connection

    results: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        # The test database on SQLite is in-memory with a shared cache, which reports "table is locked"
        # at once instead of waiting as a file database does (busy timeout); wait and retry the same way.
        try:
            for _ in range(200):
                try:
                    results.append(make_contact(email="").reference)
                    return
                except OperationalError as e:
                    if "locked" not in str(e):
                        raise
                    time.sleep(0.01)
        except BaseException as e:  # collected and asserted below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [f"SEN-2026-{n:06d}" for n in range(1, 9)]


def test_duty_line_queues(client, login, officer) -> None:
    make_contact()
    with time_machine.travel(datetime(2026, 11, 26, 12, 0, tzinfo=LONDON)):
        login(client, officer)
        response = client.get(reverse("voice:contact_list") + "?queue=overdue")
    assert response.status_code == 200
    assert b"SEN-2026-000001" in response.content and b"Overdue" in response.content


def test_parent_cannot_open_the_duty_line(client, login, parent) -> None:
    contact = make_contact()
    login(client, parent)
    assert client.get(reverse("voice:contact_list")).status_code == 403
    assert client.get(reverse("voice:contact_detail", args=[contact.pk])).status_code == 403


def test_find_by_quoted_reference(client, login, officer) -> None:
    contact = make_contact()
    login(client, officer)
    response = client.get(reverse("voice:contact_find"), {"reference": "sen 2026 1"})
    assert response.status_code == 302 and response["Location"] == contact.get_absolute_url()
    missing = client.get(reverse("voice:contact_find"), {"reference": "SEN-2026-000999"})
    assert b"No contact has the reference" in missing.content
    bad = client.get(reverse("voice:contact_find"), {"reference": "hello"})
    assert b"Enter a reference in the format" in bad.content


def test_log_reply_and_close_through_the_pages(client, login, officer) -> None:
    login(client, officer)
    response = client.post(
        reverse("voice:contact_create"),
        {
            "channel": "phone",
            "name": "Alex Example",
            "relationship": "parent",
            "email": "alex@example.test",
            "topic": "transport",
            "summary": "Bus not turning up",
            "message": "The bus did not come today",
        },
    )
    contact = Contact.objects.get()
    assert response.status_code == 302 and response["Location"] == contact.get_absolute_url()
    detail = client.get(contact.get_absolute_url())
    assert b"SEN-2026-" in detail.content or contact.reference.encode() in detail.content
    client.post(
        reverse("voice:contact_reply", args=[contact.pk]),
        {"version": 1, "body": "We have called the operator"},
    )
    contact.refresh_from_db()
    assert contact.status == ContactStatus.REPLIED
    client.post(reverse("voice:contact_close", args=[contact.pk]), {"version": contact.version})
    contact.refresh_from_db()
    assert contact.status == ContactStatus.CLOSED


def test_log_contact_shows_errors(client, login, officer) -> None:
    login(client, officer)
    response = client.post(reverse("voice:contact_create"), {"name": ""})
    assert response.status_code == 200
    assert b"<title>Error: " in response.content and b"Enter a short summary" in response.content


def test_assign_a_contact(client, login, officer, colleague) -> None:
    contact = make_contact()
    login(client, officer)
    client.post(
        reverse("voice:contact_assign", args=[contact.pk]), {"version": 1, "assigned_to": colleague.pk}
    )
    contact.refresh_from_db()
    assert contact.assigned_to == colleague and contact.version == 2
    page = client.get(contact.get_absolute_url())
    assert colleague.full_name.encode() in page.content
    stale = client.post(
        reverse("voice:contact_assign", args=[contact.pk]), {"version": 1, "assigned_to": ""}, follow=True
    )
    assert b"Someone else changed this record" in stale.content


def test_parent_sees_own_messages_and_replies_but_not_notes(client, login, parent, officer) -> None:
    mine = make_contact(email=parent.email, sender_account=parent)
    other = make_contact(email="someone.else@example.test")
    services.reply_to_contact(contact=mine, body="We have booked the review", by=officer, version=1)
    services.add_note(contact=mine, body="Internal: check the school", by=officer)
    login(client, parent)
    listing = client.get(reverse("voice:own_contact_list"))
    assert mine.reference.encode() in listing.content and other.reference.encode() not in listing.content
    detail = client.get(reverse("voice:own_contact_detail", args=[mine.pk]))
    assert (
        b"We have booked the review" in detail.content and b"Internal: check the school" not in detail.content
    )
    assert client.get(reverse("voice:own_contact_detail", args=[other.pk])).status_code == 404
    login(client, officer)
    assert client.get(reverse("voice:own_contact_list")).status_code == 403
