"""A client for ClamAV's daemon (clamd) over its socket, with the INSTREAM command.

Django-free and small on purpose: the protocol is a few lines (clamd's own manual, "INSTREAM"), and the
Python packages that wrap it have not been maintained for years (docs/decisions/0006).
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterable
from dataclasses import dataclass

CHUNK = 64 * 1024


class ScannerUnavailable(RuntimeError):
    """The daemon could not be reached or gave an answer we do not understand."""


@dataclass(frozen=True)
class ScanResult:
    clean: bool
    signature: str  # the virus found, empty when clean
    answer: str  # clamd's reply, kept for the record


def _connect(address: str, timeout: float) -> socket.socket:
    """A unix socket path (/run/clamav/clamd.ctl) or tcp://host:port."""
    if address.startswith("tcp://"):
        host, _, port = address.removeprefix("tcp://").rpartition(":")
        return socket.create_connection((host, int(port)), timeout=timeout)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(address)
    return sock


def scan_stream(address: str, chunks: Iterable[bytes], timeout: float = 30.0) -> ScanResult:
    """Send the content to clamd in chunks and read its verdict."""
    try:
        with _connect(address, timeout) as sock:
            sock.sendall(b"zINSTREAM\0")
            for chunk in chunks:
                for start in range(0, len(chunk), CHUNK):
                    part = chunk[start : start + CHUNK]
                    sock.sendall(struct.pack("!L", len(part)) + part)
            sock.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                data = sock.recv(4096)
                if not data:
                    break
                reply += data
    except (OSError, ValueError) as e:
        raise ScannerUnavailable(f"The virus scanner at {address} could not be reached: {e}") from e
    return parse_reply(reply.rstrip(b"\0").decode("utf-8", "replace"))


def parse_reply(answer: str) -> ScanResult:
    """clamd answers "stream: OK", "stream: <Signature> FOUND" or "... ERROR"."""
    answer = answer.strip()
    if answer.endswith(" OK"):
        return ScanResult(clean=True, signature="", answer=answer)
    if answer.endswith(" FOUND"):
        signature = answer.removesuffix(" FOUND").partition(": ")[2]
        return ScanResult(clean=False, signature=signature, answer=answer)
    raise ScannerUnavailable(f"The virus scanner did not scan the file: {answer or 'no answer'}")
