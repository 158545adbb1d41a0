"""Audit holes closed (issue 15): admin-site saves are audited, and PostgreSQL itself refuses to change
or delete an audit row."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from sendhub.accounts.models import Role, User
from sendhub.core.admin_audit import AuditedAdmin
from sendhub.core.audit import record_event
from sendhub.core.models import AuditEvent


def test_every_model_in_the_admin_site_is_audited():
    unaudited = [m._meta.label for m, ma in admin.site._registry.items() if not isinstance(ma, AuditedAdmin)]
    assert not unaudited


@pytest.fixture
def superuser(make_user):
    return make_user(Role.ADMIN, "root@example.test", is_staff=True, is_superuser=True)


@pytest.mark.django_db
def test_changing_a_role_or_superuser_flag_in_the_admin_site_is_audited(client, login, superuser, analyst):
    login(client, superuser)
    url = reverse("admin:accounts_user_change", args=[analyst.pk])
    form = {
        "email": analyst.email,
        "full_name": analyst.full_name,
        "role": Role.ADMIN,
        "phone": "",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "last_login_0": "",
        "last_login_1": "",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    analyst.refresh_from_db()
    assert analyst.role == Role.ADMIN and analyst.is_superuser
    event = AuditEvent.objects.get(action="admin.changed")
    assert event.actor == superuser and event.target_type == "accounts.user"
    assert event.target_id == str(analyst.pk)
    assert {"Role", "Superuser status"} <= set(event.data["fields"])
    assert analyst.email not in str(event.data)


@pytest.mark.django_db
def test_adding_and_deleting_in_the_admin_site_is_audited(client, login, superuser):
    from sendhub.accounts.models import Team

    login(client, superuser)
    client.post(reverse("admin:accounts_team_add"), {"name": "Post-16"})
    team = Team.objects.get(name="Post-16")
    client.post(reverse("admin:accounts_team_delete", args=[team.pk]), {"post": "yes"})
    assert not Team.objects.filter(pk=team.pk).exists()
    actions = list(AuditEvent.objects.filter(target_type="accounts.team").values_list("action", "target_id"))
    assert sorted(actions) == [("admin.added", str(team.pk)), ("admin.deleted", str(team.pk))]


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's; SQLite is dev-only"
)
def test_postgresql_refuses_update_and_delete_of_audit_rows(officer):
    event = record_event(actor=officer, action="test.made", target=officer)
    for sql in (
        "UPDATE core_auditevent SET action = 'test.changed' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as c,
        ):
            c.execute(sql, [event.pk])
    event.refresh_from_db()
    assert event.action == "test.made"
    assert User.objects.filter(pk=officer.pk).exists()
