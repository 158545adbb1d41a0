"""Reads for the dashboard: the national benchmarks (`national`, public aggregates, no user scoping; its names
stay importable from here) and the casework facts behind the live KPIs (`live`)."""

from sendhub.dashboard.selectors.national import (
    SHOW_FIELDS,
    benchmark,
    benchmark_dict,
    england_values,
    indicator_named,
    indicators,
    la_history,
    latest_load,
    local_authorities,
    neighbours_of,
    period_values,
    periods,
)

__all__ = [
    "SHOW_FIELDS",
    "benchmark",
    "benchmark_dict",
    "england_values",
    "indicator_named",
    "indicators",
    "la_history",
    "latest_load",
    "local_authorities",
    "neighbours_of",
    "period_values",
    "periods",
]
