"""Benchmarks for every indicator, local authority and period, computed at once.

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
* **Place among neighbours** (``sn_rank`` of ``sn_rank_of``): the LA among itself and its neighbours with a
  value, by polarity; empty when the LA has no rank or no neighbour has a value.
* **Change**: against the same LA's value in the indicator's previous period (by year).

polars reads and writes the tables; the arithmetic runs on numpy arrays (`benchmark_arrays`).
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


def compute_benchmarks(
    observations: pl.DataFrame | pl.LazyFrame,
    neighbours: pl.DataFrame | pl.LazyFrame,
    indicators: Mapping[str, Indicator],
) -> pl.DataFrame:
    """All benchmarks for every LA row in `observations` (columns of ``readers.OBSERVATION_SCHEMA``).

    The LA rows are laid out as a dense LAs x (indicator, period) matrix by integer codes (no joins);
    `benchmark_arrays` computes every figure for all columns at once, and the figures are gathered back
    onto the rows, which keep their input order. Polarity becomes a sign (+1 High, -1 Low, NaN none),
    so "better" is always "larger score".
    """
    obs = observations.collect() if isinstance(observations, pl.LazyFrame) else observations
    level = obs.get_column("level")
    la = obs.filter(level == "la")
    keys = ["indicator", "time_period", "area_code"]
    # Three categorical casts in one select, so polars hashes the three columns in parallel.
    ids = la.select(pl.col(keys).cast(pl.Categorical).to_physical()).to_numpy().astype(np.int64).T
    ind, ind_names = _dense(ids[0], la.get_column("indicator"))
    if not set(ind_names) <= indicators.keys():  # drop rows of indicators the catalogue does not know
        known = np.isin(ind, [i for i, n in enumerate(ind_names) if n in indicators])
        la, ids = la.filter(pl.Series(known)), ids[:, known]
        ind, ind_names = _dense(ids[0], la.get_column("indicator"))
    period, period_names = _dense(ids[1], la.get_column("time_period"))
    row, la_codes = _dense(ids[2], la.get_column("area_code"))
    n_las, n_periods = len(la_codes), max(len(period_names), 1)

    # Dense column ids for the (indicator, period) pairs that have LA rows.
    column_of = np.full(len(ind_names) * n_periods, -1, dtype=np.int64)
    la_key = ind * n_periods + period
    column_of[la_key] = 0
    present = np.flatnonzero(column_of == 0)
    n_cols = present.size
    column_of[present] = np.arange(n_cols)
    col = column_of[la_key]
    col_indicator, col_period = present // n_periods, present % n_periods
    col_year = np.zeros(n_cols, dtype=np.int64)
    col_year[col] = la.get_column("year").to_numpy()
    polarity = [indicators[n].polarity for n in ind_names]
    banded = np.array(
        [indicators[n].quartiles and indicators[n].has_direction for n in ind_names], dtype=bool
    )
    sign = np.array([1.0 if p == "High" else -1.0 if p == "Low" else np.nan for p in polarity])
    col_sign = sign[col_indicator] if n_cols else np.empty(0)

    # One spare all-NaN row (index n_las) stands for neighbours with no data.
    values = np.full((n_las + 1, n_cols), np.nan)
    value = la.get_column("value").to_numpy()
    values[row, col] = value
    scores = values * col_sign
    at = row * n_cols + col  # each LA row's cell in an LAs x columns matrix
    stats = arrays.column_stats(values[:n_las], col_sign)
    sn = arrays.neighbour_stats(values, scores, _neighbour_rows(neighbours, la_codes, n_las))
    previous = arrays.previous_columns(col_indicator, col_year, _period_order(period_names)[col_period])[col]
    previous_value = np.where(previous >= 0, values[row, previous], np.nan)
    previous_period = pl.Series([period_names[p] for p in col_period] + [None], dtype=pl.String)

    q1, q2, q3 = stats.q1[col], stats.q2[col], stats.q3[col]
    band = (value > q1).astype(np.int8) + (value > q2) + (value > q3)  # 0: at or below Q1
    np.subtract(3, band, out=band, where=col_sign[col] > 0)  # A is always best
    band[~banded[col_indicator[col]] | np.isnan(value)] = 4
    return la.select(
        "indicator", "time_period", "year", pl.col("area_code").alias("la_code"),
        pl.col("area_name").alias("la_name"), "value", "marker", "numerator", "denominator",
    ).with_columns(
        _floats("england", _england(obs, level, ind_names, period_names, column_of)[col]),
        _floats("sn_average", sn.average.ravel()[at]),
        pl.Series("sn_count", sn.count.ravel()[at].astype(np.int32)),
        _ints("sn_rank", sn.rank.ravel()[at]),
        _ints("sn_rank_of", sn.rank_of.ravel()[at]),
        _ints("rank", stats.ranks.ravel()[col * n_las + row]),
        pl.Series("rank_of", stats.count[col].astype(np.int32)),
        _floats("q1", q1),
        _floats("q2", q2),
        _floats("q3", q3),
        pl.Series("quartile", ["A", "B", "C", "D", None], dtype=pl.String).gather(band),
        previous_period.gather(np.where(previous >= 0, previous, n_cols)).alias("previous_time_period"),
        _floats("previous_value", previous_value),
        _floats("change", value - previous_value),
        pl.Series("polarity", polarity, dtype=pl.String).gather(col_indicator[col]),
    ).select(RESULT_COLUMNS)  # fmt: skip


def _dense(ids: np.ndarray, strings: pl.Series) -> tuple[np.ndarray, list[str]]:
    """Dense codes 0..n-1 from a string column's categorical ids, and the string of each code."""
    if ids.size == 0:
        return ids, []
    seen = np.zeros(int(ids.max()) + 1, dtype=bool)
    seen[ids] = True
    codes = (np.cumsum(seen) - 1)[ids]
    example = np.empty(int(seen.sum()), dtype=np.int64)
    example[codes] = np.arange(ids.size)  # any row with the code will do
    return codes, strings.gather(example).to_list()


