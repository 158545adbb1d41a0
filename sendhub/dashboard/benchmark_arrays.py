"""The arithmetic behind `benchmarking.compute_benchmarks`, on dense numpy arrays.

The LA rows of every indicator and period fit one small matrix: about 160 LAs by 730 (indicator, period)
columns, nearly all filled. On that matrix each benchmark is one vectorised step over all columns at once:
one sort per column gives the ranks and quartiles, a gather of each neighbour's row gives the
statistical-neighbour figures, and a column shift gives the previous period. This replaced a join of every
LA with its ten neighbours for every period (800,000 rows), which made computing all benchmarks take thirty
times as long as a plain polars group-by over the same rows.

Missing values are NaN here; the caller turns them back into nulls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.integer]


@dataclass(frozen=True)
class ColumnStats:
    """Per column (indicator and period): the LAs with a value, R type-7 quartiles, and each LA's rank.

    `ranks` is columns x LAs (the transpose of the input), NaN where the LA has no value or the
    indicator no polarity.
    """

    count: Ints
    q1: Floats
    q2: Floats
    q3: Floats
    ranks: Floats


def column_stats(values: Floats, sign: Floats) -> ColumnStats:
    """Count, quartiles and ranks of each column of `values` (LAs x columns), ignoring NaN.

    * Quartiles, R type 7: with the n values of a column sorted, the p-quantile is at 0-based position
      h = (n - 1) p, interpolated linearly between floor(h) and the next value.
    * Ranks: each column is sorted once best first (by -sign x value, NaN last); an LA's rank is 1 + the
      first position of its run of equal values, so ties share the better rank (R ``ties.method =
      "min"``). Columns without a polarity (`sign` NaN) are not ranked.
    """
    rows = np.ascontiguousarray(values.T)
    ordered = np.sort(rows, axis=1)  # NaN last
    count = np.count_nonzero(~np.isnan(rows), axis=1)
    last = np.maximum(count - 1, 0)
    quartiles = []
    for p in (0.25, 0.5, 0.75):
        h = last * p
        low = np.floor(h).astype(np.int64)
        lower = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
        upper = np.take_along_axis(ordered, np.minimum(low + 1, last)[:, None], axis=1)[:, 0]
        quartiles.append(np.where(count > 0, lower + (h - low) * (upper - lower), np.nan))

    ranks = np.full(rows.shape, np.nan)
    ranked = np.flatnonzero(~np.isnan(sign))  # only columns with a polarity are ranked
    best_first = rows[ranked] * -sign[ranked, None]
    order = np.argsort(best_first, axis=1, kind="stable")
    best = np.take_along_axis(best_first, order, axis=1)  # ascending: the best value first
    position = np.broadcast_to(np.arange(rows.shape[1], dtype=np.float64), best.shape)
    starts = np.ones(best.shape, dtype=bool)
    starts[:, 1:] = best[:, 1:] != best[:, :-1]
    in_order = np.maximum.accumulate(np.where(starts, position, 0.0), axis=1) + 1.0
    placed = np.empty(best.shape)
    np.put_along_axis(placed, order, in_order, axis=1)
    placed[np.isnan(best_first)] = np.nan
    ranks[ranked] = placed
    return ColumnStats(count, quartiles[0], quartiles[1], quartiles[2], ranks)


@dataclass(frozen=True)
class NeighbourStats:
    """Per LA and column: mean and count of the neighbours with a value, and the LA's place among them."""

    average: Floats
    count: Ints
    rank: Floats
    rank_of: Floats


def neighbour_stats(values: Floats, scores: Floats, neighbours: Ints) -> NeighbourStats:
    """Statistical-neighbour figures for every LA (row) and column.

    `neighbours` is LAs x k row indices, padded with the index of an all-NaN row. The LA's place
    (`rank` of `rank_of`) is 1 + the neighbours with a better score, of 1 + the neighbours with a value;
    it is NaN when the LA has no score or no neighbour has a value, as there is nothing to compare.
    The loop is over the k neighbour slots (ten), each step covering every LA and column.
    """
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    total = np.zeros(values.shape)
    count = np.zeros(values.shape, dtype=np.int32)
    better = np.zeros(values.shape, dtype=np.int32)
    for slot in neighbours.T:
        total += filled[slot]
        count += present[slot]
        better += scores[slot] > scores
    with np.errstate(invalid="ignore", divide="ignore"):
        average = np.where(count > 0, total / count, np.nan)
    comparable = ~np.isnan(scores) & (count > 0)
    rank = np.where(comparable, better + 1.0, np.nan)
    rank_of = np.where(comparable, count + 1.0, np.nan)
    return NeighbourStats(average, count, rank, rank_of)


def previous_columns(indicator: Ints, year: Ints, tiebreak: Ints) -> Ints:
    """For each column, the column of the same indicator's previous period (by year), or -1."""
    order = np.lexsort((tiebreak, year, indicator))
    previous = np.full(indicator.shape, -1, dtype=np.int64)
    same = indicator[order][1:] == indicator[order][:-1]
    previous[order[1:]] = np.where(same, order[:-1], -1)
    return previous
