"""Dates written for people, in GOV.UK style: "1 December 2026" (no leading zero), "1 Dec 2026" in tables.

The templates get the same from settings.DATE_FORMAT ("j F Y") and SHORT_DATE_FORMAT ("j M Y"); this is for
text made in Python (messages, audit summaries, letters' merge fields, object names).
"""

from __future__ import annotations

from datetime import date


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
