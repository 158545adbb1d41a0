"""The reach check (core/tests/reach.py) names every private page that no role reached, except those excused.

The check itself runs over the browser sweep's crawls of the live server, in
core/tests/browser/test_accessibility_sweep.py; this test proves the check can fail.
"""

from __future__ import annotations

from sendhub.core.tests.reach import unreached
from sendhub.core.tests.routes import all_routes


def test_the_reach_check_names_a_page_no_role_reached():
    everything = set(all_routes())
    assert unreached(everything) == []
    assert unreached(everything - {"voice:survey_list"}) == ["voice:survey_list"]
    assert unreached(everything - {"accounts:otp_verify"}) == []  # excused in NOT_CRAWLABLE, with a reason
