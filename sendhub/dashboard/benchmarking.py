"""Benchmarks for every indicator, local authority and period, computed at once with polars.

For each (indicator, LA, period): the value, England, the statistical-neighbour average and count, the
rank among all LAs, the quartile band, the LA's place among its neighbours and the change since the
previous period. The methods follow DfE's Local Authority Interactive Tool (LAIT,
dfe-analytical-services/local-authority-interactive-tool, ``R/fn_helper_functions.R``):

* **SN average**: the mean of the neighbours that have a value; ``sn_count`` says how many did.
* **Rank**: among all LAs with a value that period, best first by polarity (``High``: largest is 1st,
  ``Low``: smallest is 1st); ties share the better rank (R ``rank(ties.method = "min")``). ``rank_of`` is the
  number of LAs with a value. No rank when the indicator has no polarity.
* **Quartile band**: R's default ``quantile()`` (type 7, linear interpolation) over all LA values that
  period. Low polarity: value ≤ Q1 → A, ≤ Q2 → B, ≤ Q3 → C, else D; High polarity is the mirror image
  (≤ Q1 → D … > Q3 → A). A is always best. No band without a polarity or where LAIT marks the
  indicator ``No_Quartile = N``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import polars as pl

from . import benchmark_arrays as arrays
from .national.catalogue import Indicator

PERIOD = ["indicator", "time_period"]

RESULT_COLUMNS = [
    "indicator", "time_period", "year", "la_code", "la_name", "value", "marker", "numerator", "denominator",
    "england", "sn_average", "sn_count", "sn_rank", "sn_rank_of", "rank", "rank_of", "q1", "q2", "q3",
    "quartile", "previous_time_period", "previous_value", "change", "polarity",
]  # fmt: skip


def indicator_frame(indicators: Mapping[str, Indicator]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "indicator": list(indicators),
            "polarity": [i.polarity for i in indicators.values()],
            "banded": [i.quartiles and i.has_direction for i in indicators.values()],
        },
        schema={"indicator": pl.String, "polarity": pl.String, "banded": pl.Boolean},
    )


def _quartile_band() -> pl.Expr:
    v, q1, q2, q3 = pl.col("value"), pl.col("q1"), pl.col("q2"), pl.col("q3")
    low = pl.when(v <= q1).then(pl.lit("A")).when(v <= q2).then(pl.lit("B")).when(v <= q3).then(pl.lit("C"))
    high = pl.when(v <= q1).then(pl.lit("D")).when(v <= q2).then(pl.lit("C")).when(v <= q3).then(pl.lit("B"))
    return (
        pl.when(~pl.col("banded") | v.is_null())
        .then(pl.lit(None, dtype=pl.String))
        .when(pl.col("polarity") == "Low")
        .then(low.otherwise(pl.lit("D")))
        .otherwise(high.otherwise(pl.lit("A")))
    )


def compute_benchmarks(
    observations: pl.DataFrame | pl.LazyFrame,
    neighbours: pl.DataFrame | pl.LazyFrame,
    indicators: Mapping[str, Indicator],
) -> pl.DataFrame:
    """All benchmarks for every LA row in `observations` (columns of ``readers.OBSERVATION_SCHEMA``).

    The LA rows are laid out as a dense LAs x (indicator, period) matrix by integer codes (polars Enum
    casts, no joins); `benchmark_arrays` computes every figure for all columns at once, and the figures
    are gathered back onto the rows, which keep their input order. Polarity becomes a sign (+1 High,
    -1 Low, NaN none), so "better" is always "larger score".
    """
    obs = observations.collect() if isinstance(observations, pl.LazyFrame) else observations
    level = obs.get_column("level")
    la = obs.filter(level == "la")
    names = pl.Enum(sorted(indicators))
    ind = la.get_column("indicator").cast(names, strict=False)
    if ind.null_count():  # rows of indicators the catalogue does not know
        known = ind.is_not_null()
        la, ind = la.filter(known), ind.filter(known)
    la_codes = pl.Enum(la.get_column("area_code").unique())
    periods = pl.Enum(la.get_column("time_period").unique().sort())
    n_periods = max(len(periods.categories), 1)

    # Dense column ids for the (indicator, period) pairs that have LA rows.
    la_key = _key(ind, la.get_column("time_period"), periods)
    column_of = np.full(len(indicators) * n_periods, -1, dtype=np.int64)
    column_of[la_key] = 0
    present = np.flatnonzero(column_of == 0)
    column_of[present] = np.arange(present.size)
    col = column_of[la_key]
    row = la.get_column("area_code").cast(la_codes).to_physical().to_numpy().astype(np.int64)
    n_las, n_cols = len(la_codes.categories), present.size
    col_indicator, col_period = present // n_periods, present % n_periods
    col_year = np.zeros(n_cols, dtype=np.int64)
    col_year[col] = la.get_column("year").to_numpy()
    polarity = [indicators[n].polarity for n in names.categories]
    banded = np.array([indicators[n].quartiles and indicators[n].has_direction for n in names.categories])
    sign = np.array([1.0 if p == "High" else -1.0 if p == "Low" else np.nan for p in polarity])

    # One spare all-NaN row (index n_las) stands for neighbours with no data.
    values = np.full((n_las + 1, n_cols), np.nan)
    value = la.get_column("value").to_numpy()
    values[row, col] = value
    col_sign = sign[col_indicator] if n_cols else np.empty(0)
    scores = values * col_sign

    stats = arrays.column_stats(values[:n_las], col_sign)
    sn = arrays.neighbour_stats(values, scores, _neighbour_rows(neighbours, la_codes, n_las))
    previous = arrays.previous_columns(col_indicator, col_year, col_period)[col]
    previous_value = np.where(previous >= 0, values[row, previous], np.nan)
    period_names = periods.categories.to_list()
    previous_period = pl.Series([period_names[p] for p in col_period] + [None], dtype=pl.String)

    england = np.full(n_cols + 1, np.nan)  # the spare last entry takes periods with no LA rows
    national = obs.select("indicator", "time_period", "value").filter(level == "england")
    national_ind = national.get_column("indicator").cast(names, strict=False)
    if national_ind.null_count():
        national, national_ind = national.filter(national_ind.is_not_null()), national_ind.drop_nulls()
    national_key = _key(national_ind, national.get_column("time_period"), periods)
    england[np.where(national_key >= 0, column_of[national_key], -1)] = national.get_column("value").to_numpy()

    q1, q2, q3 = stats.q1[col], stats.q2[col], stats.q3[col]
    band = (value > q1).astype(np.int64) + (value > q2) + (value > q3)  # 0: at or below Q1
    band = np.where(col_sign[col] > 0, 3 - band, band)  # A is always best
    band = np.where(banded[col_indicator[col]] & ~np.isnan(value), band, 4)
    return la.select(
        "indicator", "time_period", "year", pl.col("area_code").alias("la_code"),
        pl.col("area_name").alias("la_name"), "value", "marker", "numerator", "denominator",
    ).with_columns(
        _floats("england", england[col]),
        _floats("sn_average", sn.average[row, col]),
        pl.Series("sn_count", sn.count[row, col], dtype=pl.Int32),
        _floats("sn_rank", sn.rank[row, col]).cast(pl.Int32),
        _floats("sn_rank_of", sn.rank_of[row, col]).cast(pl.Int32),
        _floats("rank", stats.ranks[col, row]).cast(pl.Int32),
        pl.Series("rank_of", stats.count[col], dtype=pl.Int32),
        _floats("q1", q1),
        _floats("q2", q2),
        _floats("q3", q3),
        pl.Series("quartile", ["A", "B", "C", "D", None], dtype=pl.String).gather(band),
        previous_period.gather(np.where(previous >= 0, previous, n_cols)).alias("previous_time_period"),
        _floats("previous_value", previous_value),
        _floats("change", value - previous_value),
        pl.Series("polarity", polarity, dtype=pl.String).gather(col_indicator[col]),
    ).select(RESULT_COLUMNS)  # fmt: skip


def _key(indicator: pl.Series, period: pl.Series, periods: pl.Enum) -> np.ndarray:
    """indicator code x number of periods + period code; -1 for a period with no LA rows."""
    codes = period.cast(periods, strict=False).to_physical().fill_null(-1).to_numpy().astype(np.int64)
    ind = indicator.to_physical().to_numpy().astype(np.int64)
    return np.where(codes >= 0, ind * len(periods.categories) + codes, -1)


def _floats(name: str, values: np.ndarray) -> pl.Series:
    return pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)


def _neighbour_rows(neighbours: pl.DataFrame | pl.LazyFrame, la_codes: pl.Enum, n_las: int) -> np.ndarray:
    """LAs x k matrix of each LA's neighbours' row numbers, padded with n_las (the spare empty row),
    which also stands for a neighbour that has no rows."""
    frame = neighbours.collect() if isinstance(neighbours, pl.LazyFrame) else neighbours
    la = frame.get_column("la_code").cast(la_codes, strict=False).to_physical().to_numpy()
    nb = frame.get_column("neighbour_la_code").cast(la_codes, strict=False).to_physical()
    nb_rows = nb.fill_null(n_las).to_numpy().astype(np.int64)
    known = ~np.isnan(la.astype(np.float64))
    la_rows = la[known].astype(np.int64)
    nb_rows = nb_rows[known]
    # Slot of each pair within its LA's list: its position among that LA's pairs.
    order = np.argsort(la_rows, kind="stable")
    starts = np.searchsorted(la_rows[order], la_rows[order])
    slot = np.empty_like(order)
    slot[order] = np.arange(order.size) - starts
    table = np.full((n_las + 1, int(slot.max()) + 1 if slot.size else 1), n_las, dtype=np.int64)
    table[la_rows, slot] = nb_rows
    return table


def plain_group_by(observations: pl.DataFrame) -> pl.DataFrame:
    """The baseline for `make bench`: one plain polars group-by over the same LA rows."""
    v = pl.col("value")
    return (
        observations.lazy()
        .filter(pl.col("level") == "la")
        .group_by(PERIOD)
        .agg(v.mean(), v.count().alias("n"), v.quantile(0.25, "linear").alias("q1"), v.rank("min").alias("r"))
        .collect()
    )


def benchmark_for(
    table: pl.DataFrame, *, la_code: str, indicator: str, time_period: str
) -> dict[str, object] | None:
    """One row of `compute_benchmarks` output as a dict, or None. `time_period` may be an end year."""
    rows = table.filter(pl.col("indicator") == indicator, pl.col("la_code") == la_code)
    exact = rows.filter(pl.col("time_period") == time_period)
    if exact.height == 0 and time_period.isdigit():
        exact = rows.filter(
            pl.col("year") == int(time_period[-4:]) if len(time_period) == 4 else pl.lit(False)
        )
    return exact.row(0, named=True) if exact.height else None
