"""The arithmetic behind `compute.compute_benchmarks`, on dense numpy arrays.

The LA rows of every indicator and period fit one small matrix: about 730 (indicator, period) columns by
160 LAs, nearly all filled. Per column: one sort gives the quartiles, a lexsort gives the previous period.
Per LA row, `kernel.row_figures` computes the rest in one compiled pass, with the rows split
between threads. This replaced a join of every LA with its ten neighbours for every period (800,000 rows),
which made computing all benchmarks take thirty times as long as a plain polars group-by over the same rows.

Missing values are NaN here; the caller turns them back into nulls.
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sendhub.dashboard.rules.benchmarks import kernel

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

# Below this many rows a second thread costs more than it saves.
ROWS_PER_THREAD = 20_000


def quartiles(values: Floats) -> tuple[npt.NDArray[np.int32], Floats]:
    """The number of values in each row of `values` (columns x LAs, NaN for none) and its quartiles.

    R type 7, as LAIT: with the n values sorted, the p-quantile is at 0-based position h = (n - 1) p,
    interpolated linearly between floor(h) and the next value. Quartiles are NaN where n is 0.
    """
    ordered = np.sort(values, axis=1)  # NaN last
    count = np.count_nonzero(~np.isnan(ordered), axis=1).astype(np.int32)
    last = np.maximum(count - 1, 0)
    result = np.empty((3, values.shape[0]))
    for k, p in enumerate((0.25, 0.5, 0.75)):
        h = last * p
        low = np.floor(h).astype(np.int64)
        lower = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
        upper = np.take_along_axis(ordered, np.minimum(low + 1, last)[:, None], axis=1)[:, 0]
        result[k] = np.where(count > 0, lower + (h - low) * (upper - lower), np.nan)
    return count, result


def previous_columns(indicator: Ints, year: Ints, tiebreak: Ints) -> Ints:
    """For each column, the column of the same indicator's previous period (by year), or -1."""
    order = np.lexsort((tiebreak, year, indicator))
    previous = np.full(indicator.shape, -1, dtype=np.int64)
    same = indicator[order][1:] == indicator[order][:-1]
    previous[order[1:]] = np.where(same, order[:-1], -1)
    return previous


@dataclass(frozen=True)
class RowFigures:
    """Per LA row: `floats` (rows of `kernel.FLOAT_FIGURES`, NaN for none), `ints` (rows of
    `kernel.INT_FIGURES`, `kernel.NO_RANK` for none) and `bands` (0-3 for A-D, `kernel.NO_BAND`)."""

    floats: Floats
    ints: npt.NDArray[np.int32]
    bands: npt.NDArray[np.int8]


@dataclass(frozen=True)
class Columns:
    """What is known of each (indicator, period) column: sign (+1 High, -1 Low, NaN no polarity), whether
    it has quartile bands, England's value and the previous period's column (-1 for none)."""

    sign: Floats
    banded: npt.NDArray[np.bool_]
    england: Floats
    previous: Ints


def row_figures(
    values: Floats, columns: Columns, neighbours: Ints, row: Ints, col: Ints, threads: int | None = None
) -> RowFigures:
    """Every figure for each LA row (`row`, `col` place it in `values`, columns x (LAs + 1)).

    The rows are split between `threads` (default: one per CPU and per `ROWS_PER_THREAD` rows), each running
    the compiled kernel on its share without the Python lock; the calling thread takes the first share.
    """
    count, quarts = quartiles(values[:, :-1])
    n = row.size
    result = RowFigures(
        np.empty((len(kernel.FLOAT_FIGURES), n)),
        np.empty((len(kernel.INT_FIGURES), n), dtype=np.int32),
        np.empty(n, dtype=np.int8),
    )
    arrays = (
        values,
        quarts,
        count,
        columns.england,
        columns.sign,
        columns.banded,
        neighbours,
        row,
        col,
        columns.previous,
    )
    outputs = (result.floats, result.ints, result.bands)
    shares = threads or min(os.cpu_count() or 1, n // ROWS_PER_THREAD)
    shares = max(1, min(shares, n))
    bounds = np.linspace(0, n, shares + 1).astype(np.int64).tolist()
    failures: list[BaseException] = []

    def compute(start: int, stop: int) -> None:
        try:
            kernel.row_figures(*arrays, start, stop, *outputs)
        except BaseException as e:  # raised again in the calling thread, never lost
            failures.append(e)

    workers = [threading.Thread(target=compute, args=share) for share in itertools.pairwise(bounds[1:])]
    for worker in workers:
        worker.start()
    compute(bounds[0], bounds[1])
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
    return result
