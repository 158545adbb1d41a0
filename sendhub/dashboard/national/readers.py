"""Readers for the DfE files: EES EHC-plan statistics, the LAIT indicator file and statistical neighbours.

Every value is read as a string first and converted with :mod:`markers`, so suppression markers stay
missing-with-reason. Column names are stripped and lower-cased (DfE mixes ``pc_…`` and ``PC_…``) and a
UTF-8 byte-order mark is removed. The output of every reader is one long table with the columns of
:data:`OBSERVATION_SCHEMA`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.markers import marker_expr, value_expr
from sendhub.dashboard.national.reorganisation import drop_placeholder_zeros

ENGLAND = "E92000001"

OBSERVATION_SCHEMA: dict[str, pl.DataType] = {
    "indicator": pl.String(),
    "time_period": pl.String(),
    "year": pl.Int32(),
    "level": pl.String(),
    "area_code": pl.String(),
    "area_name": pl.String(),
    "value": pl.Float64(),
    "marker": pl.String(),
    "numerator": pl.Float64(),
    "denominator": pl.Float64(),
}
KEY = ["indicator", "time_period", "level", "area_code"]


class DataError(ValueError):
    """A national data file is missing or not in the layout the catalogue expects."""


@dataclass(frozen=True)
class NationalData:
    observations: pl.DataFrame
    neighbours: pl.DataFrame
    indicators: dict[str, cat.Indicator]


def locate(root: Path, relative: str) -> Path:
    path = Path(root) / relative
    if not path.is_file():
        raise DataError(f"{relative} not found under {root}")
    return path


def _unique_names(names: Iterable[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for raw in names:
        name = raw.strip().lower()
        if name in seen:  # annual_reviews.csv repeats review_meeting_prior_24
            seen[name] += 1
            name = f"{name}__{seen[name]}"
        else:
            seen[name] = 0
        result.append(name)
    return result


def read_csv_strings(path: Path) -> pl.DataFrame:
    """Read a CSV with every column as a string, names normalised, BOM removed."""
    text = path.read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)), None)
    if not header:
        raise DataError(f"{path.name} is empty")
    return pl.read_csv(
        io.StringIO(text).read().encode(),
        has_header=False,
        skip_rows=1,
        new_columns=_unique_names(header),
        infer_schema=False,
    )


def year_of(time_period: str) -> int:
    """Sortable year of a period: 2023 → 2023, 202324 → 2024 (the January or summer it ends in).

    A LAIT mark after the period ("2025 (prov)") is not part of it."""
    time_period = time_period.split(" (", 1)[0].strip()
    digits = re.findall(r"\d{2,4}", time_period)
    if not digits:
        raise DataError(f"Unrecognised time period {time_period!r}")
    first = digits[0]
    if len(first) == 4 and len(time_period) == 6 and time_period.isdigit():
        return int(time_period[:4]) + 1
    last = digits[-1]
    if len(last) == 2:
        last = first[:2] + last
    return int(last)


def _level_expr() -> pl.Expr:
    level = pl.col("geographic_level").str.strip_chars().str.to_lowercase()
    return (
        pl.when(level == "national")
        .then(pl.lit("england"))
        .when(level == "regional")
        .then(pl.lit("region"))
        .when(level == "local authority")
        .then(pl.lit("la"))
    )


def _optional_number(frame: pl.DataFrame, column: str) -> pl.Expr:
    if column and column.lower() in frame.columns:
        return value_expr(column.lower())
    return pl.lit(None, dtype=pl.Float64)


def _ees_indicator(frame: pl.DataFrame, indicator: cat.Indicator) -> pl.DataFrame:
    column = indicator.value_column.lower()
    required = {column, "time_period", "geographic_level", "old_la_code"} | {c for c, _ in indicator.filters}
    missing = sorted(required - set(frame.columns))
    if missing:
        raise DataError(f"{indicator.file}: column(s) {', '.join(missing)} missing for {indicator.name}")
    rows = frame
    for filter_column, wanted in indicator.filters:
        rows = rows.filter(pl.col(filter_column).str.strip_chars().str.to_lowercase() == wanted.lower())
    level = _level_expr()
    out = rows.with_columns(level.alias("level")).filter(pl.col("level").is_not_null())
    region = pl.col("region_code") if "region_code" in frame.columns else pl.lit("")
    return out.select(
        pl.lit(indicator.name).alias("indicator"),
        pl.col("time_period").str.strip_chars().alias("time_period"),
        pl.col("time_period").str.strip_chars().map_elements(year_of, return_dtype=pl.Int32).alias("year"),
        pl.col("level"),
        pl.when(pl.col("level") == "la")
        .then(pl.col("old_la_code").str.strip_chars())
        .when(pl.col("level") == "region")
        .then(region.str.strip_chars())
        .otherwise(pl.lit(ENGLAND))
        .alias("area_code"),
        pl.when(pl.col("level") == "la")
        .then(pl.col("la_name"))
        .when(pl.col("level") == "region")
        .then(pl.col("region_name") if "region_name" in frame.columns else pl.lit(""))
        .otherwise(pl.lit("England"))
        .alias("area_name"),
        value_expr(column).alias("value"),
        marker_expr(column).alias("marker"),
        _optional_number(frame, indicator.numerator).alias("numerator"),
        _optional_number(frame, indicator.denominator).alias("denominator"),
    )


def read_ees(root: Path, indicators: Iterable[cat.Indicator]) -> pl.DataFrame:
    by_file: dict[str, list[cat.Indicator]] = {}
    for indicator in indicators:
        by_file.setdefault(indicator.file, []).append(indicator)
    parts: list[pl.DataFrame] = []
    for file, group in sorted(by_file.items()):
        frame = read_csv_strings(locate(root, file))
        parts.extend(_ees_indicator(frame, indicator) for indicator in group)
    return _checked(pl.concat(parts) if parts else pl.DataFrame(schema=OBSERVATION_SCHEMA))


def read_lait_dictionary(root: Path) -> dict[str, dict[str, str]]:
    frame = read_csv_strings(locate(root, cat.LAIT_DICTIONARY))
    entries: dict[str, dict[str, str]] = {}
    for row in frame.iter_rows(named=True):
        code = (row.get("measure_short") or "").strip()
        if code and code not in entries:  # LAIT lists some measures under two topics
            entries[code] = {k: (v or "") for k, v in row.items()}
    return entries


# LAIT "Years" suffixes, best first: a final figure beats a revised one, which beats provisional.
_SUFFIX_PRIORITY = {"final": 0, "rev": 1, "": 2, "ot": 2, "prov": 3}


def normalise_lait_period(years: str) -> tuple[str, int]:
    """LAIT ``Years`` → (EES-style time_period, priority). '2022-23' and '2022/23' → '202223'."""
    text = years.strip()
    suffix_match = re.search(r"\(([^)]*)\)\s*$", text)
    suffix = suffix_match.group(1).strip().lower() if suffix_match else ""
    core = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    academic = re.fullmatch(r"(\d{4})[-/](\d{2})", core)
    period = f"{academic.group(1)}{academic.group(2)}" if academic else core
    return period, _SUFFIX_PRIORITY.get(suffix, 2)


PROVISIONAL_SUFFIX = " (prov)"


def destination_period(period: str) -> str:
    """LAIT labels the KS4 destination measures by the year the cohort finished key stage 4; DfE labels them
    by the destination year that follows ("2020" → "202021", which the progress report writes "2021").

    Source: DfE "Key stage 4 destination measures" (`send-ap-dashboard/destinations_ks4/data-guidance.txt`:
    pupils who finished KS4 in one academic year, their destinations in the next); Camden's EHC plan figure
    that LAIT gives for 2020 (90.8%) is the progress report's 2021 (90.8%)."""
    if len(period) == 4 and period.isdigit():
        year = int(period)
        return f"{year}{(year + 1) % 100:02d}"
    return period


