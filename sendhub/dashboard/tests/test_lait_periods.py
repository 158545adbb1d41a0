"""LAIT's figures as DfE means them (issue #22): placeholder zeros of reorganised authorities are missing,
provisional periods say so, KS4 destinations carry DfE's destination year, and the 16-17 participation
figure LAIT has is the EHC plan one."""

from __future__ import annotations

import polars as pl
import pytest
from django.urls import reverse

from sendhub.accounts.models import Role
from sendhub.dashboard.national.readers import OBSERVATION_SCHEMA
from sendhub.dashboard.national.reorganisation import drop_placeholder_zeros
from sendhub.dashboard.rules.boards import build_board, format_value, period_label
from sendhub.dashboard.tests.conftest_data import benchmarks, national


def _frame(rows: list[tuple[str, str, int, float | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "indicator": indicator,
                "time_period": str(year),
                "year": year,
                "level": "la",
                "area_code": code,
                "area_name": code,
                "value": value,
                "marker": None,
                "numerator": None,
                "denominator": None,
            }
            for indicator, code, year, value in rows
        ],
        schema=OBSERVATION_SCHEMA,
    )


def test_placeholder_zeros_become_missing_and_real_zeros_stay():
    frame = _frame(
        [
            ("a", "839", 2017, 0.0),  # BCP before it existed
            ("a", "839", 2021, 0.0),  # BCP, nobody else has a zero: a placeholder
            ("a", "202", 2021, 55.0),
            ("b", "839", 2021, 0.0),  # BCP with a zero many LAs share: a real zero
            ("b", "202", 2021, 0.0),
            ("a", "909", 2024, 0.0),  # Cumbria after it was abolished
            ("a", "836", 2022, 0.0),  # Poole (Pre LG) after it was abolished
            ("a", "942", 2022, 0.0),  # Cumberland before it existed
            ("a", "202", 2017, 0.0),  # an authority never reorganised keeps its zero
            ("a", "839", 2022, 61.0),  # a real figure is never touched
        ]
    )
    out = drop_placeholder_zeros(frame)
    assert out["value"].to_list() == [None, None, 55.0, 0.0, 0.0, None, None, None, 0.0, 61.0]
    assert out["marker"].to_list() == [
        "reorg",
        "reorg",
        None,
        None,
        None,
        "reorg",
        "reorg",
        "reorg",
        None,
        None,
    ]


def test_shipped_lait_placeholders_are_not_ranked():
    obs = national().observations
    bcp = obs.filter(
        (pl.col("indicator") == "level2_at_19_sen_support")
        & (pl.col("area_code") == "839")
        & (pl.col("year") <= 2021)
    )
    assert bcp.height >= 5
    assert bcp["value"].null_count() == bcp.height
    assert set(bcp["marker"].to_list()) == {"reorg"}
    poole = obs.filter(
        (pl.col("area_code") == "836") & (pl.col("year") >= 2022) & (pl.col("marker") == "reorg")
    )
    assert poole.height > 0
    cumbria = obs.filter(
        (pl.col("indicator") == "ehcp_ceased_plans")
        & (pl.col("area_code") == "909")
        & (pl.col("year") == 2024)
    )
    assert cumbria["value"].to_list() == [None]
    table = benchmarks()
    ranked = table.filter(
        (pl.col("indicator") == "level2_at_19_sen_support")
        & (pl.col("la_code") == "839")
        & (pl.col("year") == 2020)
    )
    assert ranked["rank"].to_list() == [None] and ranked["quartile"].to_list() in ([None], [""])
    # No LA's figure that year is a zero any more, and every LA with a figure is ranked among the others.
    year = table.filter((pl.col("indicator") == "level2_at_19_sen_support") & (pl.col("year") == 2020))
    assert year.filter(pl.col("value") == 0).height == 0
    with_value = year.filter(pl.col("value").is_not_null())
    assert set(with_value["rank_of"].to_list()) == {with_value.height}


def test_reorganised_cell_reads_as_words_with_a_note():
    assert format_value(None, "percent", "reorg") == "no figure (reorganised)"
    table = build_board(
        key="k",
        title="T",
        la_code="839",
        la_name="Bournemouth, Christchurch and Poole",
        indicators=[{"name": "i", "label": "I", "unit": "percent", "polarity": "High"}],
        history=[
            {
                "indicator": "i",
                "year": 2020,
                "time_period": "2020",
                "value": None,
                "marker": "reorg",
                "sn_average": None,
                "sn_rank": None,
                "sn_rank_of": None,
                "rank": None,
                "rank_of": 0,
                "quartile": "",
                "previous_value": None,
            }
        ],
        england=[],
    )
    assert table.as_rows()[0][1] == "no figure (reorganised)"
    assert any("reorganised" in note and "not ranked" in note for note in table.footnotes())


def test_provisional_period_is_kept_and_labelled():
    phonics = national().observations.filter(
        (pl.col("indicator") == "phonics_ehcp") & (pl.col("area_code") == "202")
    )
    periods = phonics["time_period"].to_list()
    assert "2025 (prov)" in periods and "2025" not in periods
    assert phonics.filter(pl.col("time_period") == "2025 (prov)")["year"].to_list() == [2025]
    assert period_label("2025 (prov)") == "2025 (provisional)"


def test_ks4_destinations_carry_dfes_destination_year():
    """LAIT's 2020 is the cohort that left KS4 in 2019/20: DfE's 2020/21 destinations, the report's 2021."""
    rows = national().observations.filter(
        (pl.col("indicator") == "ks4_destination_sustained_ehcp") & (pl.col("area_code") == "202")
    )
    by_period = dict(zip(rows["time_period"].to_list(), rows["value"].to_list(), strict=True))
    assert by_period["202021"] == pytest.approx(90.8)  # progress report: 2021, 90.8%
    assert "2020" not in by_period
    assert rows.filter(pl.col("time_period") == "202021")["year"].to_list() == [2021]
    assert period_label("202021") == "2020/21"


def test_16_17_participation_is_the_ehc_plan_figure():
    indicator = national().indicators["sen_16_17_in_education_training"]
    assert "EHC plan" in indicator.label
    rows = national().observations.filter(
        (pl.col("indicator") == "sen_16_17_in_education_training") & (pl.col("area_code") == "202")
    )
    by_period = dict(zip(rows["time_period"].to_list(), rows["value"].to_list(), strict=True))
    # The progress report's "16/17 year olds in education & training - EHCP" row, 2020-2023
    assert [round(by_period[y], 1) for y in ("2020", "2021", "2022", "2023")] == [85.2, 92.8, 91.6, 91.0]


@pytest.mark.django_db
def test_destinations_board_has_the_sen_support_row_and_says_why_it_is_empty(
    client, make_user, login, loaded
):
    login(client, make_user(Role.ANALYST))
    html = client.get(reverse("dashboard:board") + "?board=destinations&la=202").content.decode()
    assert "16 and 17 year olds with an EHC plan in education or training" in html
    assert "16 and 17 year olds with SEN Support in education or training" in html
    assert "not available" in html and "Participation in education, training and NEET" in html
    assert "2023/24" in html  # the latest destination year as DfE labels it (LAIT: 2023)


@pytest.mark.django_db
def test_benchmark_page_marks_the_provisional_year(client, make_user, login, loaded):
    login(client, make_user(Role.ANALYST))
    html = client.get(reverse("dashboard:benchmark") + "?indicator=phonics_ehcp&la=202").content.decode()
    assert "2025 (provisional)" in html
