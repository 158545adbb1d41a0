"""Benchmarks follow LAIT's methods; figures agree with values computed independently from the raw CSV."""

import statistics
from collections.abc import Mapping

import polars as pl
import pytest

from sendhub.dashboard.national.catalogue import Indicator, Polarity
from sendhub.dashboard.national.readers import OBSERVATION_SCHEMA
from sendhub.dashboard.rules.benchmarks.compute import benchmark_for, compute_benchmarks, plain_group_by
from sendhub.dashboard.tests.conftest_data import benchmarks, raw_rows


def make_indicator(name: str, polarity: Polarity, quartiles: bool = True) -> Indicator:
    return Indicator(
        name=name,
        label=name,
        topic="t",
        unit="percent",
        polarity=polarity,
        year_type="Calendar year",
        source="ees",
        file="f.csv",
        quartiles=quartiles,
    )


def obs(indicator: str, period: str, values: Mapping[str, float | None], england: float = 50.0) -> list[dict]:
    rows = [
        {
            "indicator": indicator,
            "time_period": period,
            "year": int(period),
            "level": "la",
            "area_code": code,
            "area_name": f"LA {code}",
            "value": v,
            "marker": None if v is not None else "c",
            "numerator": None,
            "denominator": None,
        }
        for code, v in values.items()
    ]
    rows.append(
        {
            "indicator": indicator,
            "time_period": period,
            "year": int(period),
            "level": "england",
            "area_code": "E92000001",
            "area_name": "England",
            "value": england,
            "marker": None,
            "numerator": None,
            "denominator": None,
        }
    )
    return rows


NEIGHBOURS = pl.DataFrame(
    {"la_code": ["1", "1", "1"], "neighbour_la_code": ["2", "3", "9"], "neighbour_rank": [1, 2, 3]},
    schema={"la_code": pl.String, "neighbour_la_code": pl.String, "neighbour_rank": pl.Int32},
)


def run(rows: list[dict], *indicators: Indicator) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=OBSERVATION_SCHEMA)
    return compute_benchmarks(frame, NEIGHBOURS, {i.name: i for i in indicators})


def row(table: pl.DataFrame, la: str, period: str = "2023", indicator: str = "hi") -> dict:
    return benchmark_for(table, la_code=la, indicator=indicator, time_period=period)  # type: ignore[return-value]


VALUES = {"1": 80.0, "2": 90.0, "3": 80.0, "4": 70.0, "5": 60.0, "9": None}


def test_high_polarity_rank_ties_share_the_better_rank():
    table = run(obs("hi", "2023", VALUES), make_indicator("hi", "High"))
    assert [row(table, c)["rank"] for c in "12345"] == [2, 1, 2, 4, 5]
    assert row(table, "9")["rank"] is None
    assert row(table, "1")["rank_of"] == 5  # LAs with a value


def test_low_polarity_ranks_smallest_first():
    table = run(obs("lo", "2023", VALUES), make_indicator("lo", "Low"))
    assert [row(table, c, indicator="lo")["rank"] for c in "12345"] == [3, 5, 3, 2, 1]


def test_quartile_bands_use_r_type_7_quantiles():
    # R: quantile(c(80, 90, 80, 70, 60)) gives 70, 80, 80 for 25%, 50%, 75%
    table = run(obs("hi", "2023", VALUES), make_indicator("hi", "High"))
    first = row(table, "1")
    assert (first["q1"], first["q2"], first["q3"]) == (70.0, 80.0, 80.0)
    # High polarity: <= Q1 → D, <= Q2 → C, <= Q3 → B, > Q3 → A
    assert [row(table, c)["quartile"] for c in "12345"] == ["C", "A", "C", "D", "D"]
    low = run(obs("lo", "2023", VALUES), make_indicator("lo", "Low"))
    assert [row(low, c, indicator="lo")["quartile"] for c in "12345"] == ["B", "D", "B", "A", "A"]


def test_interpolated_quartiles():
    values = {str(i): float(v) for i, v in enumerate([1, 2, 3, 4, 10], start=1)}
    table = run(obs("hi", "2023", values), make_indicator("hi", "High"))
    first = row(table, "1")
    assert (first["q1"], first["q2"], first["q3"]) == (2.0, 3.0, 4.0)
    values = {str(i): float(v) for i, v in enumerate([1, 2, 3, 4], start=1)}
    first = row(run(obs("hi", "2023", values), make_indicator("hi", "High")), "1")
    assert (first["q1"], first["q2"], first["q3"]) == (1.75, 2.5, 3.25)


def test_no_polarity_means_no_rank_and_no_band():
    table = run(obs("n", "2023", VALUES), make_indicator("n", None))
    first = row(table, "1", indicator="n")
    assert first["rank"] is None and first["quartile"] is None and first["sn_rank"] is None
    assert first["rank_of"] == 5