def read_lait(root: Path, indicators: Iterable[cat.Indicator]) -> pl.DataFrame:
    indicators = list(indicators)
    by_code = {i.lait_code: i.name for i in indicators}
    destinations = [i.name for i in indicators if i.period_rule == cat.DESTINATION_YEAR]
    raw = pl.read_parquet(locate(root, cat.LAIT_FILE))
    expected = {"Short Desc", "Years", "LA and Regions", "Values", "LA Number"}
    if not expected <= set(raw.columns):
        raise DataError(f"{cat.LAIT_FILE}: expected columns {sorted(expected)}")
    # A "Years" without a year cannot be placed (LAIT's file has "0" for CINPermExclusion): left out.
    raw = raw.filter(pl.col("Short Desc").is_in(list(by_code)) & pl.col("Years").str.contains(r"\d{4}"))
    periods = {y: normalise_lait_period(y) for y in raw["Years"].unique().to_list()}
    number = pl.col("LA Number").cast(pl.Int64)
    level = (
        pl.when(number == 970)
        .then(pl.lit("england"))
        .when(number >= 980)
        .then(pl.lit("region"))
        .otherwise(pl.lit("la"))
    )
    frame = raw.select(
        pl.col("Short Desc").replace_strict(by_code).alias("indicator"),
        pl.col("Years").replace_strict({y: p for y, (p, _) in periods.items()}).alias("time_period"),
        pl.col("Years").replace_strict({y: pr for y, (_, pr) in periods.items()}).alias("priority"),
        level.alias("level"),
        pl.when(number == 970).then(pl.lit(ENGLAND)).otherwise(number.cast(pl.String)).alias("area_code"),
        pl.col("LA and Regions").alias("area_name"),
        value_expr("Values").alias("value"),
        marker_expr("Values").alias("marker"),
    )
    if destinations:
        frame = frame.with_columns(
            pl.when(pl.col("indicator").is_in(destinations))
            .then(pl.col("time_period").map_elements(destination_period, return_dtype=pl.String))
            .otherwise(pl.col("time_period"))
            .alias("time_period")
        )
    frame = frame.sort("priority").unique(subset=KEY, keep="first", maintain_order=True)
    # A period whose best figure is LAIT's provisional one keeps the mark, so pages can say "(provisional)".
    provisional = (pl.col("priority") == _SUFFIX_PRIORITY["prov"]).any().over(["indicator", "time_period"])
    frame = frame.with_columns(
        pl.when(provisional)
        .then(pl.col("time_period") + PROVISIONAL_SUFFIX)
        .otherwise(pl.col("time_period"))
        .alias("time_period")
    ).drop("priority")
    years = {p: year_of(p) for p in frame["time_period"].unique().to_list()}
    frame = frame.with_columns(
        pl.col("time_period").replace_strict(years, return_dtype=pl.Int32).alias("year"),
        pl.lit(None, dtype=pl.Float64).alias("numerator"),
        pl.lit(None, dtype=pl.Float64).alias("denominator"),
    )
    return _checked(drop_placeholder_zeros(frame.select(list(OBSERVATION_SCHEMA))))


