"""The demo's synthetic ULNs pass the check-digit rule the return applies (PER-06)."""

import random

from sendhub.lib.identifiers import uln_problem
from sendhub.sen2.demo import synthetic_uln


def test_synthetic_ulns_have_valid_check_digits() -> None:
    rng = random.Random(7)
    ulns = [synthetic_uln(rng) for _ in range(500)]
    assert all(u.startswith("9") and len(u) == 10 for u in ulns)
    assert [u for u in ulns if uln_problem(u) is not None] == []
    assert len(set(ulns)) > 490  # varied, not one value repeated
