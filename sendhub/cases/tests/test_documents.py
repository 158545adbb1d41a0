"""Documents on a case: checked by content and size, stored with a checksum, scanned when a scanner is
set up, seen only by those who see the child, every download audited, removed softly."""

from __future__ import annotations

import hashlib
import io
import socket
import struct
import threading
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.accounts.models import Role
from sendhub.cases.models import AdviceRequest, Document
from sendhub.cases.tests.factories import AdviceFactory, ChildFactory, RequestFactory
from sendhub.core.models import AuditEvent
from sendhub.lib import clamav, filecheck

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.fixture
def child(officer):
    return ChildFactory.create(officer=officer, team=officer.team, first_name="Sam", last_name="O'Neill")


def upload(client, child, content: bytes, name: str, **extra):
    return client.post(
        reverse("cases:document_upload", args=[child.pk]),
        {"file": SimpleUploadedFile(name, content), "kind": "evidence", "title": "", **extra},
    )


# --- the content check, on its own ---


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (PDF, "application/pdf"),
        (docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "application/msword"),
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "image/jpeg"),
        (b"Notes from the meeting: Sam's progress & next steps.\n", "text/plain"),
        ("Café notes, naïve résumé\n".encode(), "text/plain"),
    ],
)
def test_accepted_kinds_are_known_by_content(head, mime):
    assert filecheck.identify(head).mime == mime


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (EXE, "a program"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "a program"),
        (b"PK\x03\x04" + b"\x00" * 100, "zip"),
        (b"\x00\x01\x02binary", "not a kind that can be uploaded"),
        (b"", "empty"),
    ],
)
def test_other_content_is_refused_with_a_reason(head, words):
    with pytest.raises(filecheck.RefusedFile, match=words):
        filecheck.identify(head)


# --- upload through the page ---


def test_officer_uploads_a_pdf_it_is_stored_with_checksum_and_listed(client, login, officer, child, media):
    login(client, officer)
    response = upload(client, child, PDF, "EP advice.pdf", title="Educational psychology advice")
    assert response.status_code == 302
    document = Document.objects.get(child=child)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert document.scan_status == "not_scanned"
    assert document.original_name == "EP advice.pdf"
    assert not str(document.file.name).endswith("EP advice.pdf")  # stored under a name we chose
    assert [p.read_bytes() for p in stored_files(media)] == [PDF]
    page = client.get(reverse("cases:document_list", args=[child.pk])).content.decode()
    assert "Educational psychology advice" in page
    assert "Not scanned" in page
    assert document.sha256[:12] in page
    assert AuditEvent.objects.filter(action="cases.document.stored", target_id=str(child.pk)).exists()


def test_renamed_executable_is_refused_and_nothing_is_stored(client, login, officer, child, media):
    login(client, officer)
    response = upload(client, child, EXE, "report.pdf")
    assert response.status_code == 200
    assert "The file&#x27;s content is a program (an executable file)" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_oversize_file_is_refused_and_nothing_is_stored(client, login, officer, child, media, settings):
    settings.SENDHUB_MAX_UPLOAD_MB = 1
    login(client, officer)
    response = upload(client, child, PDF + b"0" * (1024 * 1024), "big.pdf")
    assert response.status_code == 200
    assert "it must be 1 MB or smaller" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_a_document_is_attached_to_a_record_of_that_child_only(client, login, officer, child):
    own_request = RequestFactory.create(child=child)
    others = RequestFactory.create(child=ChildFactory.create(officer=officer))
    login(client, officer)
    refused = upload(client, child, PDF, "a.pdf", attach_to=f"request:{others.pk}")
    assert refused.status_code == 200
    assert not Document.objects.exists()
    assert upload(client, child, PDF, "a.pdf", attach_to=f"request:{own_request.pk}").status_code == 302
    assert Document.objects.get().request == own_request
    page = client.get(reverse("cases:request_detail", args=[own_request.pk])).content.decode()
    assert "a.pdf" in page


def test_advice_received_keeps_the_advice_itself(client, login, officer, child):
    advice = AdviceFactory.create(
        request=RequestFactory.create(child=child, decided_to_assess=date(2025, 7, 1))
    )
    login(client, officer)
    url = reverse("cases:advice_received", args=[advice.request.pk, advice.pk])
    response = client.post(
        url,
        {"on_0": "1", "on_1": "8", "on_2": "2025", "file": SimpleUploadedFile("ep.docx", docx_bytes())},
    )
    assert response.status_code == 302
    advice.refresh_from_db()
    assert advice.received_on == date(2025, 8, 1)
    document = Document.objects.get()
    assert (document.advice, document.request, document.kind) == (advice, advice.request, "advice")
    assert document.extension == "docx"


def test_advice_with_a_refused_file_records_nothing(client, login, officer, child, media):
    advice = AdviceFactory.create(
        request=RequestFactory.create(child=child, decided_to_assess=date(2025, 7, 1))
    )
    login(client, officer)
    url = reverse("cases:advice_received", args=[advice.request.pk, advice.pk])
    response = client.post(
        url, {"on_0": "1", "on_1": "8", "on_2": "2025", "file": SimpleUploadedFile("a.pdf", EXE)}
    )
    assert response.status_code == 200
    assert AdviceRequest.objects.get(pk=advice.pk).received_on is None
    assert stored_files(media) == []


