"""What a file is, judged by its content (magic bytes), never by its name or the browser's word.

Django-free, so any app can check an upload before it is stored. The kinds accepted are the ones a
SEND case needs: advice and reports (PDF, Word), photographs and scans (images), plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

import filetype

# Read this much of the file to decide: magic numbers sit in the first few hundred bytes; a docx's
# "word/" part name can be a little further into the zip, and plain text is judged on this sample.
SNIFF_BYTES = 8192

# Legacy Word (.doc) is an OLE compound file; filetype only names it from deeper structures.
OLE_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Accepted:
    mime: str
    extension: str
    label: str


ACCEPTED_BY_MIME = {
    "application/pdf": Accepted("application/pdf", "pdf", "PDF"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": Accepted(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word document"
    ),
    "application/msword": Accepted("application/msword", "doc", "Word document (97-2003)"),
    "image/jpeg": Accepted("image/jpeg", "jpg", "JPEG image"),
    "image/png": Accepted("image/png", "png", "PNG image"),
    "image/gif": Accepted("image/gif", "gif", "GIF image"),
    "image/tiff": Accepted("image/tiff", "tif", "TIFF image"),
    "image/heic": Accepted("image/heic", "heic", "HEIC image"),
    "text/plain": Accepted("text/plain", "txt", "Plain text"),
}
ACCEPTED_LABELS = "PDF, Word (.docx or .doc), images (JPEG, PNG, GIF, TIFF, HEIC) or plain text"


class RefusedFile(ValueError):
    """The file is not one of the accepted kinds; the message says what it looks like."""


def identify(head: bytes) -> Accepted:
    """The accepted kind of a file from its first SNIFF_BYTES bytes, or RefusedFile saying why not."""
    if not head:
        raise RefusedFile("The file is empty")
    if head.startswith(OLE_COMPOUND_FILE):
        return ACCEPTED_BY_MIME["application/msword"]
    kind = filetype.guess(head)
    if kind is not None:
        accepted = ACCEPTED_BY_MIME.get(kind.mime)
        if accepted is None:
            raise RefusedFile(
                f"The file's content is {_describe(kind.mime, kind.extension)}, which cannot be uploaded. "
                f"Upload {ACCEPTED_LABELS}"
            )
        return accepted
    if _looks_like_text(head):
        return ACCEPTED_BY_MIME["text/plain"]
    raise RefusedFile(f"The file's content is not a kind that can be uploaded. Upload {ACCEPTED_LABELS}")


def _describe(mime: str, extension: str) -> str:
    if extension in {"exe", "elf", "dll", "msi", "mach"} or mime in {
        "application/x-msdownload",
        "application/x-executable",
        "application/x-mach-binary",
    }:
        return "a program (an executable file)"
    if mime == "application/zip":
        return "a zip archive"
    return f"{mime} (.{extension})"


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 (or its ASCII subset) with no control characters other than tab, newlines and form feed."""
    # A UTF-8 character may be cut at the end of the sample: drop up to three trailing bytes if needed.
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text) and "\x7f" not in text
    return False
