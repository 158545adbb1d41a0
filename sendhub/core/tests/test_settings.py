"""The settings module, run as an operator would: production settings pass Django's deployment checks."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "SENDHUB_SECRET_KEY": "x" * 20 + "production-secret-key-for-the-deploy-check-0123456789",
    "SENDHUB_ALLOWED_HOSTS": "send.example.gov.uk",
    "SENDHUB_COLLECTSTATIC": "true",
    "SENDHUB_DEBUG": "false",
    "SENDHUB_HTTPS": "true",
    "SENDHUB_EMAIL_BACKEND": "smtp",
    "SENDHUB_SITE_URL": "https://send.example.gov.uk",
    "SENDHUB_REQUIRE_STAFF_OTP": "true",
}


def run_sendhub(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SENDHUB_", "DJANGO_ALLOW_ASYNC"))}
    clean["SENDHUB_DATABASE_URL"] = "sqlite:///:memory:"
    return subprocess.run(
        [sys.executable, "-m", "sendhub", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_sendhub("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_nonsense_setting_fails_loudly():
    result = run_sendhub("check", SENDHUB_DEBUG="perhaps")
    assert result.returncode != 0
    assert "SENDHUB_DEBUG must be true or false" in result.stderr


def test_the_panel_day_must_be_a_weekday():
    result = run_sendhub("check", SENDHUB_PANEL_WEEKDAY="caturday")
    assert result.returncode != 0
    assert "SENDHUB_PANEL_WEEKDAY must be a weekday name" in result.stderr
    assert run_sendhub("check", SENDHUB_PANEL_WEEKDAY="Tuesday").returncode == 0


def test_oidc_needs_its_settings():
    result = run_sendhub("check", SENDHUB_USE_OIDC="true")
    assert result.returncode != 0
    assert "SENDHUB_OIDC_CLIENT_ID" in result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SENDHUB_EMAIL_BACKEND": "console"}, "sendhub.E003"),
        ({"SENDHUB_EMAIL_BACKEND": "outbox"}, "sendhub.E003"),  # kept in the staff Outbox, never sent
        ({"SENDHUB_EMAIL_BACKEND": "locmem"}, "sendhub.E003"),
        ({"SENDHUB_SITE_URL": ""}, "sendhub.E004"),  # the default, http://127.0.0.1:8000
        ({"SENDHUB_SITE_URL": "http://localhost:8000"}, "sendhub.E004"),
        ({"SENDHUB_DEBUG": "true"}, "sendhub.E001"),
        ({"SENDHUB_SECRET_KEY": ""}, "sendhub.E005"),
        ({"SENDHUB_SECRET_KEY": "short-but-not-empty"}, "sendhub.E006"),
    ],
)
def test_check_deploy_fails_on_unsafe_production_values(change, message, tmp_path):
    env = {**PRODUCTION, "SENDHUB_VAR_DIR": str(tmp_path), **change}
    env = {k: v for k, v in env.items() if v != "" or k == "SENDHUB_SECRET_KEY"}
    if change.get("SENDHUB_SECRET_KEY") == "":
        del env["SENDHUB_SECRET_KEY"]
    result = run_sendhub("check", "--deploy", **env)
    assert result.returncode != 0, result.stdout + result.stderr
    assert message in result.stderr


def test_check_deploy_warns_when_staff_two_step_is_off():
    result = run_sendhub("check", "--deploy", **{**PRODUCTION, "SENDHUB_REQUIRE_STAFF_OTP": "false"})
    assert result.returncode == 0, "a warning does not stop the default check"
    assert "sendhub.W003" in result.stderr
    assert (
        run_sendhub(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            **{**PRODUCTION, "SENDHUB_REQUIRE_STAFF_OTP": "false"},
        ).returncode
        != 0
    )


def test_check_deploy_warns_on_inline_jobs_with_postgresql():
    env = {
        **PRODUCTION,
        "SENDHUB_JOBS_INLINE": "true",
        "SENDHUB_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    result = run_sendhub("check", "--deploy", **env)
    assert "sendhub.W002" in result.stderr, result.stderr


def test_the_demo_runs_with_debug_off_and_plain_http():
    shown = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)"
    result = run_sendhub("shell", "-c", shown, SENDHUB_DEMO="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["False", "False"]
    on_request = run_sendhub("shell", "-c", shown, SENDHUB_DEMO="true", SENDHUB_DEBUG="true")
    assert on_request.stdout.strip().splitlines()[-1].split() == ["True", "False"]


def test_document_storage_in_a_bucket_needs_its_bucket():
    result = run_sendhub("check", SENDHUB_STORAGE="s3")
    assert result.returncode != 0
    assert "SENDHUB_STORAGE=s3 needs SENDHUB_S3_BUCKET" in result.stderr
    assert run_sendhub("check", SENDHUB_STORAGE="cloud").returncode != 0


def test_document_storage_in_a_bucket_goes_through_django_storages():
    result = run_sendhub(
        "shell",
        "-c",
        'from django.core.files.storage import storages; s = storages["default"]; '
        "print(type(s).__module__, s.bucket_name, s.endpoint_url)",
        SENDHUB_STORAGE="s3",
        SENDHUB_S3_BUCKET="send-documents",
        SENDHUB_S3_ENDPOINT_URL="https://s3.example.test",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "storages.backends.s3",
        "send-documents",
        "https://s3.example.test",
    ]


def test_upload_limit_must_be_positive():
    result = run_sendhub("check", SENDHUB_MAX_UPLOAD_MB="0")
    assert result.returncode != 0
    assert "SENDHUB_MAX_UPLOAD_MB must be 1 or more" in result.stderr
