"""Reads for the dashboard's national benchmarks. National data are public aggregates: no user scoping."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sendhub.dashboard.models import (
    Benchmark,
    DataLoad,
    Level,
    LocalAuthority,
    NationalIndicator,
    NationalValue,
    StatisticalNeighbour,
)

SHOW_FIELDS = (
    "value",
    "england",
    "sn_average",
    "sn_count",
    "rank",
    "rank_of",
    "quartile",
    "previous_value",
    "polarity",
)


def indicators() -> QuerySet[NationalIndicator]:
    return NationalIndicator.objects.order_by("name")


def indicator_named(name: str) -> NationalIndicator | None:
    return NationalIndicator.objects.filter(name=name).first()


def latest_load() -> DataLoad | None:
    return DataLoad.objects.order_by("-loaded_at").first()


def benchmark(*, la_code: str, indicator: str, year: str) -> Benchmark | None:
    """One benchmark; `year` is the file's time_period (2023, 202324) or the year an academic period ends."""
    rows = Benchmark.objects.select_related("indicator").filter(la_code=la_code, indicator__name=indicator)
    exact = rows.filter(time_period=year).first()
    if exact is None and len(year) == 4 and year.isascii() and year.isdigit():
        exact = rows.filter(year=int(year)).order_by("-time_period").first()
    return exact


def benchmark_dict(row: Benchmark) -> dict[str, Any]:
    """The `benchmarks show --json` contract, plus identifying fields and extras."""
    change = None if row.value is None or row.previous_value is None else row.value - row.previous_value
    return {
        "indicator": row.indicator.name,
        "label": row.indicator.label,
        "la_code": row.la_code,
        "la_name": row.la_name,
        "time_period": row.time_period,
        "value": row.value,
        "marker": row.marker or None,
        "england": row.england,
        "sn_average": row.sn_average,
        "sn_count": row.sn_count,
        "sn_rank": row.sn_rank,
        "sn_rank_of": row.sn_rank_of,
        "rank": row.rank,
        "rank_of": row.rank_of,
        "quartile": row.quartile or None,
        "quartile_thresholds": [row.q1, row.q2, row.q3],
        "previous_time_period": row.previous_time_period or None,
        "previous_value": row.previous_value,
        "change": change,
        "polarity": row.indicator.polarity or None,
        "unit": row.indicator.unit,
    }


def la_history(*, la_code: str, indicator_names: list[str]) -> QuerySet[Benchmark]:
    return (
        Benchmark.objects.select_related("indicator")
        .filter(la_code=la_code, indicator__name__in=indicator_names)
        .order_by("indicator__name", "year")
    )


def england_values(indicator_names: list[str]) -> QuerySet[NationalValue]:
    return NationalValue.objects.filter(
        level=Level.ENGLAND, indicator__name__in=indicator_names
    ).select_related("indicator")


def period_values(*, indicator: NationalIndicator, time_period: str) -> QuerySet[Benchmark]:
    return Benchmark.objects.filter(indicator=indicator, time_period=time_period)


def periods(indicator: NationalIndicator) -> list[str]:
    rows = Benchmark.objects.filter(indicator=indicator).values_list("time_period", "year").distinct()
    return [p for p, _ in sorted(set(rows), key=lambda r: (r[1], r[0]))]


def neighbours_of(la_code: str) -> list[str]:
    return list(
        StatisticalNeighbour.objects.filter(la_code=la_code)
        .order_by("rank")
        .values_list("neighbour_la_code", flat=True)
    )


def local_authorities() -> list[tuple[str, str]]:
    """(code, name) of every current LA in the loaded data, by name.

    LAIT keeps rows for authorities abolished by local government reorganisation, named "(Pre LG)"
    (Poole, Bournemouth); they have no current figures, so they are not offered to pick."""
    return list(
        LocalAuthority.objects.exclude(name__icontains="(Pre LG)")
        .order_by("name")
        .values_list("code", "name")
    )
