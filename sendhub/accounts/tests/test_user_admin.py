import pytest
from django.urls import reverse

from sendhub.accounts.models import Role, User
from sendhub.core.models import AuditEvent
from sendhub.schools.models import School


@pytest.fixture
def school(db):
    return School.objects.create(
        urn=900001, name="Test Primary", phase="primary", setting_type="mainstream", la_code="202"
    )


@pytest.mark.django_db
def test_admin_adds_a_senco_linked_to_a_school(client, login, admin_user, school):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "full_name": "New Senco",
            "email": "New.Senco@Example.test",
            "role": Role.SENCO,
            "schools": str(school.urn),
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.senco@example.test")
    assert list(user.schools.all()) == [school]
    assert not user.has_usable_password()
    assert AuditEvent.objects.filter(action="accounts.user.created", target_id=str(user.pk)).exists()


@pytest.mark.django_db
def test_a_senco_needs_a_school(client, login, admin_user):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"full_name": "No School", "email": "x@example.test", "role": Role.SENCO},
    )
    assert b"Select at least one school for a SENCO" in response.content


@pytest.mark.django_db
def test_duplicate_email_is_a_field_error(client, login, admin_user, officer):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"full_name": "Dup", "email": officer.email.upper(), "role": Role.CASE_OFFICER},
    )
    assert b"An account with this email address already exists" in response.content
