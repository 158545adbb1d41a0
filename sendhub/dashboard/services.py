"""Writes for the dashboard: loading national benchmark data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import polars as pl
from django.db import connection, models, transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected
from sendhub.dashboard.models import (
    Benchmark,
    DataLoad,
    LocalAuthority,
    NationalIndicator,
    NationalValue,
    StatisticalNeighbour,
)
from sendhub.dashboard.national.catalogue import Indicator
from sendhub.dashboard.national.readers import DataError, load_national
from sendhub.dashboard.rules.benchmarks.compute import compute_benchmarks

Progress = Callable[[int, int, str], None]
BATCH = 2000


def _indicator_fields(indicator: Indicator) -> dict[str, Any]:
    return {
        "label": indicator.label[:250],
        "topic": indicator.topic[:120],
        "unit": indicator.unit,
        "polarity": indicator.polarity or "",
        "year_type": indicator.year_type[:60],
        "source": indicator.source,
        "source_file": indicator.file,
        "source_column": indicator.value_column or indicator.lait_code,
        "quartiles": indicator.quartiles,
        "board": indicator.board,
        "notes": indicator.notes,
    }


VALUE_FIELDS = [
    "time_period",
    "year",
    "level",
    "area_code",
    "area_name",
    "value",
    "marker",
    "numerator",
    "denominator",
]
BENCHMARK_FIELDS = [
    "time_period",
    "year",
    "la_code",
    "la_name",
    "value",
    "marker",
    "england",
    "sn_average",
    "sn_count",
    "sn_rank",
    "sn_rank_of",
    "rank",
    "rank_of",
    "q1",
    "q2",
    "q3",
    "quartile",
    "previous_time_period",
    "previous_value",
]
BLANK_WHEN_NULL = {"marker", "quartile", "previous_time_period", "area_name", "la_name"}


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column
    return field.column


def _insert(
    model: type[models.Model], indicator: NationalIndicator, frame: pl.DataFrame, fields: list[str]
) -> None:
    """Insert many rows with one executemany: the ORM's per-object cost made a full load take a minute."""
    if frame.height == 0:
        return
    frame = frame.with_columns(
        pl.when(pl.col("value").is_not_null()).then(pl.lit("")).otherwise(pl.col("marker")).alias("marker")
    ).with_columns(
        [pl.col(f).fill_null("") for f in fields if f in BLANK_WHEN_NULL]
        + [pl.col(f).fill_nan(None) for f in fields if frame.schema[f] == pl.Float64]
    )
    quote = connection.ops.quote_name
    columns = [_column(model, "indicator"), *(_column(model, f) for f in fields)]
    # Table and column names come from the model's _meta, never from input; values are parameters.
    names = ", ".join(quote(c) for c in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({placeholders})"  # noqa: S608
    rows = [(indicator.pk, *row) for row in frame.select(fields).iter_rows()]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


@transaction.atomic
def load_benchmarks(
    *, root: Path, by: User | None, now: datetime, progress: Progress | None = None
) -> DataLoad:
    """Replace the national data with the files under `root` (the shared folder layout). Idempotent."""
    try:
        data = load_national(root)
    except (DataError, OSError, pl.exceptions.PolarsError) as e:
        raise ImportRejected(f"Could not read the national data: {e}") from e
    table = compute_benchmarks(data.observations, data.neighbours, data.indicators)
    values_by = data.observations.partition_by("indicator", as_dict=True)
    benchmarks_by = table.partition_by("indicator", as_dict=True)
    NationalIndicator.objects.exclude(name__in=list(data.indicators)).delete()
    total = len(data.indicators)
    for n, (name, indicator) in enumerate(sorted(data.indicators.items()), start=1):
        row, _ = NationalIndicator.objects.update_or_create(name=name, defaults=_indicator_fields(indicator))
        row.full_clean()
        NationalValue.objects.filter(indicator=row).delete()
        Benchmark.objects.filter(indicator=row).delete()
        _insert(NationalValue, row, values_by.get((name,), data.observations.clear()), VALUE_FIELDS)
        _insert(Benchmark, row, benchmarks_by.get((name,), table.clear()), BENCHMARK_FIELDS)
        if progress:
            progress(n, total, name)
    LocalAuthority.objects.all().delete()
    names = (
        table.select("la_code", "la_name", "year")
        .sort("year", descending=True)
        .unique(subset="la_code", keep="first")
        .sort("la_code")
    )
    LocalAuthority.objects.bulk_create(
        LocalAuthority(code=r["la_code"], name=r["la_name"] or r["la_code"])
        for r in names.iter_rows(named=True)
    )
    StatisticalNeighbour.objects.all().delete()
    StatisticalNeighbour.objects.bulk_create(
        StatisticalNeighbour(
            la_code=r["la_code"], neighbour_la_code=r["neighbour_la_code"], rank=r["neighbour_rank"]
        )
        for r in data.neighbours.iter_rows(named=True)
    )
    load = DataLoad(
        loaded_at=now,
        source=str(root)[:500],
        indicators=total,
        values=data.observations.height,
        benchmarks=table.height,
    )
    load.full_clean()
    load.save()
    record_event(
        actor=by,
        action="dashboard.benchmarks.loaded",
        target=load,
        data={"indicators": total, "values": load.values, "benchmarks": load.benchmarks},
    )
    return load