def read_neighbours(root: Path) -> pl.DataFrame:
    frame = read_csv_strings(locate(root, cat.NEIGHBOURS_FILE))
    needed = {"la_code", "neighbour_la_code", "neighbour_rank"}
    if not needed <= set(frame.columns):
        raise DataError(f"{cat.NEIGHBOURS_FILE}: expected columns {sorted(needed)}")
    return frame.select(
        pl.col("la_code").str.strip_chars(),
        pl.col("neighbour_la_code").str.strip_chars(),
        pl.col("neighbour_rank").str.strip_chars().cast(pl.Int32),
    )


def _checked(frame: pl.DataFrame) -> pl.DataFrame:
    frame = frame.select([pl.col(c).cast(t) for c, t in OBSERVATION_SCHEMA.items()])
    duplicates = frame.group_by(KEY).len().filter(pl.col("len") > 1)
    if duplicates.height:
        first = duplicates.row(0, named=True)
        raise DataError(
            f"{first['indicator']}: {first['len']} rows for {first['area_code']} in {first['time_period']};"
            " the catalogue's breakdown filter must select one row per area and period"
        )
    return frame


def lait_codes(root: Path) -> list[str]:
    """The measure codes in the LAIT file."""
    return (
        pl.read_parquet(locate(root, cat.LAIT_FILE), columns=["Short Desc"])["Short Desc"].unique().to_list()
    )


def load_national(
    root: Path, catalogue: tuple[cat.Indicator, ...] = cat.CATALOGUE, *, every_lait_measure: bool = True
) -> NationalData:
    """Read every catalogue indicator and the statistical neighbours from a folder in the shared layout.

    With `every_lait_measure`, every other measure in the LAIT file is read too (`lait_all`)."""
    from sendhub.dashboard.national.lait_all import other_measures

    root = Path(root)
    dictionary = read_lait_dictionary(root)
    if every_lait_measure:
        catalogue = catalogue + other_measures(dictionary, lait_codes(root))
    resolved = []
    for indicator in catalogue:
        if indicator.source == "lait":
            if indicator.lait_code not in dictionary:
                raise DataError(f"{indicator.lait_code} is not in LAIT's data dictionary")
            indicator = cat.resolve_lait(indicator, dictionary[indicator.lait_code])
        resolved.append(indicator)
    ees = read_ees(root, [i for i in resolved if i.source == "ees"])
    lait = read_lait(root, [i for i in resolved if i.source == "lait"])
    observations = pl.concat([ees, lait]).sort(["indicator", "year", "level", "area_code"])
    return NationalData(observations, read_neighbours(root), cat.by_name(tuple(resolved)))
