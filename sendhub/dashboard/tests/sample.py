"""A cut-down copy of the national data for tests: every catalogue indicator for Camden, its statistical
neighbours, a few others and the national rows. It loads in a second where the full files take 20."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.readers import read_csv_strings

PRODUCT_DATA = Path(__file__).resolve().parents[1] / "data"


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


def write_sample(root: Path) -> Path:
    """A cut-down copy of the shipped data (same layout, same published strings) that loads in a second."""
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
