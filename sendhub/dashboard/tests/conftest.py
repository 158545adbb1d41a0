from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from sendhub.conftest import seeded_once
from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.readers import read_csv_strings
from sendhub.dashboard.tests.conftest_data import PRODUCT_DATA

# Camden, its ten statistical neighbours and a few others: enough for ranks, quartiles and neighbours.
SAMPLE_LAS = [
    "202",
    "206",
    "213",
    "205",
    "210",
    "208",
    "207",
    "209",
    "309",
    "204",
    "302",
    "201",
    "203",
    "301",
    "873",
    "935",
    "354",
    "370",
]


# LAIT measures outside the named catalogue kept in the sample (topic "Youth Offending").
SAMPLE_OTHER_LAIT = ["FirstYJS", "ReoffYO", "ReoffYO15-17", "YJS_Caution-Sentence10-17_YO"]


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cut-down copy of the shipped data (same layout, same published strings) that loads in a second."""
    root = tmp_path_factory.mktemp("national")
    for relative in {i.file for i in cat.CATALOGUE if i.source == "ees"}:
        frame = read_csv_strings(PRODUCT_DATA / relative)
        kept = frame.filter(
            (pl.col("geographic_level") != "Local authority") | pl.col("old_la_code").is_in(SAMPLE_LAS)
        )
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        kept.write_csv(root / relative)
    (root / "lait").mkdir()
    lait = pl.read_parquet(PRODUCT_DATA / cat.LAIT_FILE)
    numbers = [float(c) for c in SAMPLE_LAS]
    # The catalogue's named measures and one topic of the others (youth justice), not all 434: a load
    # per test module stays a few seconds. `test_lait_all.py` reads the whole file without the database.
    codes = [i.lait_code for i in cat.CATALOGUE if i.source == "lait"] + SAMPLE_OTHER_LAIT
    lait.filter(
        (pl.col("LA Number").is_in(numbers) | (pl.col("LA Number") >= 970))
        & pl.col("Short Desc").is_in(codes)
    ).write_parquet(root / cat.LAIT_FILE)
    for relative in (cat.LAIT_DICTIONARY, cat.NEIGHBOURS_FILE):
        (root / relative).write_bytes((PRODUCT_DATA / relative).read_bytes())
    return root


@pytest.fixture(scope="module")
def loaded_once(django_db_setup: Any, django_db_blocker: Any, sample_data: Path) -> Iterator[Any]:
    """The sample national data, loaded once per test module (7-13 s a load); rolled back after it."""
    from sendhub.dashboard.services import load_benchmarks

    with seeded_once(
        django_db_blocker,
        lambda: load_benchmarks(root=sample_data, by=None, now=datetime(2025, 7, 1, tzinfo=UTC)),
    ) as load:
        yield load


@pytest.fixture
def loaded(db: Any, loaded_once: Any) -> Any:
    """The national data loaded; what a test writes is rolled back to it."""
    return loaded_once


@pytest.fixture
def not_loaded(db: Any) -> None:
    """No national data, even in a module where `loaded` has already seeded it (rolled back after)."""
    from sendhub.dashboard.models import DataLoad, LocalAuthority, NationalIndicator, StatisticalNeighbour

    for model in (NationalIndicator, LocalAuthority, StatisticalNeighbour, DataLoad):
        model.objects.all().delete()
