"""Evidence documents on an ENG application: the applying school's SENCO uploads them through casework's
documents (same checks), and only those who may see the application download them, each download audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sendhub.accounts.models import Role
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import EngEvidence
from sendhub.funding.services import eng

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.fixture
def waiting(world):
    """An application of the SENCO's school still waiting for the cluster panel."""
    from datetime import date
    from decimal import Decimal

    child = ChildFactory.create(school=world.school, sen_status="support")
    return eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=child.pk,
        needs="Sensory needs",
        provision="Adapted equipment",
        graduated_approach="One cycle",
        evidence="OT report",
        amount_requested=Decimal("2000"),
        on=date(2026, 11, 1),
        by=world.senco,
    )


def upload(client, application, content: bytes, name: str, title: str = "OT report"):
    return client.post(
        f"/funding/applications/{application.pk}/evidence/new/",
        {"file": SimpleUploadedFile(name, content), "title": title},
    )


def test_senco_uploads_evidence_that_the_panel_and_finance_see_and_download(
    client, login, world, waiting, media
) -> None:
    login(client, world.senco)
    detail = client.get(f"/funding/applications/{waiting.pk}/").content.decode()
    assert f'href="/funding/applications/{waiting.pk}/evidence/new/"' in detail
    assert upload(client, waiting, PDF, "ot.pdf").status_code == 302
    evidence = EngEvidence.objects.get(application=waiting)
    assert evidence.document.kind == "evidence" and evidence.document.child_id == waiting.child_id
    assert len(stored_files(media)) == 1
    for viewer in (world.senco, world.lead, world.finance, world.manager):
        login(client, viewer)
        page = client.get(f"/funding/applications/{waiting.pk}/").content.decode()
        listed = page.split('id="evidence-documents"', 1)[1].split("</dd>", 1)[0]
        assert "OT report" in listed and "Evidence" in listed
        response = client.get(f"/funding/applications/{waiting.pk}/evidence/{evidence.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")
        assert AuditEvent.objects.filter(
            action="cases.document.downloaded", actor=viewer, data__document=evidence.document_id
        ).exists()
    assert AuditEvent.objects.filter(action="funding.eng.evidence_added", target_id=str(waiting.pk)).exists()


def test_a_senco_of_another_school_neither_sees_nor_downloads(client, login, world, waiting) -> None:
    login(client, world.senco)
    upload(client, waiting, PDF, "ot.pdf")
    evidence = EngEvidence.objects.get()
    login(client, world.outsider_senco)
    assert client.get(f"/funding/applications/{waiting.pk}/").status_code == 404
    assert client.get(f"/funding/applications/{waiting.pk}/evidence/{evidence.pk}/").status_code == 404
    assert upload(client, waiting, PDF, "mine.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action="cases.document.downloaded").exists()


def test_evidence_of_one_application_is_not_reached_through_another(client, login, world, waiting) -> None:
    login(client, world.senco)
    upload(client, waiting, PDF, "ot.pdf")
    evidence = EngEvidence.objects.get()
    other = world.application  # also the SENCO's school
    assert client.get(f"/funding/applications/{other.pk}/evidence/{evidence.pk}/").status_code == 404


def test_the_cluster_lead_may_see_but_not_add_evidence(client, login, world, waiting) -> None:
    login(client, world.lead)
    page = client.get(f"/funding/applications/{waiting.pk}/").content.decode()
    assert "Add an evidence document" not in page
    assert upload(client, waiting, PDF, "lead.pdf").status_code == 403


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00" + b"\x00" * 200, "report.pdf", "cannot be uploaded"),
        (b"", "empty.pdf", "The file is empty"),
    ],
)
def test_a_refused_file_leaves_nothing_behind(
    client, login, world, waiting, media, content: bytes, name: str, message: str
) -> None:
    login(client, world.senco)
    response = upload(client, waiting, content, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert not EngEvidence.objects.exists() and stored_files(media) == []


def test_a_file_over_the_limit_is_refused(client, login, world, waiting, media, settings) -> None:
    settings.SENDHUB_MAX_UPLOAD_MB = 1
    login(client, world.senco)
    page = upload(client, waiting, PDF + b" " * (1024 * 1024 + 10), "big.pdf").content.decode()
    assert "it must be 1 MB or smaller" in page
    assert not EngEvidence.objects.exists() and stored_files(media) == []


def test_no_evidence_once_decided(client, login, world) -> None:
    login(client, world.senco)
    decided = world.application
    page = client.get(f"/funding/applications/{decided.pk}/").content.decode()
    assert "Add an evidence document" not in page and "None uploaded" in page
    assert upload(client, decided, PDF, "late.pdf").status_code == 403


def test_finance_sees_evidence_without_the_child_list(client, login, world, waiting) -> None:
    # Finance has the application (case reference, need, school) but no casework record of the child.
    login(client, world.senco)
    upload(client, waiting, PDF, "ot.pdf")
    login(client, world.finance)
    assert world.finance.role == Role.FINANCE
    assert client.get(f"/cases/children/{waiting.child_id}/documents/").status_code in {403, 404}
