import re
import tomllib
from pathlib import Path

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["core:accessibility", "core:privacy", "core:cookies", "accounts:login"])
def test_public_pages_render_for_anyone(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert b"govuk-generic-header" in response.content
    assert b"GDS Transport" not in response.content


@pytest.mark.django_db
def test_healthz_checks_the_database(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
def test_home_lists_what_the_role_may_do(client, login, admin_user):
    login(client, admin_user)
    response = client.get(reverse("core:home"))
    assert b"Audit trail" in response.content
    assert b"Users" in response.content


@pytest.mark.django_db
def test_security_headers_are_sent(client):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_built_stylesheet_uses_arial_and_no_gds_font():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[1] / "static" / "sendhub" / "app.css").read_text()
    assert "GDS Transport" not in css
    assert "arial" in css.lower()


@pytest.mark.django_db
def test_staff_see_the_release_in_the_footer_and_the_public_do_not(client, login, officer):
    import sendhub

    assert (
        sendhub.__version__
        == tomllib.loads((Path(sendhub.__file__).parent.parent / "pyproject.toml").read_text())["project"][
            "version"
        ]
    )
    assert f"Version {sendhub.__version__}" not in client.get(reverse("core:accessibility")).content.decode()
    login(client, officer)
    assert f"Version {sendhub.__version__}." in client.get(reverse("core:home")).content.decode()


def test_sendhub_version_prints_the_package_version():
    import sendhub
    from sendhub.core.tests.test_settings import run_sendhub

    result = run_sendhub("version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == sendhub.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", sendhub.__version__), "semantic versioning: MAJOR.MINOR.PATCH"


def test_without_debug_a_404_is_the_services_own_page_and_static_files_are_served(client, settings):
    settings.DEBUG = False
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    body = missing.content.decode()
    assert "Page not found" in body and "govuk-generic-header" in body
    assert "URLconf" not in body and "urlpatterns" not in body
    css = client.get("/static/sendhub/app.css")
    assert css.status_code == 200 and "arial" in b"".join(css.streaming_content).decode().lower()
