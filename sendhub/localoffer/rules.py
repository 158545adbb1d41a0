"""Pure rules of the Local Offer (no ORM, no clock, no settings)."""

from __future__ import annotations

import datetime as dt

REVIEW_MONTHS = 12


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
