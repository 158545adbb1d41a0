"""Evidence documents on a plan update: checked as case documents are (lib/filecheck), stored, opened by staff."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sendhub.core.models import AuditEvent
from sendhub.strategy.models import UpdateEvidence
from sendhub.strategy.services.plan import record_update

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""
    return settings.MEDIA_ROOT


def _update(plan, manager):
    return record_update(
        action=plan.actions.get(number="1.7"),
        reported_on=date(2024, 12, 31),
        delivery="complete",
        progress="Refreshed Local Offer published",
        by=manager,
    )


def test_a_manager_adds_evidence_and_staff_open_it(client, login, manager, officer, plan):
    update = _update(plan, manager)
    login(client, manager)
    page = client.post(
        f"/strategy/updates/{update.pk}/evidence/new/",
        {"file": SimpleUploadedFile("launch-minutes.pdf", PDF), "title": "Launch event minutes"},
    )
    assert page.status_code == 302
    body = client.get(f"/strategy/actions/{update.action.pk}/").content.decode()
    assert "Launch event minutes" in body and "(PDF," in body
    document = UpdateEvidence.objects.get()
    assert document.sha256 and document.content_type == "application/pdf"
    assert AuditEvent.objects.filter(action="strategy.evidence.stored").count() == 1
    login(client, officer)
    download = client.get(f"/strategy/evidence/{document.pk}/")
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="launch-minutes.pdf"' in download["Content-Disposition"]
    assert client.get(f"/strategy/updates/{update.pk}/evidence/new/").status_code == 403


def test_a_refused_file_leaves_nothing(client, login, manager, plan, media):
    update = _update(plan, manager)
    page = login(client, manager).post(
        f"/strategy/updates/{update.pk}/evidence/new/",
        {"file": SimpleUploadedFile("minutes.pdf", EXE), "title": ""},
    )
    assert page.status_code == 200
    assert "There is a problem" in page.content.decode()
    assert not UpdateEvidence.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]  # no stored file left behind


def test_partners_and_the_public_cannot_open_evidence(client, login, manager, forum_officer, plan):
    update = _update(plan, manager)
    login(client, manager).post(
        f"/strategy/updates/{update.pk}/evidence/new/",
        {"file": SimpleUploadedFile("a.pdf", PDF), "title": "A"},
    )
    document = UpdateEvidence.objects.get()
    assert login(client, forum_officer).get(f"/strategy/evidence/{document.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/strategy/evidence/{document.pk}/").status_code == 302
