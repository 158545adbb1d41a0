"""The vectorised benchmarks agree with a plain, row-by-row reading of LAIT's method, edge cases included."""

import random
import statistics
from collections import defaultdict

import polars as pl
import pytest

from sendhub.dashboard.national.catalogue import Indicator, Polarity
from sendhub.dashboard.national.readers import OBSERVATION_SCHEMA
from sendhub.dashboard.rules.benchmarks.compute import compute_benchmarks

NEIGHBOUR_SCHEMA = {"la_code": pl.String, "neighbour_la_code": pl.String, "neighbour_rank": pl.Int32}


def indicator(name: str, polarity: Polarity, quartiles: bool = True) -> Indicator:
    return Indicator(
        name=name,
        label=name,
        topic="t",
        unit="percent",
        polarity=polarity,
        year_type="Academic year",
        source="lait",
        file="f",
        quartiles=quartiles,
    )


def observation(ind: str, period: str, level: str, code: str, value: float | None) -> dict:
    year = int(period[-2:]) + 2000 if len(period) == 6 else int(period)
    return {
        "indicator": ind,
        "time_period": period,
        "year": year,
        "level": level,
        "area_code": code,
        "area_name": f"Area {code}",
        "value": value,
        "marker": None if value is not None else "x",
        "numerator": None,
        "denominator": None,
    }


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """R type 7 quartiles; only called with at least one value."""
    if len(values) == 1:
        return (values[0], values[0], values[0])
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")  # = R type 7
    return (q1, q2, q3)


def reference(rows: list[dict], pairs: list[tuple[str, str]], indicators: dict[str, Indicator]) -> dict:
    """LAIT's method read literally: one LA row at a time, with plain Python."""
    cell: dict[tuple[str, str], dict[str, float | None]] = defaultdict(dict)
    england, periods = {}, defaultdict(set)
    for r in rows:
        if r["indicator"] not in indicators:
            continue
        if r["level"] == "england":
            england[r["indicator"], r["time_period"]] = r["value"]
        elif r["level"] == "la":
            cell[r["indicator"], r["time_period"]][r["area_code"]] = r["value"]
            periods[r["indicator"]].add((r["year"], r["time_period"]))
    neighbours = defaultdict(list)
    for la, nb in pairs:
        neighbours[la].append(nb)
    result = {}
    for (ind, period), column in cell.items():
        meta = indicators[ind]
        known = [v for v in column.values() if v is not None]
        q = quartiles(known) if known else (None, None, None)
        ordered = sorted(periods[ind])
        place = ordered.index(next(p for p in ordered if p[1] == period))
        previous = ordered[place - 1][1] if place else None
        for la, v in column.items():
            better = (lambda w, v=v: w > v) if meta.polarity == "High" else (lambda w, v=v: w < v)
            rank = None if v is None or meta.polarity is None else 1 + sum(better(w) for w in known)
            theirs = [x for nb in neighbours[la] if (x := column.get(nb)) is not None]
            band = None
            if v is not None and meta.polarity and meta.quartiles and known:
                q1, q2, q3 = quartiles(known)
                low_band = "A" if v <= q1 else "B" if v <= q2 else "C" if v <= q3 else "D"
                band = (
                    low_band if meta.polarity == "Low" else dict(zip("ABCD", "DCBA", strict=True))[low_band]
                )
            before = cell[ind, previous].get(la) if previous else None
            result[ind, period, la] = {
                "value": v,
                "england": england.get((ind, period)),
                "rank": rank,
                "rank_of": len(known),
                "q1": q[0],
                "q2": q[1],
                "q3": q[2],
                "quartile": band,
                "sn_average": statistics.mean(theirs) if theirs else None,
                "sn_count": len(theirs),
                "sn_rank": 1 + sum(better(w) for w in theirs) if rank and theirs else None,
                "sn_rank_of": 1 + len(theirs) if rank and theirs else None,
                "previous_time_period": previous,
                "previous_value": before,
                "change": v - before if v is not None and before is not None else None,
                "polarity": meta.polarity,
            }
    return result


def random_case(seed: int) -> tuple[list[dict], list[tuple[str, str]], dict[str, Indicator]]:
    rng = random.Random(seed)
    las = [str(300 + i) for i in range(rng.randint(3, 30))]
    indicators = {
        "up": indicator("up", "High"),
        "down": indicator("down", "Low"),
        "none": indicator("none", None),
        "unbanded": indicator("unbanded", "High", quartiles=False),
    }
    rows = []
    for name in [*indicators, "not_in_catalogue"]:
        for period in rng.sample(
            ["2016", "2017", "2019", "2020", "2023", "202324", "202425"], k=rng.randint(1, 5)
        ):
            for la in las:
                if rng.random() < 0.85:  # some LAs have no row at all
                    value = (
                        None if rng.random() < 0.15 else rng.choice([1.0, 2.5, 2.5, 3.0, 7.25, 10.0, 99.9])
                    )
                    rows.append(observation(name, period, "la", la, value))
            if rng.random() < 0.8:
                rows.append(observation(name, period, "england", "E92000001", rng.uniform(0, 100)))
            rows.append(observation(name, period, "region", "E12000007", 1.0))
    rng.shuffle(rows)
    pairs = [(la, nb) for la in las for nb in rng.sample([*las, "999"], k=min(4, len(las))) if nb != la]
    pairs = [p for p in pairs if p[0] != las[0]]  # the first LA has no neighbours
    return rows, pairs, indicators


