"""Dates for people, GOV.UK style: no leading zero on the day."""

from datetime import date

from sendhub.lib.dates import long_date, short_date


def test_the_day_has_no_leading_zero():
    assert long_date(date(2026, 12, 1)) == "1 December 2026"
    assert short_date(date(2026, 12, 1)) == "1 Dec 2026"
    assert long_date(date(2026, 12, 31)) == "31 December 2026"


def test_python_text_uses_the_helper_not_a_zero_padded_format():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "/tests/" not in str(path) and ("%d %B %Y" in path.read_text() or "%d %b %Y" in path.read_text())
    ]
    assert not offenders, f"use sendhub.lib.dates (no leading zero): {offenders}"
