"""The API's stored JSON documents and its cache follow every change at once: approve, import, admin, delete."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sendhub.localoffer import documents, services
from sendhub.localoffer.models import Service, ServiceDocument
from sendhub.localoffer.oruk import models as oruk
from sendhub.localoffer.presenters import oruk as oruk_presenters

BASE = "/api/oruk"
TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("directory")


def listed_names(client, **params):
    return [c["name"] for c in client.get(f"{BASE}/services", {"per_page": 200, **params}).json()["contents"]]


def test_every_service_has_documents_equal_to_a_fresh_rendering():
    for service in documents.service_documents_queryset():
        stored = ServiceDocument.objects.get(pk=service.pk)
        fresh = oruk.Service.model_validate(oruk_presenters.service_full(service))
        assert json.loads(stored.full) == fresh.model_dump(mode="json", exclude_none=True)
        assert json.loads(stored.summary) == json.loads(
            documents.dumps(oruk_presenters.service_summary(service))
        )
    assert ServiceDocument.objects.count() == Service.objects.count() == 30


def test_approved_change_is_served_at_once(client, provider, moderator):
    service = Service.objects.select_related("organisation")[0]
    before = client.get(f"{BASE}/services/{service.pk}")
    assert listed_names(client, search="kayak") == []  # now cached by the worker
    data = services.service_snapshot(service) | {"name": "Kayak club for everyone"}
    revision = services.submit_revision(
        organisation=service.organisation, service=service, data=data, by=provider
    )
    services.approve_revision(revision=revision, by=moderator, today=TODAY)
    after = client.get(f"{BASE}/services/{service.pk}", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and after.json()["name"] == "Kayak club for everyone"
    assert after["ETag"] != before["ETag"]
    assert listed_names(client, search="kayak") == ["Kayak club for everyone"]
    assert "Kayak club for everyone" in listed_names(client)


def test_unchanged_directory_answers_304_and_clients_must_revalidate(client):
    first = client.get(f"{BASE}/services", {"search": "swimming"})
    assert first["Cache-Control"] == "public, no-cache" and first["Last-Modified"] and first["ETag"]
    again = client.get(f"{BASE}/services", {"search": "swimming"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"
    assert client.get(f"{BASE}/services", {"search": "swimming"}).content == first.content  # from the cache


def test_reimported_service_is_served_at_once(client, oruk_dir, tmp_path):
    from django.core.management import call_command

    record = json.loads((oruk_dir / "examples" / "service_full.json").read_text())
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(record))
    call_command("localoffer", "import-oruk", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get(f"{BASE}/services/{record['id']}").json()["name"] == record["name"]
    path.write_text(json.dumps(record | {"name": "Renamed by the feed"}))
    call_command("localoffer", "import-oruk", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert client.get(f"{BASE}/services/{record['id']}").json()["name"] == "Renamed by the feed"
    assert "Renamed by the feed" in listed_names(client)


@pytest.fixture
def staff(client, admin_user, login):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    return login(client, admin_user)


def test_admin_corrections_and_deletions_are_served_at_once(client, staff):
    service = Service.objects.select_related("organisation")[0]
    organisation = service.organisation
    assert client.get(f"{BASE}/services/{service.pk}").status_code == 200
    assert service.name in listed_names(client)
    client.post(
        f"/admin/localoffer/organisation/{organisation.pk}/change/",
        {"name": "Renamed trust", "description": organisation.description, "email": ""},
    )
    assert client.get(f"{BASE}/services/{service.pk}").json()["organization"]["name"] == "Renamed trust"
    response = client.post(f"/admin/localoffer/service/{service.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Service.objects.filter(pk=service.pk).exists()
    assert not ServiceDocument.objects.filter(pk=service.pk).exists()
    assert client.get(f"{BASE}/services/{service.pk}").status_code == 404
    assert service.name not in listed_names(client)


def test_a_missing_document_is_rendered_without_writing(client):
    expected = client.get(f"{BASE}/services", {"per_page": 200}).json()["contents"]
    detail = client.get(f"{BASE}/services/{expected[0]['id']}").json()
    ServiceDocument.objects.all().delete()
    documents.bump_version()  # as an upgrade that adds the table but has not run `localoffer reindex`
    assert client.get(f"{BASE}/services", {"per_page": 200}).json()["contents"] == expected
    assert client.get(f"{BASE}/services/{expected[0]['id']}").json() == detail
    assert not ServiceDocument.objects.exists()


def test_api_paths_skip_sessions_and_csrf_but_keep_security_headers(client):
    response = client.get(f"{BASE}/services")
    assert "Cookie" not in response.get("Vary", "") and not response.cookies
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(response.content)
    assert "Content-Security-Policy" not in response  # JSON, not a page
    assert client.get(f"{BASE}/services", HTTP_HOST="evil.example").status_code == 400  # ALLOWED_HOSTS


def test_reindex_command_rebuilds_missing_documents():
    from django.core.management import call_command

    ServiceDocument.objects.all().delete()
    call_command("localoffer", "reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ServiceDocument.objects.count() == Service.objects.count()


def test_deleting_a_record_in_the_admin_republishes_its_service(client):
    from django.contrib import admin

    from sendhub.localoffer.admin.refresh import RefreshesDirectory
    from sendhub.localoffer.models import Schedule

    schedule = Schedule.objects.select_related("service")[0]
    url = f"{BASE}/services/{schedule.service_id}"
    assert str(schedule.pk) in [s["id"] for s in client.get(url).json()["schedules"]]
    RefreshesDirectory(Schedule, admin.site).delete_model(None, schedule)
    assert str(schedule.pk) not in [s["id"] for s in client.get(url).json().get("schedules", [])]