def test_no_quartile_flag_drops_the_band_but_keeps_the_rank():
    table = run(obs("hi", "2023", VALUES), make_indicator("hi", "High", quartiles=False))
    assert row(table, "1")["quartile"] is None and row(table, "1")["rank"] == 2


def test_statistical_neighbour_average_ignores_missing_neighbours():
    table = run(obs("hi", "2023", VALUES), make_indicator("hi", "High"))
    first = row(table, "1")
    assert first["sn_average"] == 85.0  # neighbours 2 and 3; 9 is suppressed
    assert first["sn_count"] == 2
    assert (first["sn_rank"], first["sn_rank_of"]) == (2, 3)  # behind 90, level with 80
    assert row(table, "4")["sn_count"] == 0 and row(table, "4")["sn_average"] is None


def test_england_and_previous_year():
    rows = obs("hi", "2022", {"1": 70.0, "2": 50.0}, england=40.0) + obs("hi", "2023", VALUES)
    table = run(rows, make_indicator("hi", "High"))
    first = row(table, "1")
    assert first["england"] == 50.0
    assert first["previous_time_period"] == "2022"
    assert first["previous_value"] == 70.0 and first["change"] == 10.0
    assert row(table, "3")["previous_value"] is None  # no value for LA 3 in 2022
    assert row(table, "1", "2022")["previous_time_period"] is None


# Real data, checked against the raw CSV read with the csv module -----------------------------------------


def raw_timeliness(column: str, period: str) -> dict[str, float]:
    values = {}
    for r in raw_rows("dfe-ehcp/data/timeliness_20_week.csv"):
        if (r["time_period"], r["geographic_level"], r["breakdown_topic"]) == (
            period,
            "Local authority",
            "All EHC plans issued",
        ):
            try:
                values[r["old_la_code"]] = float(r[column])
            except ValueError:
                continue  # suppressed
    return values


@pytest.mark.parametrize(
    ("indicator", "column"),
    [
        ("ehcp_20_week_incl_exceptions", "pc_plans_issued_within_20_weeks"),
        ("ehcp_20_week_excl_exceptions", "PC_plans_issued_20_weeks_ex"),
    ],
)
@pytest.mark.parametrize("period", ["2019", "2023", "2024"])
def test_camden_benchmarks_match_an_independent_calculation(indicator, column, period):
    values = raw_timeliness(column, period)
    neighbours = [
        r["neighbour_la_code"] for r in raw_rows("lait/statistical_neighbours.csv") if r["la_code"] == "202"
    ]
    with_value = [values[n] for n in neighbours if n in values]
    got = benchmark_for(benchmarks(), la_code="202", indicator=indicator, time_period=period)
    assert got is not None
    assert got["value"] == values["202"]
    assert got["rank"] == 1 + sum(v > values["202"] for v in values.values())
    assert got["rank_of"] == len(values)
    assert got["sn_count"] == len(with_value)
    assert got["sn_average"] == pytest.approx(statistics.mean(with_value))
    q1, q2, q3 = statistics.quantiles(values.values(), n=4, method="inclusive")  # = R type 7
    assert (got["q1"], got["q2"], got["q3"]) == pytest.approx((q1, q2, q3))


def test_camden_2023_headline():
    got = benchmark_for(
        benchmarks(), la_code="202", indicator="ehcp_20_week_incl_exceptions", time_period="2023"
    )
    assert got is not None
    assert (got["value"], got["england"], got["quartile"], got["polarity"]) == (96.7, 49.1, "A", "High")
    assert got["previous_value"] == 96.9


def test_year_argument_accepts_the_end_year_of_an_academic_period():
    got = benchmark_for(benchmarks(), la_code="202", indicator="ehcp_caseload", time_period="2025")
    assert got is not None and got["time_period"] == "202425"
    again = benchmark_for(benchmarks(), la_code="202", indicator="ehcp_caseload", time_period="202425")
    assert again == got


def test_every_la_row_is_benchmarked_once():
    table = benchmarks()
    assert table.select(pl.struct("indicator", "time_period", "la_code").is_unique().all()).item()
    assert plain_group_by(pl.DataFrame(schema=OBSERVATION_SCHEMA)).height == 0


@pytest.mark.parametrize(
    ("value", "unit", "signed", "text"),
    [
        (96.72, "percent", False, "96.7%"),
        (1234.0, "count", False, "1,234"),
        (-0.456, "score", True, "-0.46"),
        (1234.4, "pounds", False, "£1,234"),
        (12.0, "pounds", True, "+£12"),
        (-12.0, "pounds", True, "-£12"),
    ],
)
def test_format_value(value, unit, signed, text):
    from sendhub.dashboard.rules.boards import format_value

    assert format_value(value, unit, signed=signed) == text
