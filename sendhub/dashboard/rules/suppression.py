"""Small-number suppression for public figures. No Django imports.

DfE's statistical disclosure control suppresses counts below 5 (shown as "c") and any percentage whose
numerator or denominator is suppressed, so that no individual child can be identified.
"""

from __future__ import annotations

THRESHOLD = 5
SUPPRESSED = "c"


def suppress_count(count: int | float | None) -> int | str | None:
    if count is None:
        return None
    return SUPPRESSED if 0 < count < THRESHOLD else int(count)


def suppress_rate(numerator: int | float | None, denominator: int | float | None) -> float | str | None:
    """A percentage, or "c" when either side is a small number."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    if 0 < numerator < THRESHOLD or denominator < THRESHOLD or 0 < denominator - numerator < THRESHOLD:
        return SUPPRESSED
    return round(100 * numerator / denominator, 1)
