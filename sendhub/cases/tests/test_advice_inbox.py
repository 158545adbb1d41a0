"""The advice inbox (/advice/): advisers see only the advice asked of them, with reg 8's 6-week due
dates, overdue first; giving advice closes the milestone on the staff case and tells the officer;
declining keeps the reason. Another adviser's request is a 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import Role
from sendhub.cases.models import AdviceRequest, Document, TimelineEntry
from sendhub.cases.services import advice as advice_services
from sendhub.cases.services.requests import record_advice_received
from sendhub.cases.tests.factories import AdviceFactory, ChildFactory, RequestFactory
from sendhub.core.exceptions import CaseStateError
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""


def asked(adviser, officer, *, first_name: str, requested_days_ago: int) -> AdviceRequest:
    today = timezone.localdate()
    requested = today - timedelta(days=requested_days_ago)
    child = ChildFactory.create(
        first_name=first_name, last_name="Testchild", officer=officer, team=officer.team
    )
    request = RequestFactory.create(
        child=child, received=requested - timedelta(days=30), decided_to_assess=requested
    )
    return AdviceFactory.create(
        request=request, adviser=adviser, requested_on=requested, due=requested + timedelta(weeks=6)
    )


def test_inbox_lists_only_this_advisers_requests_overdue_first(client, login, ep, make_user, officer):
    other_ep = make_user(Role.EP, email="other.ep@example.org")
    due_soon = asked(ep, officer, first_name="Bea", requested_days_ago=40)
    overdue = asked(ep, officer, first_name="Ana", requested_days_ago=50)
    asked(ep, officer, first_name="Cal", requested_days_ago=1)
    asked(other_ep, officer, first_name="Zed", requested_days_ago=45)
    login(client, ep)
    page = client.get(reverse("cases:advice_inbox")).content.decode()
    assert page.index("Ana Testchild") < page.index("Bea Testchild") < page.index("Cal Testchild")
    assert "Zed" not in page
    assert f"Due {overdue.due:%-d %B %Y}" in page and "Overdue by 8 days" in page
    assert f"Due {due_soon.due:%-d %B %Y}" in page and "Due in 2 days" in page
    assert "1 request for advice is overdue" in page


@pytest.mark.parametrize("role", [Role.EP, Role.HEALTH, Role.SOCIAL_CARE])
def test_each_adviser_role_has_an_inbox(client, login, make_user, role):
    login(client, make_user(role))
    assert client.get(reverse("cases:advice_inbox")).status_code == 200


@pytest.mark.parametrize("role", [Role.PARENT, Role.SENCO, Role.CASE_OFFICER, Role.ANALYST, Role.ADMIN])
def test_others_have_no_inbox(client, login, make_user, role):
    login(client, make_user(role))
    assert client.get(reverse("cases:advice_inbox")).status_code == 403


def test_another_advisers_request_is_not_found(client, login, ep, make_user, officer):
    theirs = asked(
        make_user(Role.HEALTH, email="health@example.org"), officer, first_name="Ana", requested_days_ago=3
    )
    login(client, ep)
    assert client.get(reverse("cases:advice_detail", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("cases:advice_detail", args=[theirs.pk]), {"text": "x"}).status_code == 404
    assert client.post(reverse("cases:advice_decline", args=[theirs.pk]), {"reason": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.received_on is None and theirs.declined_on is None


def test_giving_advice_closes_the_milestone_and_tells_the_officer(client, login, ep, officer):
    advice = asked(ep, officer, first_name="Ana", requested_days_ago=10)
    login(client, ep)
    response = client.post(
        reverse("cases:advice_detail", args=[advice.pk]), {"text": "Ana needs small-group literacy support."}
    )
    assert response.status_code == 302
    advice.refresh_from_db()
    assert advice.received_on == timezone.localdate()
    assert advice.advice_text == "Ana needs small-group literacy support."
    assert AuditEvent.objects.filter(action="cases.advice.given", actor=ep).exists()
    assert AuditEvent.objects.filter(action="cases.advice.received").exists()
    assert TimelineEntry.objects.filter(child=advice.request.child, summary__endswith="received").exists()
    [email] = mail.outbox
    assert email.to == [officer.email]
    assert reverse("cases:request_detail", args=[advice.request.pk]) in email.body
    assert "Ana" not in email.body and "Testchild" not in email.body and "literacy" not in email.body
    login(client, officer)
    staff_page = client.get(reverse("cases:request_detail", args=[advice.request.pk])).content.decode()
    assert "Ana needs small-group literacy support." in staff_page
    assert f"{advice.received_on:%-d %b %Y}" in staff_page
    login(client, ep)
    inbox = client.get(reverse("cases:advice_inbox")).content.decode()
    assert "Nothing is waiting for your advice." in inbox


def test_advice_as_a_document_is_kept_on_the_case(client, login, ep, officer):
    advice = asked(ep, officer, first_name="Ana", requested_days_ago=10)
    login(client, ep)
    response = client.post(
        reverse("cases:advice_detail", args=[advice.pk]),
        {"text": "", "file": SimpleUploadedFile("ep-advice.pdf", PDF)},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.advice, document.request, document.uploaded_by) == (advice, advice.request, ep)
    assert AdviceRequest.objects.get(pk=advice.pk).received_on == timezone.localdate()


def test_advice_needs_text_or_a_document(client, login, ep, officer):
    advice = asked(ep, officer, first_name="Ana", requested_days_ago=10)
    login(client, ep)
    response = client.post(reverse("cases:advice_detail", args=[advice.pk]), {"text": "   "})
    assert response.status_code == 200
    assert "Write your advice or attach it as a document" in response.content.decode()
    assert AdviceRequest.objects.get(pk=advice.pk).received_on is None
    assert not mail.outbox


def test_declining_keeps_the_reason_for_the_officer(client, login, ep, officer):
    advice = asked(ep, officer, first_name="Ana", requested_days_ago=10)
    login(client, ep)
    assert client.post(reverse("cases:advice_decline", args=[advice.pk]), {"reason": ""}).status_code == 200
    response = client.post(
        reverse("cases:advice_decline", args=[advice.pk]), {"reason": "Not known to the service"}
    )
    assert response.status_code == 302
    advice.refresh_from_db()
    assert (advice.declined_on, advice.decline_reason) == (timezone.localdate(), "Not known to the service")
    assert AuditEvent.objects.filter(action="cases.advice.declined").exists()
    [email] = mail.outbox
    assert email.to == [officer.email] and "Ana" not in email.body
    login(client, officer)
    staff_page = client.get(reverse("cases:request_detail", args=[advice.request.pk])).content.decode()
    assert "Not known to the service" in staff_page
    with pytest.raises(CaseStateError):
        record_advice_received(
            advice=advice, received_on=timezone.localdate(), by=officer, today=timezone.localdate()
        )
    with pytest.raises(CaseStateError):
        advice_services.give_advice(
            advice=advice, text="late", upload=None, by=ep, today=timezone.localdate()
        )


def test_advice_on_a_closed_request_is_refused(client, login, ep, officer):
    advice = asked(ep, officer, first_name="Ana", requested_days_ago=10)
    advice.request.status = "withdrawn"
    advice.request.save(update_fields=["status"])
    login(client, ep)
    assert "Nothing is waiting for your advice." in client.get(reverse("cases:advice_inbox")).content.decode()
    response = client.post(reverse("cases:advice_detail", args=[advice.pk]), {"text": "Advice"})
    assert response.status_code == 200
    assert AdviceRequest.objects.get(pk=advice.pk).received_on is None


def test_advisers_are_reminded_of_advice_due_in_5_working_days(ep, officer, make_user):
    from datetime import date

    monday = date(2026, 3, 2)  # no bank holidays that week
    due_next_monday = AdviceFactory.create(
        request=RequestFactory.create(child=ChildFactory.create(first_name="Ana", officer=officer)),
        adviser=ep,
        requested_on=monday - timedelta(weeks=5),
        due=date(2026, 3, 9),
    )
    AdviceFactory.create(adviser=ep, requested_on=monday - timedelta(weeks=5), due=date(2026, 3, 10))
    health = make_user(Role.HEALTH, email="health@example.org")
    AdviceFactory.create(adviser=health, requested_on=monday, due=date(2026, 3, 9), received_on=monday)
    assert advice_services.remind_advice_due(monday) == 1
    [email] = mail.outbox
    assert email.to == [ep.email]
    assert "1 request for advice is due on Monday 9 March 2026" in email.body
    assert reverse("cases:advice_inbox") in email.body and "Ana" not in email.body
    due_next_monday.request.status = "withdrawn"
    due_next_monday.request.save(update_fields=["status"])
    mail.outbox.clear()
    assert advice_services.remind_advice_due(monday) == 0 and not mail.outbox
