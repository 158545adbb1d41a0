"""`sendhub privacy export`: everything held about a child or a parent, in one ZIP."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from sendhub.accounts.models import User
from sendhub.cases.models import AdviceRequest, Professional
from sendhub.cases.tests.factories import AdviceFactory, ChildFactory, ParentFactory, PlanFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_child_export_holds_every_record_the_summary_and_who_viewed_it(
    tmp_path: Path, client: Client, officer: User
) -> None:
    child = ChildFactory.create(
        reference="SAR-0001", first_name="Robin", last_name="Synthetic", officer=officer
    )
    ParentFactory.create(child=child, name="Jo Synthetic", email="jo@example.test")
    Professional.objects.create(child=child, name="Dr Lee Example", role="Paediatrician")
    advice = AdviceFactory.create(request__child=child)
    PlanFactory.create(child=child, request=advice.request)
    other = ChildFactory.create(reference="SAR-0002", first_name="Someone", last_name="Else")
    client.force_login(officer)
    assert client.get(f"/cases/children/{child.pk}/").status_code == 200

    out = tmp_path / "sar.zip"
    call_command("privacy", "export", "--child", "SAR-0001", "--out", str(out))

    files = read_zip(out)
    assert {"summary.html", "summary.pdf", "records.json", "audit.json"} <= set(files)
    assert files["summary.pdf"].startswith(b"%PDF")
    records = json.loads(files["records.json"])
    kinds = sorted({r["model"] for r in records})
    assert kinds == [
        "cases.advicerequest",
        "cases.assessmentrequest",
        "cases.child",
        "cases.parentcarer",
        "cases.plan",
        "cases.professional",
    ]
    assert records[0]["fields"]["first_name"] == "Robin"
    assert [r["pk"] for r in records if r["model"] == "cases.advicerequest"] == [advice.pk]
    assert not any(r["model"] == "cases.child" and r["pk"] == other.pk for r in records)
    html = files["summary.html"].decode()
    assert "Robin" in html and "Jo Synthetic" in html and "Dr Lee Example" in html
    assert "Someone" not in html
    audit = json.loads(files["audit.json"])
    assert [(a["who"], a["action"]) for a in audit] == [(officer.email, "cases.child.viewed")]
    # The export itself is audited, with counts only.
    event = AuditEvent.objects.get(action="privacy.exported")
    assert event.target_id == str(child.pk)
    assert event.data == {"records": 6, "audit_events": 1, "documents": 0}
    assert AdviceRequest.objects.count() == 1  # nothing changed


def test_parent_export_holds_their_record_account_and_messages_but_no_password(
    tmp_path: Path, parent: Any
) -> None:
    from sendhub.voice.tests.factories import make_contact

    carer = ParentFactory.create(
        name="Jo Synthetic", email=parent.email, user=parent, child__birth_date=date(2016, 1, 1)
    )
    make_contact(email=parent.email, name="Jo Synthetic", summary="Asked about transport")
    out = tmp_path / "parent.zip"
    call_command("privacy", "export", "--parent", str(carer.pk), "--out", str(out))
    records = json.loads(read_zip(out)["records.json"])
    assert sorted(r["model"] for r in records) == ["accounts.user", "cases.parentcarer", "voice.contact"]
    account = next(r for r in records if r["model"] == "accounts.user")
    assert "password" not in account["fields"]
    assert (
        next(r for r in records if r["model"] == "voice.contact")["fields"]["summary"]
        == "Asked about transport"
    )


def test_export_refuses_unknown_people_and_non_zip_names(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No child with the case reference 'NOPE'"):
        call_command("privacy", "export", "--child", "NOPE", "--out", str(tmp_path / "x.zip"))
    with pytest.raises(CommandError, match="No parent or carer with the id '²'"):
        call_command("privacy", "export", "--parent", "²", "--out", str(tmp_path / "x.zip"))
    with pytest.raises(CommandError, match=r"\.zip"):
        call_command("privacy", "export", "--child", "X", "--out", str(tmp_path / "x.txt"))
