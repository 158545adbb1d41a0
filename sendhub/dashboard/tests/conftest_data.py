"""Shared helpers for the pure tests: where the data are, and an independent raw-CSV reader."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import polars as pl

from sendhub.conftest import SHARED_DIR
from sendhub.dashboard.national.readers import NationalData, load_national
from sendhub.dashboard.rules.benchmarks.compute import compute_benchmarks

PRODUCT_DATA = Path(__file__).resolve().parents[1] / "data"
SHARED_DATA = SHARED_DIR / "data"


def raw_rows(relative: str, root: Path = SHARED_DATA) -> list[dict[str, str]]:
    """Rows of a published CSV read with the csv module only: an independent check on the readers."""
    with open(root / relative, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def national() -> NationalData:
    return load_national(PRODUCT_DATA)


@cache
def benchmarks() -> pl.DataFrame:
    data = national()
    return compute_benchmarks(data.observations, data.neighbours, data.indicators)
