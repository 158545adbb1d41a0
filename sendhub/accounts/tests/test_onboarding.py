"""Invitations, password resets and teams: how staff get in without anyone knowing their password."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import Role, Team, User
from sendhub.conftest import TEST_PASSWORD
from sendhub.core.models import AuditEvent

NEW_PASSWORD = "a-long-new-password-for-tests-81"
SITE = "https://send.example.gov.uk"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SENDHUB_SITE_URL = SITE


def emailed_path(message):
    """The link in an email, which must point at the public site, as a path for the test client."""
    [url] = re.findall(r"https?://\S+/account/\S+/", message.body)
    assert url.startswith(SITE + "/")
    return url.removeprefix(SITE)


def set_password(client, path, password=NEW_PASSWORD):
    form_page = client.get(path, follow=True)  # Django swaps the token for a session key, then shows the form
    assert b"Set" in form_page.content and b"password" in form_page.content
    return client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def signs_in(email, password=NEW_PASSWORD, address="198.51.100.1"):
    from django.test import Client

    response = Client().post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )
    return response.status_code == 302 and response["Location"] == reverse("core:home")


@pytest.mark.django_db
def test_an_invited_person_sets_a_password_and_signs_in(client, login, admin_user, team):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {"full_name": "Priya Shah", "email": "Priya.Shah@example.test", "role": Role.EP, "team": team.pk},
    )
    assert response.status_code == 302
    user = User.objects.get(email="priya.shah@example.test")
    assert not user.has_usable_password()
    [invitation] = mail.outbox
    assert invitation.to == ["priya.shah@example.test"]
    assert invitation.subject == "You are invited to SEND Hub"
    assert "Educational psychologist" in invitation.body
    assert "for 3 days" in invitation.body
    assert "Invited" in client.get(reverse("accounts:user_list")).content.decode()

    newcomer = type(client)()
    path = emailed_path(invitation)
    done = set_password(newcomer, path)
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    assert signs_in("priya.shah@example.test")
    assert AuditEvent.objects.filter(action="accounts.user.invited", target_id=str(user.pk)).exists()
    assert AuditEvent.objects.filter(action="accounts.password.set_by_invitation").exists()

    again = type(client)().get(path, follow=True)
    assert b"This link does not work" in again.content, "the link works once"


@pytest.mark.django_db
def test_an_invitation_expires(client, admin_user, login):
    login(client, admin_user)
    client.post(
        reverse("accounts:user_create"),
        {"full_name": "Late Comer", "email": "late@example.test", "role": "analyst"},
    )
    path = emailed_path(mail.outbox[0])
    with time_machine.travel(timezone.now() + timedelta(hours=73)):
        assert b"This link does not work" in type(client)().get(path, follow=True).content


@pytest.mark.django_db
def test_staff_send_a_new_invitation_from_the_user_page(client, login, admin_user, officer):
    login(client, admin_user)
    page = client.get(reverse("accounts:user_edit", args=[officer.pk])).content.decode()
    assert "Send a new invitation" in page
    response = client.post(reverse("accounts:user_invite", args=[officer.pk]))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert client.get(reverse("accounts:user_invite", args=[officer.pk])).status_code == 405


@pytest.mark.django_db
def test_password_reset_does_not_say_whether_an_account_exists(client, officer):
    assert reverse("password_reset") == "/account/password-reset/"
    known = client.post(reverse("password_reset"), {"email": officer.email})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.test"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == reverse("password_reset_done")
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "If an account uses that email address" in client.get(known["Location"]).content.decode()


@pytest.mark.django_db
def test_a_forgotten_password_is_reset_by_email_and_unlocks_the_account(client, officer):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": officer.email, "password": "wrong"})
    assert not signs_in(officer.email, TEST_PASSWORD, address="127.0.0.1"), "locked out"
    client.post(reverse("password_reset"), {"email": officer.email.upper()})
    [message] = mail.outbox
    assert message.subject == "Reset your SEND Hub password"
    assert set_password(type(client)(), emailed_path(message)).status_code == 302
    assert signs_in(officer.email, address="127.0.0.1")
    assert not signs_in(officer.email, TEST_PASSWORD)


@pytest.mark.django_db
def test_password_rules_apply_to_the_new_password(client, officer):
    client.post(reverse("password_reset"), {"email": officer.email})
    response = set_password(type(client)(), emailed_path(mail.outbox[0]), password="short")
    assert response.status_code == 200
    assert b"This password is too short" in response.content


@pytest.mark.django_db
def test_password_reset_requests_are_limited_per_address(client, officer):
    for n in range(5):
        response = client.post(
            reverse("password_reset"), {"email": f"guess{n}@example.test"}, REMOTE_ADDR="203.0.113.4"
        )
        assert response.status_code == 302
    limited = client.post(reverse("password_reset"), {"email": officer.email}, REMOTE_ADDR="203.0.113.4")
    assert limited.status_code == 429
    assert b"Too many password reset requests" in limited.content
    assert mail.outbox == []
    other = client.post(reverse("password_reset"), {"email": officer.email}, REMOTE_ADDR="198.51.100.8")
    assert other.status_code == 302
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert (
            client.post(
                reverse("password_reset"), {"email": officer.email}, REMOTE_ADDR="203.0.113.4"
            ).status_code
            == 302
        )


@pytest.mark.django_db
def test_a_mail_provider_outage_does_not_break_the_reset_page(client, officer, settings):
    settings.EMAIL_BACKEND = "sendhub.core.mail.QueuedEmailBackend"
    settings.SENDHUB_EMAIL_DELIVERY_BACKEND = "sendhub.core.tests.test_mail_queue.ProviderDown"
    response = client.post(reverse("password_reset"), {"email": officer.email})
    assert response.status_code == 302


@pytest.mark.django_db
def test_invite_command_for_scripts(capsys, team):
    call_command(
        "invite", "Sam.Lee@example.test", "--role", "case_officer", "--name", "Sam Lee", "--team", "primary"
    )
    user = User.objects.get(email="sam.lee@example.test")
    assert (user.full_name, user.role, user.team, user.has_usable_password()) == (
        "Sam Lee",
        "case_officer",
        team,
        False,
    )
    assert [m.to for m in mail.outbox] == [["sam.lee@example.test"]]
    assert "invitation sent" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already exists"):
        call_command("invite", "sam.lee@example.test", "--role", "case_officer")
    call_command("invite", "sam.lee@example.test", "--resend")
    assert len(mail.outbox) == 2
    with pytest.raises(CommandError, match="Select at least one school for a SENCO"):
        call_command("invite", "senco@example.test", "--role", "senco")
    with pytest.raises(CommandError, match="No team called 'Nowhere'"):
        call_command("invite", "x@example.test", "--role", "ep", "--team", "Nowhere")
    with pytest.raises(CommandError, match="--role is required"):
        call_command("invite", "y@example.test")


@pytest.mark.django_db
def test_teams_are_made_and_renamed_on_the_user_pages(client, login, admin_user, officer):
    login(client, admin_user)
    assert client.post(reverse("accounts:team_list"), {"name": "  Post-16  "}).status_code == 302
    duplicate = client.post(reverse("accounts:team_list"), {"name": "Post-16"})
    assert "A team with this name already exists" in duplicate.content.decode()
    post16 = Team.objects.get(name="Post-16")
    response = client.post(
        reverse("accounts:team_edit", args=[post16.pk]), {"name": "Post-16 and transitions"}
    )
    assert response.status_code == 302
    page = client.get(reverse("accounts:team_list")).content.decode()
    assert "Post-16 and transitions" in page
    primary = client.get(reverse("accounts:team_edit", args=[officer.team.pk])).content.decode()
    assert officer.full_name in primary, "a team's page lists its members"
    assert list(
        AuditEvent.objects.filter(action__startswith="accounts.team")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == [
        "accounts.team.created",
        "accounts.team.renamed",
    ]


@pytest.mark.django_db
def test_only_administrators_manage_teams(client, login, officer):
    login(client, officer)
    assert client.get(reverse("accounts:team_list")).status_code == 403
