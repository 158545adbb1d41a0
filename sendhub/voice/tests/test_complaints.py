"""Complaints through the LGSCO stages; compliments."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError, StaleObjectError
from sendhub.voice.models import ComplaintStatus, Compliment
from sendhub.voice.services import complaints as services
from sendhub.voice.tests.factories import make_contact

pytestmark = pytest.mark.django_db


def test_each_step_sets_the_next_due_date(manager) -> None:
    complaint = services.open_complaint(
        contact=make_contact(topic="plan"), received_on=date(2026, 12, 18), by=manager
    )
    assert complaint.acknowledge_due == date(2026, 12, 29)  # over Christmas 2026
    complaint = services.advance_complaint(
        complaint=complaint, action="acknowledge", on=date(2026, 12, 22), by=manager, version=1
    )
    assert complaint.stage1_due == date(2027, 1, 8)  # 23, 24, 29, 30, 31 Dec and 4 to 8 Jan
    complaint = services.advance_complaint(
        complaint=complaint,
        action="stage_1_response",
        on=date(2027, 1, 6),
        by=manager,
        version=2,
        outcome="not_upheld",
    )
    complaint = services.advance_complaint(
        complaint=complaint, action="escalate", on=date(2027, 1, 11), by=manager, version=3
    )
    assert complaint.stage2_due == date(2027, 2, 8)
    complaint = services.advance_complaint(
        complaint=complaint,
        action="stage_2_response",
        on=date(2027, 2, 5),
        by=manager,
        version=4,
        outcome="partly_upheld",
        learning="Tell families when a plan will be late",
    )
    assert complaint.status == ComplaintStatus.CLOSED and complaint.outcome == "partly_upheld"


def test_steps_out_of_order_are_refused(manager) -> None:
    complaint = services.open_complaint(contact=make_contact(), received_on=date(2026, 11, 23), by=manager)
    with pytest.raises(CaseStateError):
        services.advance_complaint(
            complaint=complaint, action="escalate", on=date(2026, 11, 24), by=manager, version=1
        )
    with pytest.raises(StaleObjectError):
        services.advance_complaint(
            complaint=complaint, action="acknowledge", on=date(2026, 11, 24), by=manager, version=9
        )


def test_a_response_needs_an_outcome(manager) -> None:
    complaint = services.open_complaint(contact=make_contact(), received_on=date(2026, 11, 23), by=manager)
    complaint = services.advance_complaint(
        complaint=complaint, action="acknowledge", on=date(2026, 11, 24), by=manager, version=1
    )
    with pytest.raises(CaseStateError, match="outcome"):
        services.advance_complaint(
            complaint=complaint, action="stage_1_response", on=date(2026, 11, 30), by=manager, version=2
        )


def test_one_complaint_per_contact(manager) -> None:
    contact = make_contact()
    services.open_complaint(contact=contact, received_on=date(2026, 11, 23), by=manager)
    with pytest.raises(CaseStateError):
        services.open_complaint(contact=contact, received_on=date(2026, 11, 23), by=manager)


def test_complaint_pages(client, login, manager, officer) -> None:
    contact = make_contact()
    login(client, manager)
    response = client.post(
        reverse("voice:complaint_create", args=[contact.pk]),
        {"received_on_0": "23", "received_on_1": "11", "received_on_2": "2026"},
    )
    complaint = contact.complaint
    assert response["Location"] == complaint.get_absolute_url()
    page = client.get(complaint.get_absolute_url())
    assert b"30 Nov 2026" in page.content  # acknowledge due
    client.post(
        complaint.get_absolute_url(),
        {"version": 1, "action": "acknowledge", "on_0": "24", "on_1": "11", "on_2": "2026"},
    )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.STAGE_1
    login(client, officer)  # case officers see complaints but cannot record steps
    assert client.get(complaint.get_absolute_url()).status_code == 200
    assert client.get(reverse("voice:complaint_create", args=[contact.pk])).status_code == 403


def test_log_a_compliment(client, login, officer) -> None:
    login(client, officer)
    client.post(
        reverse("voice:compliment_create"),
        {
            "received_on_0": "20",
            "received_on_1": "11",
            "received_on_2": "2026",
            "channel": "email",
            "about": "Primary team",
            "summary": "Thank you for the quick help.",
        },
    )
    assert Compliment.objects.get().about == "Primary team"
    assert b"Primary team" in client.get(reverse("voice:compliment_list")).content


def test_a_contact_about_a_complaint_starts_the_lgsco_clock() -> None:
    contact = make_contact(topic="complaint")  # Monday 23 November 2026
    assert contact.complaint.acknowledge_due == date(2026, 11, 30)
    assert contact.complaint.status == ComplaintStatus.RECEIVED
