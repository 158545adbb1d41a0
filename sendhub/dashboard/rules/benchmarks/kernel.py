"""The inner loop of the benchmarks, compiled with numba: every figure of one LA row in one pass.

Why compiled: with numpy each figure was a separate pass over a 160 x 730 matrix (ten passes for the
neighbours alone, one sort per column for the ranks), each allocating its own temporary array, and then
gathered back onto the rows. Computing all of them for one row while its column is in cache, without
branches in the neighbour loop, took compute-all from 3x a plain polars group-by to within 2x
(docs/decisions/0005-numba-for-the-benchmark-kernel.md).

`row_figures` writes rows `start` to `stop` only, and holds no Python lock (``nogil``), so callers can split
the rows between threads. The method is LAIT's (see `compute`); `test_benchmark_method` checks every
figure against a row-by-row reading of it.
"""

from __future__ import annotations

import numpy as np
from numba import njit

FLOAT_FIGURES = ("england", "sn_average", "q1", "q2", "q3", "previous_value", "change")
INT_FIGURES = ("sn_count", "sn_rank", "sn_rank_of", "rank", "rank_of")
NO_RANK = -1  # in the int figures: the figure is empty
NO_BAND = 4  # in the bands: no quartile band


@njit(cache=True, nogil=True)
def row_figures(
    values,
    quartiles,
    count,
    england,
    sign,
    banded,
    neighbours,
    row,
    col,
    previous,
    start,
    stop,
    floats,
    ints,
    bands,
):
    """Fill `floats`, `ints` and `bands` for LA rows `start`..`stop`.

    `values` is columns x (LAs + 1), NaN where there is no value; the last LA is a spare all-NaN row that
    stands for a missing neighbour. Per column: `quartiles` (3 x columns), `count` of LAs with a value,
    `england`, `sign` (+1 High, -1 Low, NaN no polarity), `banded`, `previous` column or -1. `neighbours` is
    LAs x k rows padded with the spare row; `row` and `col` place each LA row in `values`.
    """
    n_las = values.shape[1] - 1
    for i in range(start, stop):
        r = row[i]
        c = col[i]
        v = values[c, r]
        s = sign[c]
        score = v * s  # "better" is always "larger score"; NaN compares false
        total = 0.0
        found = 0
        better = 0
        for k in range(neighbours.shape[1]):  # branch-free: neighbours with and without values mix
            x = values[c, neighbours[r, k]]
            present = x == x
            total += x if present else 0.0
            found += present
            better += x * s > score
        comparable = score == score and found > 0
        q1 = quartiles[0, c]
        q2 = quartiles[1, c]
        q3 = quartiles[2, c]
        p = previous[c]
        before = values[p, r] if p >= 0 else np.nan
        floats[0, i] = england[c]
        floats[1, i] = total / found if found > 0 else np.nan
        floats[2, i] = q1
        floats[3, i] = q2
        floats[4, i] = q3
        floats[5, i] = before
        floats[6, i] = v - before
        ints[0, i] = found
        ints[1, i] = better + 1 if comparable else NO_RANK
        ints[2, i] = found + 1 if comparable else NO_RANK
        ints[4, i] = count[c]
        if score == score:
            above = 0  # 1 + the LAs with a better value: ties share the better rank
            for j in range(n_las):
                above += values[c, j] * s > score
            ints[3, i] = above + 1
        else:
            ints[3, i] = NO_RANK
        if banded[c] and v == v:
            band = (v > q1) + (v > q2) + (v > q3)  # 0: at or below Q1
            bands[i] = 3 - band if s > 0 else band  # A is always best
        else:
            bands[i] = NO_BAND
