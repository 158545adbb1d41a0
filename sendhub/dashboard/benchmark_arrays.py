"""The arithmetic behind `benchmarking.compute_benchmarks`, on dense numpy arrays.

The LA rows of every indicator and period fit one small matrix: about 160 LAs by 520 (indicator, period)
columns, nearly all filled. On that matrix each benchmark is one vectorised step over all columns at once:
one sort per column gives the ranks and quartiles, a gather of each neighbour's row gives the
statistical-neighbour figures, and a column shift gives the previous period. This replaced a join of every
LA with its ten neighbours for every period (800,000 rows), which took thirty times as long as a plain
group-by over the same data.

Missing values are NaN here; the caller turns them back into nulls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


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

    One stable sort of each column (NaN last) gives everything:

    * quartiles, R type 7: with n values sorted, the p-quantile is at 0-based position h = (n - 1) p,
      interpolated linearly between floor(h) and the next value;
    * ranks with ties sharing the better rank (R ``ties.method = "min"``): where smaller is better
      (`sign` -1) an LA's rank is 1 + the first position of its run of equal values; where larger is
      better (+1) it is n - the last position of the run.
    """
    rows = np.ascontiguousarray(values.T)
    order = np.argsort(rows, axis=1, kind="stable")
    ordered = np.take_along_axis(rows, order, axis=1)
    count = np.count_nonzero(~np.isnan(ordered), axis=1)
    last = np.maximum(count - 1, 0)
    quartiles = []
    for p in (0.25, 0.5, 0.75):
        h = last * p
        low = np.floor(h).astype(np.int64)
        lower = np.take_along_axis(ordered, low[:, None], axis=1)[:, 0]
        upper = np.take_along_axis(ordered, np.minimum(low + 1, last)[:, None], axis=1)[:, 0]
        quartiles.append(np.where(count > 0, lower + (h - low) * (upper - lower), np.nan))

    width = rows.shape[1]
    position = np.broadcast_to(np.arange(width), rows.shape)
    starts = np.ones(rows.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ends = np.ones(rows.shape, dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    run_first = np.maximum.accumulate(np.where(starts, position, 0), axis=1)
    run_last = np.minimum.accumulate(np.where(ends, position, width - 1)[:, ::-1], axis=1)[:, ::-1]
    in_order = np.where(sign[:, None] > 0, count[:, None] - run_last, run_first + 1).astype(np.float64)
    ranks = np.empty(rows.shape, dtype=np.float64)
    np.put_along_axis(ranks, order, in_order, axis=1)
    ranks[np.isnan(rows) | np.isnan(sign)[:, None]] = np.nan
    return ColumnStats(count.astype(np.int64), *quartiles, ranks)


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
    count = np.zeros(values.shape, dtype=np.int64)
    better = np.zeros(values.shape, dtype=np.int64)
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
