import pytest
from django.urls import reverse

from sendhub.core.audit import record_event
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
