"""Pure rules of the Local Offer (no ORM, no clock, no settings)."""

from __future__ import annotations

import datetime as dt

REVIEW_MONTHS = 12
# A provider who has not acted on a reminder is reminded again after this many days, never sooner.
REMINDER_INTERVAL_DAYS = 28
DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def review_due_cutoff(today: dt.date) -> dt.date:
    """A service last reviewed on or before this date needs review.

    The SEND Code of Practice 0-25 (2015) para 4.67 asks for the Local Offer to be kept under review;
    SEND Hub asks providers to confirm their entries at least every 12 months. 29 February falls back
    to 28 February in the year before.
    """
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def is_review_due(last_reviewed: dt.date, today: dt.date) -> bool:
    return last_reviewed <= review_due_cutoff(today)


def is_reminder_due(last_reminded: dt.date | None, today: dt.date) -> bool:
    """A service due its review is reminded about at most once every REMINDER_INTERVAL_DAYS days."""
    return last_reminded is None or (today - last_reminded).days >= REMINDER_INTERVAL_DAYS


def reminder_cutoff(today: dt.date) -> dt.date:
    """The SQL form of is_reminder_due: reminded on or before this date (or never) means due again."""
    return today - dt.timedelta(days=REMINDER_INTERVAL_DAYS)


def days_text(byday: str) -> str:
    """'MO,WE,FR' (RFC 5545) -> 'Monday, Wednesday and Friday'; unknown codes are shown as they are."""
    names = [DAY_NAMES.get(code.strip(), code.strip()) for code in byday.split(",") if code.strip()]
    if len(names) == 7:
        return "Every day"
    if names == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]:
        return "Monday to Friday"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def clock_text(t: dt.time) -> str:
    """A time as GOV.UK writes it: 10am, 1:30pm, midday."""
    if t.hour == 12 and t.minute == 0:
        return "midday"
    minutes = f":{t.minute:02d}" if t.minute else ""
    return f"{t.hour % 12 or 12}{minutes}{'am' if t.hour < 12 else 'pm'}"


def schedule_text(byday: str, opens: dt.time, closes: dt.time) -> str:
    """'MO,WE', 10:00, 13:00 -> 'Monday and Wednesday, 10am to 1pm' (GOV.UK style for days and times)."""
    times = f"{clock_text(opens)} to {clock_text(closes)}"
    return f"{days_text(byday)}, {times}" if byday else times


def reminder_text(service_names: str) -> str:
    return (
        "Hello,\n\nThese Local Offer entries have not been checked for 12 months:\n\n"
        f"{service_names}\n\nPlease sign in to SEND Hub, check each entry and send any changes "
        "(or confirm it is still right). Families rely on this information being up to date.\n"
    )


def age_label(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return "All ages"
    if maximum is None:
        return f"{minimum} and over"
    if minimum is None:
        return f"Up to {maximum}"
    return f"{minimum} to {maximum}"