# --- who sees what, downloads, removal ---


def test_download_gives_the_file_and_is_audited(client, login, officer, child):
    login(client, officer)
    upload(client, child, PDF, "Sam's report.pdf")
    document = Document.objects.get()
    response = client.get(reverse("cases:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="cases.document.downloaded")
    assert (event.actor, event.data["document"]) == (officer, document.pk)


def test_documents_are_seen_only_by_those_who_see_the_child(
    client, login, officer, colleague, make_user, child
):
    login(client, officer)
    upload(client, child, PDF, "a.pdf")
    document = Document.objects.get()
    url = reverse("cases:document_download", args=[document.pk])
    login(client, colleague)  # another officer's caseload
    assert client.get(url).status_code == 404
    assert client.get(reverse("cases:document_list", args=[child.pk])).status_code == 404
    outsider_parent = make_user(Role.PARENT)
    login(client, outsider_parent)
    assert client.get(url).status_code == 404
    analyst = make_user(Role.ANALYST)
    login(client, analyst)
    assert client.get(url).status_code == 403
    ep = make_user(Role.EP)
    AdviceFactory.create(request=RequestFactory.create(child=child), adviser=ep)
    login(client, ep)  # asked for advice on this child: sees the child, and so its documents
    assert client.get(url).status_code == 200
    assert client.get(reverse("cases:document_upload", args=[child.pk])).status_code == 403
    assert not AuditEvent.objects.filter(action="cases.document.downloaded", actor=colleague).exists()


def test_removal_is_soft_needs_a_reason_and_is_audited(client, login, officer, child, media):
    login(client, officer)
    upload(client, child, PDF, "wrong child.pdf")
    document = Document.objects.get()
    url = reverse("cases:document_remove", args=[document.pk])
    assert "Say why the document is being removed" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "Uploaded to the wrong child"}).status_code == 302
    document.refresh_from_db()
    assert document.removed_at is not None and document.removed_by == officer
    assert stored_files(media) != []  # the file is kept
    assert client.get(reverse("cases:document_download", args=[document.pk])).status_code == 404
    page = client.get(reverse("cases:document_list", args=[child.pk])).content.decode()
    assert "Uploaded to the wrong child" in page
    assert AuditEvent.objects.filter(action="cases.document.removed").count() == 1


# --- the virus scan hook, against a stand-in clamd speaking its protocol on a unix socket ---


class FakeClamd:
    """Speaks clamd's INSTREAM protocol: answers FOUND when the stream holds the EICAR marker."""

    def __init__(self, path: str) -> None:
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(path)
        self.server.listen(4)
        self.received: list[bytes] = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                data = b""
                while True:
                    (length,) = struct.unpack("!L", self._read(conn, 4))
                    if length == 0:
                        break
                    data += self._read(conn, length)
                self.received.append(data)
                verdict = b"stream: Eicar-Signature FOUND\0" if b"EICAR" in data else b"stream: OK\0"
                conn.sendall(verdict)

    @staticmethod
    def _read(conn: socket.socket, n: int) -> bytes:
        out = b""
        while len(out) < n:
            out += conn.recv(n - len(out))
        return out

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def clamd(settings):
    import tempfile

    folder = tempfile.mkdtemp(prefix="clamd")
    path = f"{folder}/clamd.ctl"
    fake = FakeClamd(path)
    settings.SENDHUB_CLAMAV_SOCKET = path
    yield fake
    fake.close()


def test_scanned_clean_file_is_stored_as_clean(client, login, officer, child, clamd):
    login(client, officer)
    assert upload(client, child, PDF, "a.pdf").status_code == 302
    assert clamd.received == [PDF]
    document = Document.objects.get()
    assert (document.scan_status, document.scan_answer) == ("clean", "stream: OK")


def test_infected_file_is_refused_and_nothing_is_stored(client, login, officer, child, clamd, media):
    login(client, officer)
    response = upload(client, child, b"Plain text with EICAR test marker\n", "notes.txt")
    assert "The virus scanner found Eicar-Signature in this file" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media) == []


def test_unreachable_scanner_refuses_rather_than_storing_unscanned(
    client, login, officer, child, settings, media
):
    settings.SENDHUB_CLAMAV_SOCKET = "/nonexistent/clamd.ctl"
    login(client, officer)
    response = upload(client, child, PDF, "a.pdf")
    assert "could not be reached" in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("answer", "clean", "signature"),
    [("stream: OK", True, ""), ("stream: Win.Test.EICAR_HDB-1 FOUND", False, "Win.Test.EICAR_HDB-1")],
)
def test_clamd_replies_are_read(answer, clean, signature):
    result = clamav.parse_reply(answer)
    assert (result.clean, result.signature) == (clean, signature)


def test_clamd_error_reply_is_not_taken_as_clean():
    with pytest.raises(clamav.ScannerUnavailable):
        clamav.parse_reply("INSTREAM size limit exceeded. ERROR")
