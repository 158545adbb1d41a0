import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from sendhub.core.audit import events_together, record_event
from sendhub.core.models import AuditEvent


@pytest.mark.django_db
def test_events_cannot_be_changed_or_deleted(officer):
    event = record_event(actor=officer, action="test.done", target=officer, data={"n": 1})
    assert (event.actor_email, event.target_type, event.target_id) == (
        officer.email,
        "accounts.user",
        str(officer.pk),
    )
    event.action = "test.changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


@pytest.mark.django_db
def test_scheduled_job_events_have_no_actor():
    event = record_event(actor=None, action="job.ran")
    assert event.actor is None
    assert event.actor_email == ""


@pytest.mark.django_db
def test_events_recorded_together_are_written_at_the_end_and_not_at_all_after_an_error(officer):
    with transaction.atomic(), events_together():
        record_event(actor=officer, action="cases.letter.generated", target=officer, data={"letter": 1})
        record_event(actor=None, action="cases.document.stored", data={"document": 2})
        assert not AuditEvent.objects.exists()
    assert sorted(AuditEvent.objects.values_list("action", "actor_email", "data")) == [
        ("cases.document.stored", "", {"document": 2}),
        ("cases.letter.generated", officer.email, {"letter": 1}),
    ]
    with pytest.raises(RuntimeError), transaction.atomic(), events_together():
        record_event(actor=officer, action="cases.letter.generated", data={"letter": 3})
        raise RuntimeError("stopped")
    assert AuditEvent.objects.count() == 2
    record_event(actor=officer, action="after.together")  # outside, each event is written at once
    assert AuditEvent.objects.filter(action="after.together").exists()


@pytest.mark.django_db
def test_admin_searches_and_exports_the_trail(client, login, admin_user, officer):
    record_event(actor=officer, action="cases.child.viewed", target=officer)
    record_event(actor=admin_user, action="accounts.user.changed", target=officer)
    login(client, admin_user)
    page = client.get(reverse("core:audit_log"), {"action": "cases."})
    assert page.status_code == 200
    assert b"cases.child.viewed" in page.content
    assert b"accounts.user.changed" not in page.content
    export = client.get(reverse("core:audit_log_csv"), {"actor_email": "officer@"})
    body = b"".join(export.streaming_content).decode()
    assert export["Content-Type"] == "text/csv"
    assert body.splitlines()[0].startswith("when,who,action")
    assert "cases.child.viewed" in body
    assert "accounts.user.changed" not in body


@pytest.mark.django_db
def test_audit_search_rejects_a_backwards_date_range(client, login, admin_user):
    login(client, admin_user)
    response = client.get(
        reverse("core:audit_log"),
        {
            "date_from_0": "10",
            "date_from_1": "3",
            "date_from_2": "2026",
            "date_to_0": "1",
            "date_to_1": "3",
            "date_to_2": "2026",
        },
    )
    assert b"The end date must be the same as or after the start date" in response.content
    assert b"<title>Error: " in response.content


@pytest.mark.django_db
def test_events_from_a_real_request_carry_the_client_address_and_path(client, login, admin_user):
    """The service is not handed the request: the request in progress still names client and path."""
    login(client, admin_user)
    with override_settings(SENDHUB_TRUSTED_PROXY_COUNT=1):
        response = client.post(
            reverse("accounts:user_create"),
            {"full_name": "Ada Example", "email": "ada@example.test", "role": "analyst", "is_active": "on"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="accounts.user.created")
    assert event.ip_address == "203.0.113.9"
    assert event.path == reverse("accounts:user_create")


@pytest.mark.django_db
def test_events_outside_a_request_have_no_address():
    event = record_event(actor=None, action="test.scheduled")
    assert event.ip_address is None
    assert event.path == ""
