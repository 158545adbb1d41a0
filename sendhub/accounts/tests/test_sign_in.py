import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sendhub.conftest import TEST_PASSWORD
from sendhub.core.models import AuditEvent


@pytest.mark.django_db
def test_sign_in_with_email_and_password(client, officer):
    response = client.post(
        reverse("accounts:login"), {"username": "OFFICER@example.test", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.django_db
def test_wrong_password_shows_govuk_error(client, officer):
    response = client.post(reverse("accounts:login"), {"username": officer.email, "password": "wrong"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"<title>Error: Sign in" in response.content


@pytest.mark.django_db
def test_empty_form_says_what_is_missing(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    assert b"Enter your email address" in response.content
    assert b"Enter your password" in response.content


@pytest.mark.django_db
def test_account_locks_after_five_failures(client, officer):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": officer.email, "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": officer.email, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert b"Your account is locked" in response.content


@pytest.mark.django_db
def test_sign_out_needs_a_post(client, login, officer):
    login(client, officer)
    assert client.get(reverse("accounts:logout")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("core:home")).status_code == 302


@pytest.mark.django_db
def test_second_factor_set_up_and_enforced_for_staff(client, officer):
    client.post(reverse("accounts:login"), {"username": officer.email, "password": TEST_PASSWORD})
    page = client.get(reverse("accounts:otp_setup"))
    assert b"<svg" in page.content
    assert not TOTPDevice.objects.exists(), "showing the set-up page must not save anything"
    device = TOTPDevice(key=client.session["sendhub_pending_totp_key"])
    wrong = "000000" if totp(device.bin_key) != 0 else "111111"
    bad = client.post(reverse("accounts:otp_setup"), {"token": wrong})
    assert b"The security code is wrong" in bad.content
    good = client.post(reverse("accounts:otp_setup"), {"token": f"{totp(device.bin_key):06d}"})
    assert good.status_code == 302
    device = TOTPDevice.objects.get(user=officer)
    assert device.confirmed
    assert AuditEvent.objects.filter(action="accounts.otp.confirmed").exists()

    with override_settings(SENDHUB_REQUIRE_STAFF_OTP=True):
        fresh = type(client)()
        fresh.post(reverse("accounts:login"), {"username": officer.email, "password": TEST_PASSWORD})
        response = fresh.get(reverse("core:home"))
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:otp_verify")
        device.refresh_from_db()
        device.last_t = -1
        device.save()
        fresh.post(reverse("accounts:otp_verify"), {"token": f"{totp(device.bin_key):06d}"})
        assert fresh.get(reverse("core:home")).status_code == 200


@pytest.mark.django_db
def test_parents_are_not_forced_to_use_a_second_factor(client, parent):
    with override_settings(SENDHUB_REQUIRE_STAFF_OTP=True):
        client.post(reverse("accounts:login"), {"username": parent.email, "password": TEST_PASSWORD})
        assert client.get(reverse("core:home")).status_code == 200


def test_passwords_are_stored_with_a_slow_hasher_outside_the_tests():
    """The suite swaps in a fast hasher (sendhub/conftest.py); production must not: the settings module
    leaves Django's default, whose first entry is PBKDF2 with Django's iteration count."""
    from django.conf import global_settings

    import sendhub.settings as production

    hashers = getattr(production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] in {
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    }
