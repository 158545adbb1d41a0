"""Distances on the Earth's surface (pure Python; selectors.distance_to is the same formula in SQL)."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG)
METRES_PER_DEGREE = 111_320.0  # of latitude, near enough for a search box


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def box(centre: tuple[float, float], metres: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """(latitude range, longitude range) holding every point within `metres` of `centre`."""
    dlat = metres / METRES_PER_DEGREE
    dlon = dlat / max(0.01, math.cos(math.radians(centre[0])))
    return (centre[0] - dlat, centre[0] + dlat), (centre[1] - dlon, centre[1] + dlon)
