"""Two-step sign-in cannot be bypassed (issue 15): it is asked of every account that has set it up, of
every professional role when required, and an authenticator is only replaced with the current one or
after an administrator's reset."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendhub.accounts.models import Role
from sendhub.conftest import TEST_PASSWORD
from sendhub.core.models import AuditEvent


def _sign_in(client, user):
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def _device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CASE_OFFICER, Role.PARENT, Role.SENCO, Role.PROVIDER])
def test_an_account_with_an_authenticator_is_always_asked_for_a_code(client, make_user, role):
    user = make_user(role)
    device = _device(user)
    _sign_in(client, user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp_verify")
    assert client.get(reverse("accounts:profile"))["Location"] == reverse("accounts:otp_verify")
    client.post(reverse("accounts:otp_verify"), {"token": _code(device)})
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_the_admin_site_needs_the_code_too(client, make_user):
    user = make_user(Role.ADMIN, is_staff=True, is_superuser=True)
    _device(user)
    _sign_in(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp_verify")


@pytest.mark.django_db
@override_settings(SENDHUB_REQUIRE_STAFF_OTP=True)
@pytest.mark.parametrize("role", [Role.SENCO, Role.PROVIDER, Role.PARTNER, Role.ANALYST, Role.MODERATOR])
def test_when_required_every_professional_role_is_sent_to_two_step(client, make_user, role):
    user = make_user(role)
    _sign_in(client, user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp_verify")
    # No authenticator yet: the verify page sends them to set one up.
    assert client.get(reverse("accounts:otp_verify"))["Location"] == reverse("accounts:otp_setup")


@pytest.mark.django_db
@override_settings(SENDHUB_REQUIRE_STAFF_OTP=True)
def test_when_required_a_parent_without_an_authenticator_is_not_asked(client, parent):
    _sign_in(client, parent)
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("required", [False, True])
def test_a_password_alone_cannot_replace_the_authenticator(client, officer, required):
    owners = _device(officer)
    with override_settings(SENDHUB_REQUIRE_STAFF_OTP=required):
        _sign_in(client, officer)
        page = client.get(reverse("accounts:otp_setup"))
        assert page.status_code == 302 and page["Location"] == reverse("accounts:otp_verify")
        follow = client.get(page["Location"])
        assert "Enter a code from your current authenticator app" in follow.content.decode()
        # Even with a key of the attacker's choosing already in the session, posting a code does nothing.
        session = client.session
        session["sendhub_pending_totp_key"] = "3132333435363738393031323334353637383930"
        session.save()
        attacker = TOTPDevice(key="3132333435363738393031323334353637383930")
        client.post(reverse("accounts:otp_setup"), {"token": _code(attacker)})
    assert list(TOTPDevice.objects.filter(user=officer)) == [owners]
    assert not AuditEvent.objects.filter(action="accounts.otp.confirmed").exists()


@pytest.mark.django_db
def test_a_verified_session_can_replace_its_authenticator(client, officer):
    old = _device(officer)
    _sign_in(client, officer)
    client.post(reverse("accounts:otp_verify"), {"token": _code(old)})
    assert client.get(reverse("accounts:otp_setup")).status_code == 200
    new = TOTPDevice(key=client.session["sendhub_pending_totp_key"])
    assert client.post(reverse("accounts:otp_setup"), {"token": _code(new)}).status_code == 302
    assert TOTPDevice.objects.get(user=officer).key == new.key


@pytest.mark.django_db
def test_an_administrators_reset_lets_the_person_set_up_again(client, login, officer, admin_user):
    _device(officer)
    admin_client = type(client)()
    login(admin_client, admin_user)
    page = admin_client.get(reverse("accounts:user_edit", args=[officer.pk])).content.decode()
    assert "Reset two-step sign-in" in page
    admin_client.post(reverse("accounts:user_otp_reset", args=[officer.pk]))
    assert not TOTPDevice.objects.filter(user=officer).exists()
    event = AuditEvent.objects.get(action="accounts.otp.reset")
    assert event.target_id == str(officer.pk) and event.actor == admin_user
    _sign_in(client, officer)
    assert client.get(reverse("accounts:otp_setup")).status_code == 200


@pytest.mark.django_db
def test_only_administrators_can_reset(client, login, officer, manager):
    _device(officer)
    login(client, manager)
    assert client.post(reverse("accounts:user_otp_reset", args=[officer.pk])).status_code == 403
    assert TOTPDevice.objects.filter(user=officer).exists()
