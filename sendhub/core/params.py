"""The one parser for what arrives in a query string or a form field: whole numbers, dates, UUIDs and
search text.

Anything a client types can be hostile: '²' passes str.isdigit() but not int(), a 20-digit year overflows
datetime.date, a non-UUID id makes the database raise. Every view reads such values through here, so bad
input answers 400 (`BadRequest`, shown as the service's own error page) or 404, never a server error.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import BadRequest

# ASCII digits only: str.isdigit() also accepts superscripts and other scripts' digits.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
# Search input: more than a person types, far less than would tax the database.
MAX_SEARCH_CHARS = 200
MAX_SEARCH_TERMS = 10
MAX_TERM_CHARS = 50


class BadParameter(BadRequest):
    """A query parameter that is not what the page accepts (a 400 with the message shown)."""


def parse_int(raw: Any, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """`raw` as a whole number (ASCII digits, optional leading minus), or None if it is not one or is out
    of [minimum, maximum]."""
    text = str(raw if raw is not None else "").strip()
    negative = text.startswith("-")
    digits = text[1:] if negative else text
    if not _WHOLE_NUMBER.fullmatch(digits):
        return None
    value = -int(digits) if negative else int(digits)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        return None
    return value


def int_param(
    params: Mapping[str, Any],
    name: str,
    default: int | None = None,
    *,
    minimum: int = 0,
    maximum: int = 10**9,
) -> int | None:
    """Query parameter `name` as a whole number in [minimum, maximum]; `default` when absent or empty.

    Anything else is a 400 naming the parameter."""
    raw = params.get(name)
    if raw is None or str(raw).strip() == "":
        return default
    value = parse_int(raw, minimum=minimum, maximum=maximum)
    if value is None:
        raise BadParameter(f"'{name}' must be a whole number from {minimum} to {maximum}")
    return value


def parse_uuid(raw: Any) -> uuid.UUID | None:
    """`raw` as a UUID, or None if it is not one."""
    if isinstance(raw, uuid.UUID):
        return raw
    text = str(raw if raw is not None else "").strip()
    if len(text) > 40:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def uuid_params(values: list[Any], name: str) -> list[uuid.UUID]:
    """Every value of a repeated parameter (for example checkboxes) as UUIDs; a 400 if one is not."""
    parsed = [parse_uuid(v) for v in values]
    if any(p is None for p in parsed):
        raise BadParameter(f"'{name}' must be an identifier from this service")
    return [p for p in parsed if p is not None]


def parse_date_parts(day: Any, month: Any, year: Any) -> dt.date | None:
    """A date from its day, month and year as typed, or None if they do not make a real date."""
    d, m, y = (parse_int(part, minimum=1, maximum=9999) for part in (day, month, year))
    if d is None or m is None or y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def date_param(params: Mapping[str, Any], name: str, default: dt.date | None = None) -> dt.date | None:
    """Query parameter `name` as an ISO date (2025-03-27); `default` when absent; a 400 otherwise."""
    raw = str(params.get(name) or "").strip()
    if not raw:
        return default
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", raw)
    value = parse_date_parts(match[3], match[2], match[1]) if match else None
    if value is None:
        raise BadParameter(f"'{name}' must be a real date, like 2025-03-27")
    return value


def search_terms(text: Any) -> list[str]:
    """The words of a search box, capped: at most MAX_SEARCH_CHARS characters are read, each word is cut
    to MAX_TERM_CHARS and only the first MAX_SEARCH_TERMS different words are kept. Every search (the
    ORUK API, the Local Offer pages, the staff child search) goes through here, so no query can build an
    expression too large for the database or take seconds of CPU."""
    words = str(text or "")[:MAX_SEARCH_CHARS].split()
    return list(dict.fromkeys(w[:MAX_TERM_CHARS] for w in words))[:MAX_SEARCH_TERMS]
