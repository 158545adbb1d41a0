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

polars reads and writes the tables; the arithmetic runs on numpy arrays (`arrays`) and in one
compiled pass per LA row (`kernel`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from sendhub.dashboard.national.catalogue import Indicator
from sendhub.dashboard.rules.benchmarks import arrays, kernel

PERIOD = ["indicator", "time_period"]

RESULT_COLUMNS = [
    "indicator",
    "time_period",
    "year",
    "la_code",
    "la_name",
    "value",
    "marker",
    "numerator",
    "denominator",
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
    "change",
    "polarity",
]
NULLABLE = {"sn_rank", "sn_rank_of", "rank"}  # the int figures that can be empty


def compute_benchmarks(
    observations: pl.DataFrame | pl.LazyFrame,
    neighbours: pl.DataFrame | pl.LazyFrame,
    indicators: Mapping[str, Indicator],
) -> pl.DataFrame:
    """All benchmarks for every LA row in `observations` (columns of ``readers.OBSERVATION_SCHEMA``).

    The LA rows are laid out as a dense (indicator, period) x LAs matrix by integer codes (no joins);
    `arrays` computes every figure of every row from it, and the rows keep their input order.
    Polarity becomes a sign (+1 High, -1 Low, NaN none), so "better" is always "larger score".
    """
    obs = observations.collect() if isinstance(observations, pl.LazyFrame) else observations
    level = obs.get_column("level")
    la = obs.filter(level == "la")
    grid = _grid(la)
    known = np.array([name in indicators for name, _, _ in grid.keys], dtype=bool)
    if not known.all():  # rows of indicators the catalogue does not know are left out
        la, grid = la.filter(pl.Series(known[grid.col])), grid.keeping(known)
    names = list(dict.fromkeys(name for name, _, _ in grid.keys))
    col_indicator = _codes([name for name, _, _ in grid.keys], names)
    polarity = [indicators[n].polarity for n in names]
    sign = np.array([1.0 if p == "High" else -1.0 if p == "Low" else np.nan for p in polarity])
    banded = np.array([indicators[n].quartiles and indicators[n].has_direction for n in names], dtype=bool)
    periods = [period for _, period, _ in grid.keys]
    previous = arrays.previous_columns(
        col_indicator,
        np.array([year for _, _, year in grid.keys], dtype=np.int64),
        _codes(periods, sorted(set(periods))),  # in the same year, the period codes in order
    )
    columns = arrays.Columns(sign[col_indicator], banded[col_indicator], _england(obs, level, grid), previous)
    values = np.full((len(grid.keys), len(grid.la_codes) + 1), np.nan)  # last LA: a neighbour with no data
    values[grid.col, grid.row] = la.get_column("value").to_numpy()
    figures = arrays.row_figures(
        values, columns, _neighbour_rows(neighbours, grid.la_codes), grid.row, grid.col
    )
    labels = pl.DataFrame(  # gathered in one select, so polars fills the three string columns in parallel
        {
            "band": figures.bands,
            "previous": np.where(previous >= 0, previous, len(periods))[grid.col],
            "indicator": col_indicator[grid.col],
        }
    ).select(
        pl.lit(pl.Series(["A", "B", "C", "D", None], dtype=pl.String)).gather("band").alias("quartile"),
        pl.lit(pl.Series([*periods, None], dtype=pl.String)).gather("previous").alias("previous_time_period"),
        pl.lit(pl.Series(polarity, dtype=pl.String)).gather("indicator").alias("polarity"),
    )
    return (
        la.select(
            "indicator",
            "time_period",
            "year",
            pl.col("area_code").alias("la_code"),
            pl.col("area_name").alias("la_name"),
            "value",
            "marker",
            "numerator",
            "denominator",
        )
        .hstack([*_figure_columns(figures), *labels.get_columns()])
        .select(RESULT_COLUMNS)
    )


def _figure_columns(figures: arrays.RowFigures) -> list[pl.Series]:
    """The kernel's figures as polars columns: NaN and `kernel.NO_RANK` become nulls."""
    columns = [pl.Series(n, figures.floats[k], nan_to_null=True) for k, n in enumerate(kernel.FLOAT_FIGURES)]
    for k, name in enumerate(kernel.INT_FIGURES):
        ints = pl.Series(name, figures.ints[k])
        columns.append(
            ints.set(pl.Series(figures.ints[k] == kernel.NO_RANK), None) if name in NULLABLE else ints
        )
    return columns


@dataclass(frozen=True)
class Grid:
    """Where each LA row sits in the (indicator, period) x LAs matrix.

    `keys` holds (indicator, time period, year) per column; `col` and `row` place each LA row; `la_codes`
    names the matrix's LAs.
    """

    keys: list[tuple[str, str, int]]
    col: np.ndarray
    row: np.ndarray
    la_codes: list[str]

    def keeping(self, columns: np.ndarray) -> Grid:
        """The grid of the rows in the `columns` marked True, renumbered."""
        rows = columns[self.col]
        keys = [key for key, kept in zip(self.keys, columns, strict=True) if kept]
        return Grid(keys, (np.cumsum(columns) - 1)[self.col[rows]], self.row[rows], self.la_codes)


def _grid(la: pl.DataFrame) -> Grid:
    """Columns by runs of equal (indicator, period), as the readers write them; LAs by a categorical cast.

    A run is cheap to find, and runs of the same (indicator, period) are merged, so rows in any order give
    the same columns (shuffled rows are only slower: one run each).
    """
    codes = la.select(
        pl.struct("indicator", "time_period").rle_id().alias("run"),
        pl.col("area_code").cast(pl.Categorical).to_physical().alias("area"),
    )
    run = codes.get_column("run").to_numpy()
    row, la_codes = _dense(codes.get_column("area").to_numpy().astype(np.int64), la.get_column("area_code"))
    starts = np.searchsorted(run, np.arange(int(run[-1]) + 1 if run.size else 0))
    first = la.select("indicator", "time_period", "year")[starts]
    column_of: dict[tuple[str, str], int] = {}
    keys: list[tuple[str, str, int]] = []
    run_column = np.empty(starts.size, dtype=np.int64)
    for i, key in enumerate(_tuples(first)):
        column = column_of.setdefault(key[:2], len(keys))
        if column == len(keys):
            keys.append(key)
        run_column[i] = column
    return Grid(keys, run_column[run], row, la_codes)


def _tuples(frame: pl.DataFrame) -> Iterator[tuple[Any, ...]]:
    """The rows of a small frame as tuples; faster than `iter_rows`, which builds each row separately."""
    return zip(*(column.to_list() for column in frame.get_columns()), strict=True)


def _codes(strings: list[str], names: list[str]) -> np.ndarray:
    index = {name: i for i, name in enumerate(names)}
    return np.array([index[s] for s in strings], dtype=np.int64)


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


def _england(obs: pl.DataFrame, level: pl.Series, grid: Grid) -> np.ndarray:
    """England's value for each column (NaN for none); England rows of other periods are left out."""
    column_of = {key[:2]: c for c, key in enumerate(grid.keys)}
    england = np.full(len(grid.keys), np.nan)
    for indicator, period, value in _tuples(
        obs.select("indicator", "time_period", "value").filter(level == "england")
    ):
        column = column_of.get((indicator, period))
        if column is not None and value is not None:
            england[column] = value
    return england


def _neighbour_rows(neighbours: pl.DataFrame | pl.LazyFrame, la_codes: list[str]) -> np.ndarray:
    """LAs x k matrix of each LA's neighbours' row numbers, padded with len(la_codes) (the spare empty
    row), which also stands for a neighbour that has no rows."""
    frame = neighbours.collect() if isinstance(neighbours, pl.LazyFrame) else neighbours
    spare = len(la_codes)
    index = {code: i for i, code in enumerate(la_codes)}
    lists: list[list[int]] = [[] for _ in range(spare + 1)]
    for la, neighbour in _tuples(frame.select("la_code", "neighbour_la_code")):
        if la in index:
            lists[index[la]].append(index.get(neighbour, spare))
    table = np.full((spare + 1, max(map(len, lists))), spare, dtype=np.int64)
    for i, rows in enumerate(lists):
        table[i, : len(rows)] = rows
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
