"""`sendhub localoffer import-oruk`: valid records load whole, invalid ones are reported and skipped."""

from __future__ import annotations

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command

from sendhub.localoffer.models import Service, ServiceAtLocation, TaxonomyTerm
from sendhub.localoffer.oruk.client import read_source


@pytest.fixture
def feed_file(tmp_path, oruk_dir):
    good = json.loads((oruk_dir / "examples" / "service_full.json").read_text())
    bad = copy.deepcopy(good) | {"id": "11111111-1111-4111-8111-111111111111", "status": "open"}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"contents": [good, bad]}))
    return path, good


def run(*args):
    out = io.StringIO()
    call_command("localoffer", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_loads_valid_records_and_reports_invalid_ones(feed_file):
    path, good = feed_file
    output = run("import-oruk", str(path))
    assert "1 valid, 1 invalid" in output and "rejected record 2 (11111111" in output and "status" in output
    service = Service.objects.get()
    assert str(service.pk) == good["id"] and service.minimum_age == 12
    assert ServiceAtLocation.objects.filter(service=service).count() == 1
    assert TaxonomyTerm.objects.filter(pk=good["attributes"][0]["taxonomy_term"]["id"]).exists()
    assert "0 new, 1 updated" in run("import-oruk", str(path))  # re-running updates, never duplicates


@pytest.mark.django_db
def test_strict_and_dry_run_save_nothing(feed_file):
    path, _ = feed_file
    with pytest.raises(CommandError, match="--strict"):
        run("import-oruk", str(path), "--strict")
    assert "Would import: 1 new" in run("import-oruk", str(path), "--dry-run")
    assert not Service.objects.exists()


@pytest.mark.django_db
def test_unreadable_source_is_a_one_line_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import-oruk", str(tmp_path / "missing.json"))
    (tmp_path / "x.json").write_text("not json")
    with pytest.raises(CommandError, match="not a JSON file"):
        run("import-oruk", str(tmp_path / "x.json"))


def test_api_source_pages_through_services_and_fetches_each_detail():
    pages = {
        "https://feed.test/api/services?page=1&per_page=100": {"contents": [{"id": "a"}], "last_page": False},
        "https://feed.test/api/services?page=2&per_page=100": {"contents": [{"id": "b"}], "last_page": True},
    }
    calls = []

    def fetch(url):
        calls.append(url)
        if url == "https://feed.test/api":
            return {"version": "HSDS-UK-3.0"}
        return pages.get(url) or {"id": url.rsplit("/", 1)[1], "detail": True}

    records = read_source("https://feed.test/api", fetch)
    assert records == [{"id": "a", "detail": True}, {"id": "b", "detail": True}]
