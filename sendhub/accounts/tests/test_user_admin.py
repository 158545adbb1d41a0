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


@pytest.mark.django_db
def test_a_sencos_schools_are_entered_one_a_line_by_urn_or_name(client, login, admin_user, senco, school):
    second = School.objects.create(
        urn=900002, name="Riverside Academy", phase="secondary", setting_type="mainstream", la_code="202"
    )
    School.objects.create(
        urn=900003, name="Riverside Primary", phase="primary", setting_type="mainstream", la_code="202"
    )
    login(client, admin_user)
    url = reverse("accounts:user_edit", args=[senco.pk])
    form = {"full_name": senco.full_name, "email": senco.email, "role": Role.SENCO, "is_active": "on"}
    ambiguous = client.post(url, {**form, "schools": "900001\nriverside"}).content.decode()
    assert "More than one setting matches “riverside”: enter its URN" in ambiguous
    assert "Riverside Primary (URN 900003" in ambiguous
    assert client.post(url, {**form, "schools": "900001\r\nRiverside Academy\n"}).status_code == 302
    senco.refresh_from_db()
    assert set(senco.schools.all()) == {school, second}
    from lxml import html

    shown = html.fromstring(client.get(url).content).xpath("//textarea[@name='schools']")[0].text_content()
    assert sorted(shown.split()) == ["900001", "900002"], "the form shows the URNs recorded"
