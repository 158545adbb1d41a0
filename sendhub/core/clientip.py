"""The client's address, for lockout, rate limits and the audit trail.

Behind a reverse proxy every request arrives from the proxy, so REMOTE_ADDR alone would let one stranger
lock out every colleague and would leave the audit trail naming the proxy. The operator says how many
proxies stand in front (`SENDHUB_TRUSTED_PROXY_COUNT`); each appends the address it received from to
X-Forwarded-For, so the client is the entry that many places from the right. Entries further left were
written by the client itself and are never trusted.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest | None) -> str | None:
    """The address of the client that made `request`, as far as the trusted proxies can vouch for it."""
    if request is None:
        return None
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    proxies: int = getattr(settings, "SENDHUB_TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        # Fewer hops than proxies: the request did not come through all of them, so trust only the socket.
        return remote
    return _valid(forwarded[-proxies]) or remote