def _period_order(names: list[str]) -> np.ndarray:
    """Each period code's place in string order, to break ties between periods of the same year."""
    order = np.empty(len(names), dtype=np.int64)
    order[np.argsort(np.array(names, dtype=object), kind="stable")] = np.arange(len(names))
    return order


def _england(
    obs: pl.DataFrame, level: pl.Series, ind_names: list[str], period_names: list[str], column_of: np.ndarray
) -> np.ndarray:
    """England's value for each column; a spare last entry takes England rows with no LA column."""
    national = obs.select("indicator", "time_period", "value")[(level == "england").arg_true()]
    ind = national.get_column("indicator").replace_strict(ind_names, range(len(ind_names)), default=-1)
    period = national.get_column("time_period").replace_strict(
        period_names, range(len(period_names)), default=-1
    )
    i, p = ind.to_numpy().astype(np.int64), period.to_numpy().astype(np.int64)
    n_cols = int(column_of.max()) + 1 if column_of.size else 0
    col = np.where(
        (i >= 0) & (p >= 0), column_of[np.maximum(i, 0) * max(len(period_names), 1) + np.maximum(p, 0)], -1
    )
    england = np.full(n_cols + 1, np.nan)
    england[np.where(col >= 0, col, n_cols)] = national.get_column("value").to_numpy()
    return england


def _floats(name: str, values: np.ndarray) -> pl.Series:
    return pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)


def _ints(name: str, values: np.ndarray) -> pl.Series:
    """Whole numbers held as floats (NaN for none) as an Int32 column with nulls."""
    missing = np.isnan(values)
    return pl.Series(name, np.where(missing, 0, values).astype(np.int32)).set(pl.Series(missing), None)


def _neighbour_rows(neighbours: pl.DataFrame | pl.LazyFrame, la_codes: list[str], n_las: int) -> np.ndarray:
    """LAs x k matrix of each LA's neighbours' row numbers, padded with n_las (the spare empty row),
    which also stands for a neighbour that has no rows."""
    frame = neighbours.collect() if isinstance(neighbours, pl.LazyFrame) else neighbours
    index = range(len(la_codes))
    la = frame.get_column("la_code").replace_strict(la_codes, index, default=-1).to_numpy().astype(np.int64)
    nb = frame.get_column("neighbour_la_code").replace_strict(la_codes, index, default=n_las).to_numpy()
    la_rows, nb_rows = la[la >= 0], nb[la >= 0].astype(np.int64)
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
