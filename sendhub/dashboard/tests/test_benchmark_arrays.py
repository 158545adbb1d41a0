"""The compiled per-row pass, split between threads, gives the same figures as one thread, and fails loudly."""

import numpy as np
import pytest

from sendhub.dashboard.rules.benchmarks import arrays, kernel

Grid = tuple[np.ndarray, arrays.Columns, np.ndarray, np.ndarray, np.ndarray]


def random_grid(seed: int, n_cols: int = 40, n_las: int = 60) -> Grid:
    rng = np.random.default_rng(seed)
    values = rng.choice([1.0, 2.5, 2.5, 7.0, 10.0, np.nan], size=(n_cols, n_las + 1))
    values[:, -1] = np.nan
    columns = arrays.Columns(
        sign=rng.choice([1.0, -1.0, np.nan], size=n_cols),
        banded=rng.random(n_cols) < 0.8,
        england=rng.random(n_cols),
        previous=np.where(np.arange(n_cols) % 5 == 0, -1, np.arange(n_cols) - 1),
    )
    neighbours = rng.integers(0, n_las + 1, size=(n_las + 1, 10))
    row = np.tile(np.arange(n_las), n_cols)
    col = np.repeat(np.arange(n_cols), n_las)
    order = rng.permutation(row.size)
    return values, columns, neighbours, row[order], col[order]


@pytest.mark.parametrize("threads", [2, 3, 7])
def test_rows_split_between_threads_give_the_figures_of_one_thread(threads):
    grid = random_grid(threads)
    one = arrays.row_figures(*grid, threads=1)
    many = arrays.row_figures(*grid, threads=threads)
    np.testing.assert_array_equal(one.floats, many.floats)
    np.testing.assert_array_equal(one.ints, many.ints)
    np.testing.assert_array_equal(one.bands, many.bands)


def test_each_row_is_written_once_by_some_thread():
    values, columns, neighbours, row, col = random_grid(1)
    figures = arrays.row_figures(values, columns, neighbours, row, col, threads=3)
    assert (figures.ints[4] == np.count_nonzero(~np.isnan(values[:, :-1]), axis=1)[col]).all()  # rank_of
    assert set(np.unique(figures.bands)) <= {0, 1, 2, 3, kernel.NO_BAND}


def test_a_failure_in_a_worker_thread_is_raised_in_the_caller(monkeypatch):
    compiled = kernel.row_figures

    def failing_after_the_first_share(*args):
        if args[10] > 0:  # start: only a worker thread's share
            raise RuntimeError("share failed")
        compiled(*args)

    monkeypatch.setattr(kernel, "row_figures", failing_after_the_first_share)
    with pytest.raises(RuntimeError, match="share failed"):
        arrays.row_figures(*random_grid(2), threads=2)