@pytest.mark.parametrize("seed", range(12))
def test_every_figure_matches_a_row_by_row_reading_of_the_method(seed):
    rows, pairs, indicators = random_case(seed)
    neighbours = pl.DataFrame(
        {
            "la_code": [a for a, _ in pairs],
            "neighbour_la_code": [b for _, b in pairs],
            "neighbour_rank": list(range(len(pairs))),
        },
        schema=NEIGHBOUR_SCHEMA,
    )
    table = compute_benchmarks(pl.DataFrame(rows, schema=OBSERVATION_SCHEMA), neighbours, indicators)
    expected = reference(rows, pairs, indicators)
    assert table.height == len(expected)
    for got in table.iter_rows(named=True):
        want = expected[got["indicator"], got["time_period"], got["la_code"]]
        for field, value in want.items():
            assert got[field] == pytest.approx(value), (seed, field, got, want)


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=OBSERVATION_SCHEMA)


def neighbours_of(la: str, *codes: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "la_code": [la] * len(codes),
            "neighbour_la_code": list(codes),
            "neighbour_rank": list(range(1, len(codes) + 1)),
        },
        schema=NEIGHBOUR_SCHEMA,
    )


def test_no_neighbour_with_a_value_leaves_the_neighbour_figures_empty():
    rows = [observation("up", "2023", "la", c, v) for c, v in [("1", 5.0), ("2", None), ("3", 4.0)]]
    table = compute_benchmarks(frame(rows), neighbours_of("1", "2", "8"), {"up": indicator("up", "High")})
    first = table.filter(pl.col("la_code") == "1").row(0, named=True)
    assert (first["sn_count"], first["sn_average"], first["sn_rank"], first["sn_rank_of"]) == (
        0,
        None,
        None,
        None,
    )
    assert first["rank"] == 1  # the national rank is unaffected


def test_neighbour_ties_share_the_better_place():
    rows = [
        observation("down", "2023", "la", c, v) for c, v in [("1", 5.0), ("2", 5.0), ("3", 4.0), ("4", 9.0)]
    ]
    table = compute_benchmarks(
        frame(rows), neighbours_of("1", "2", "3", "4"), {"down": indicator("down", "Low")}
    )
    first = table.filter(pl.col("la_code") == "1").row(0, named=True)
    assert (first["rank"], first["sn_rank"], first["sn_rank_of"]) == (2, 2, 4)
    assert first["sn_average"] == 6.0


def test_previous_period_follows_the_year_and_skips_an_la_gap():
    rows = [
        observation("up", "202425", "la", "1", 3.0),
        observation("up", "202122", "la", "1", 1.0),
        observation("up", "202223", "la", "2", 8.0),  # LA 1 has no row in 2022/23
    ]
    table = compute_benchmarks(frame(rows), neighbours_of("1"), {"up": indicator("up", "High")})
    latest = table.filter(pl.col("time_period") == "202425").row(0, named=True)
    assert latest["previous_time_period"] == "202223"  # the indicator's previous period, as LAIT
    assert latest["previous_value"] is None and latest["change"] is None


def test_rows_of_unknown_indicators_and_other_levels_are_left_out_and_order_is_kept():
    rows = [
        observation("up", "2023", "la", "2", 1.0),
        observation("other", "2023", "la", "2", 1.0),
        observation("up", "2023", "region", "E1", 1.0),
        observation("up", "2023", "la", "1", 2.0),
        observation("up", "2024", "england", "E92000001", 7.0),  # a period with no LA rows
    ]
    table = compute_benchmarks(frame(rows), neighbours_of("1"), {"up": indicator("up", "High")})
    assert table.get_column("la_code").to_list() == ["2", "1"]
    assert table.get_column("england").to_list() == [None, None]


def by_key(table: pl.DataFrame) -> dict:
    return {(r["indicator"], r["time_period"], r["la_code"]): r for r in table.iter_rows(named=True)}


@pytest.mark.parametrize("seed", range(4))
def test_rows_in_any_order_give_the_same_figures(seed):
    """The readers write each (indicator, period) as one run of rows; split and shuffled runs must give the
    same columns, so the figures cannot depend on the order."""
    rows, pairs, indicators = random_case(seed)
    neighbours = pl.DataFrame(
        {
            "la_code": [a for a, _ in pairs],
            "neighbour_la_code": [b for _, b in pairs],
            "neighbour_rank": list(range(len(pairs))),
        },
        schema=NEIGHBOUR_SCHEMA,
    )
    in_runs = sorted(rows, key=lambda r: (r["indicator"], r["time_period"], r["area_code"]))
    split_runs = in_runs[1::2] + in_runs[::2]  # every run cut in two, far apart
    tables = [
        compute_benchmarks(frame(order), neighbours, indicators) for order in (rows, in_runs, split_runs)
    ]
    assert by_key(tables[0]) == by_key(tables[1]) == by_key(tables[2])
    assert [r["area_code"] for r in split_runs if r["level"] == "la" and r["indicator"] in indicators] == (
        tables[2].get_column("la_code").to_list()
    )


def test_no_la_rows_give_an_empty_table_with_every_column():
    england_only = [observation("up", "2023", "england", "E92000001", 3.0)]
    unknown_only = [observation("other", "2023", "la", "1", 3.0)]
    for rows in ([], england_only, unknown_only):
        table = compute_benchmarks(frame(rows), neighbours_of("1"), {"up": indicator("up", "High")})
        assert table.height == 0 and table.columns[-1] == "polarity" and len(table.columns) == 24
