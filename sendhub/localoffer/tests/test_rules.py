import datetime as dt

import pytest

from sendhub.localoffer import rules


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (dt.date(2026, 11, 23), dt.date(2025, 11, 23)),
        (dt.date(2024, 2, 29), dt.date(2023, 2, 28)),  # leap day falls back to 28 February
        (dt.date(2026, 1, 1), dt.date(2025, 1, 1)),
    ],
)
def test_review_due_cutoff(
    today, cutoff
):  # SEND Code of Practice 2015 para 4.67: keep the Local Offer under review
    assert rules.review_due_cutoff(today) == cutoff
    assert rules.is_review_due(cutoff, today) and not rules.is_review_due(
        cutoff + dt.timedelta(days=1), today
    )


@pytest.mark.parametrize(
    ("low", "high", "label"),
    [(None, None, "All ages"), (5, None, "5 and over"), (None, 11, "Up to 11"), (0, 25, "0 to 25")],
)
def test_age_label(low, high, label):
    assert rules.age_label(low, high) == label
