"""Great-circle distances (pure)."""

from __future__ import annotations

import pytest

from sendhub.localoffer import geo


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((51.5074, -0.1278), (48.8566, 2.3522), 343.6),  # London to Paris
        ((51.5390, -0.1426), (51.5390, -0.1426), 0.0),  # the same point
        ((0.0, 0.0), (0.0, 1.0), 111.2),  # one degree along the equator
    ],
)
def test_haversine(a, b, km):
    assert geo.haversine_m(a, b) / 1000 == pytest.approx(km, abs=0.2)


def test_box_holds_the_circle():
    centre = (51.54, -0.14)
    (lat0, lat1), (lon0, lon1) = geo.box(centre, 2000)
    for point in [(lat0, centre[1]), (lat1, centre[1]), (centre[0], lon0), (centre[0], lon1)]:
        assert geo.haversine_m(centre, point) >= 1990
