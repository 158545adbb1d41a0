"""Lockout behind a reverse proxy: by email *and* the client's real address, plus a per-address limit."""

import pytest
from django.test import override_settings
from django.urls import reverse

from sendhub.conftest import TEST_PASSWORD

PROXY = {"REMOTE_ADDR": "127.0.0.1"}  # every request reaches gunicorn from the proxy


def sign_in(client, email, password, client_address):
    return client.post(
        reverse("accounts:login"),
        {"username": email, "password": password},
        HTTP_X_FORWARDED_FOR=client_address,
        **PROXY,
    )


@pytest.mark.django_db
@override_settings(SENDHUB_TRUSTED_PROXY_COUNT=1)
def test_a_stranger_cannot_lock_a_colleague_out_from_another_address(client, officer):
    for _ in range(4):
        assert sign_in(client, officer.email, "wrong", "203.0.113.66").status_code == 200
    assert sign_in(client, officer.email, "wrong", "203.0.113.66").status_code == 429, "the fifth locks"
    assert sign_in(client, officer.email, TEST_PASSWORD, "203.0.113.66").status_code == 429

    colleague = type(client)()
    response = sign_in(colleague, officer.email, TEST_PASSWORD, "198.51.100.20")
    assert response.status_code == 302, "the officer's own address is not locked"
    assert response["Location"] == reverse("core:home")


@pytest.mark.django_db
@override_settings(SENDHUB_TRUSTED_PROXY_COUNT=1)
def test_lockout_records_name_the_client_not_the_proxy(client, officer):
    from axes.models import AccessAttempt

    sign_in(client, officer.email, "wrong", "203.0.113.66")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.66"]


@pytest.mark.django_db
@override_settings(SENDHUB_TRUSTED_PROXY_COUNT=1, SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT=8)
def test_one_address_trying_many_emails_is_locked_for_every_email(client, officer, make_user):
    for n in range(8):
        sign_in(client, f"guess-{n}@example.test", "wrong", "203.0.113.66")
    blocked = sign_in(client, officer.email, TEST_PASSWORD, "203.0.113.66")
    assert blocked.status_code == 429
    assert b"Your account is locked" in blocked.content
    elsewhere = sign_in(type(client)(), officer.email, TEST_PASSWORD, "198.51.100.20")
    assert elsewhere.status_code == 302


@pytest.mark.django_db
@override_settings(SENDHUB_TRUSTED_PROXY_COUNT=1, SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT=8)
def test_fewer_failures_than_the_address_limit_lock_nobody_else(client, officer):
    for n in range(7):
        sign_in(client, f"guess-{n}@example.test", "wrong", "203.0.113.66")
    assert sign_in(client, officer.email, TEST_PASSWORD, "203.0.113.66").status_code == 302


def test_the_locked_out_page_gives_the_configured_minutes(client, officer, make_user, settings):
    settings.LOCKOUT_MINUTES = 45
    for n in range(settings.SENDHUB_LOGIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"nobody{n}@example.test", "wrong-password-123", "203.0.113.67")
    blocked = sign_in(client, officer.email, TEST_PASSWORD, "203.0.113.67")
    assert blocked.status_code == 429
    assert "try again in 45 minutes" in blocked.content.decode()
