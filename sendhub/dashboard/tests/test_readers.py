"""The readers reproduce DfE's published values exactly and tolerate next year's files."""

from pathlib import Path

import polars as pl
import pytest

from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.readers import (
    DataError,
    load_national,
    normalise_lait_period,
    read_csv_strings,
    read_ees,
    year_of,
)
from sendhub.dashboard.tests.conftest_data import PRODUCT_DATA, SHARED_DATA, national, raw_rows


def observation(indicator: str, period: str, area: str) -> dict[str, object]:
    frame = national().observations.filter(
        pl.col("indicator") == indicator, pl.col("time_period") == period, pl.col("area_code") == area
    )
    assert frame.height == 1, (indicator, period, area, frame.height)
    return frame.row(0, named=True)


def test_camden_20_week_timeliness_2023_matches_progress_report():
    # Camden SEND strategy progress report 2024, Appendix B: "96.7% of EHCPs were issued within 20 weeks"
    assert observation("ehcp_20_week_incl_exceptions", "2023", "202")["value"] == 96.7
    # The report's "national average (50.3%)" is DfE's England figure *excluding* exceptions.
    assert observation("ehcp_20_week_excl_exceptions", "2023", "E92000001")["value"] == 50.3
    assert observation("ehcp_20_week_incl_exceptions", "2023", "E92000001")["value"] == 49.1


@pytest.mark.parametrize(
    ("indicator", "file", "topic", "column"),
    [
        (
            "ehcp_20_week_incl_exceptions",
            "timeliness_20_week.csv",
            "All EHC plans issued",
            "pc_plans_issued_within_20_weeks",
        ),
        (
            "ehcp_20_week_excl_exceptions",
            "timeliness_20_week.csv",
            "All EHC plans issued",
            "PC_plans_issued_20_weeks_ex",
        ),
        ("ehcp_caseload", "caseload.csv", "All EHC plans", "ehcplans"),
        ("ehcp_new_plans", "newplans.csv", "New EHC plans", "new_ehc_plans"),
        (
            "ehcp_requests",
            "requests.csv",
            "All requests for EHC needs assessments",
            "requests_received_in_year",
        ),
        (
            "ehcp_annual_review_decision_4_weeks_pc",
            "annual_reviews.csv",
            "All annual reviews",
            "pc_decsion_4weeks",
        ),
        ("ehcp_need_asd_pc", "sen_needs_all_plans.csv", "All EHC plans", "asd_pc"),
    ],
)
def test_every_published_la_value_is_loaded_exactly(indicator, file, topic, column):
    expected = {}
    for row in raw_rows(f"dfe-ehcp/data/{file}"):
        if row["geographic_level"] == "Local authority" and row["breakdown_topic"] == topic:
            expected[(row["time_period"], row["old_la_code"])] = row[column].strip()
    loaded = national().observations.filter(pl.col("indicator") == indicator, pl.col("level") == "la")
    assert loaded.height == len(expected) > 100
    for row in loaded.iter_rows(named=True):
        raw = expected[(row["time_period"], row["area_code"])]
        if row["value"] is None:
            assert row["marker"] == raw.lower()  # a marker, kept as the reason
        else:
            assert row["value"] == float(raw)


def test_lait_values_match_the_parquet():
    raw = pl.read_parquet(SHARED_DATA / "lait/bds_long_0.parquet").filter(
        pl.col("Short Desc") == "NEW_KS2_RWM_Sen_Withsta",
        pl.col("LA Number") == 202.0,
        pl.col("Years") == "2024",
    )
    assert observation("ks2_rwm_ehcp", "2024", "202")["value"] == float(raw["Values"].item())


def test_lait_polarity_comes_from_its_dictionary():
    dictionary = {r["Measure_short"]: r for r in raw_rows("lait/lait_data_dictionary.csv")}
    for indicator in national().indicators.values():
        if indicator.source == "lait":
            polarity = dictionary[indicator.lait_code]["Polarity"]
            assert indicator.polarity == (polarity if polarity in ("High", "Low") else None), indicator.name


def test_suppressed_cells_are_missing_not_zero():
    frame = national().observations.filter(pl.col("marker").is_not_null())
    assert frame.height > 0
    assert frame["value"].null_count() == frame.height


@pytest.mark.parametrize(
    ("period", "year"), [("2023", 2023), ("202324", 2024), ("2014-16", 2016), ("2013/14-15/16", 2016)]
)
def test_year_of(period, year):
    assert year_of(period) == year


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ("2023", ("2023", 2)),
        ("2022-23", ("202223", 2)),
        ("2022/23", ("202223", 2)),
        ("2023 (Rev)", ("2023", 1)),
        ("2025 (prov)", ("2025", 3)),
        ("2023-24 (OT)", ("202324", 2)),
    ],
)
def test_normalise_lait_period(years, expected):
    assert normalise_lait_period(years) == expected


NEXT_YEAR = (
    "\ufefftime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
    "new_la_code,old_la_code,la_name,breakdown_topic,breakdown,plans_issued_den,plans_issued_den_ex,"
    "plans_issued_within_20_weeks,PLANS_issued_20_weeks_ex,Pc_Plans_Issued_Within_20_Weeks,pc_plans_issued_20_weeks_ex\n"
    "2025,Calendar year,National,E92000001,England,,,,,,All EHC plans issued,All EHC plans issued,"
    "100,90,50,45, 50.0,50\n"
    "2025,Calendar year,Local authority,E92000001,England,E12000007,London,E09000007,202,Camden,"
    "All EHC plans issued,All EHC plans issued,10,9,9,c, 90.0,c\n"
    "2025,Calendar year,Local authority,E92000001,England,E12000007,London,E09000007,202,Camden,"
    "Age,Under 5,3,3,3,3,100,100\n"
)


def test_next_years_file_of_the_same_layout_loads(tmp_path: Path):
    target = tmp_path / "dfe-ehcp/data/timeliness_20_week.csv"
    target.parent.mkdir(parents=True)
    target.write_text(NEXT_YEAR, encoding="utf-8")
    timeliness = [i for i in cat.CATALOGUE if i.name.startswith("ehcp_20_week")]
    frame = read_ees(tmp_path, timeliness)
    camden = frame.filter(pl.col("area_code") == "202").sort("indicator")
    assert camden["time_period"].to_list() == ["2025", "2025"]
    assert camden["value"].to_list() == [None, 90.0]
    assert camden["marker"].to_list() == ["c", None]
    assert frame.filter(pl.col("level") == "england")["value"].to_list() == [50.0, 50.0]


def test_missing_column_is_a_clear_error(tmp_path: Path):
    target = tmp_path / "dfe-ehcp/data/timeliness_20_week.csv"
    target.parent.mkdir(parents=True)
    target.write_text(NEXT_YEAR.replace("Pc_Plans_Issued_Within_20_Weeks", "renamed"), encoding="utf-8")
    with pytest.raises(DataError, match="pc_plans_issued_within_20_weeks missing"):
        read_ees(tmp_path, [cat.by_name()["ehcp_20_week_incl_exceptions"]])


def test_duplicate_rows_after_filtering_are_rejected(tmp_path: Path):
    target = tmp_path / "dfe-ehcp/data/timeliness_20_week.csv"
    target.parent.mkdir(parents=True)
    lines = NEXT_YEAR.splitlines()
    target.write_text("\n".join([*lines, lines[2]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="one row per area"):
        read_ees(tmp_path, [cat.by_name()["ehcp_20_week_incl_exceptions"]])


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(DataError, match="not found"):
        load_national(tmp_path)


def test_repeated_column_names_are_kept_apart():
    frame = read_csv_strings(SHARED_DATA / "dfe-ehcp/data/annual_reviews.csv")
    assert "review_meeting_prior_24__1" in frame.columns
    assert frame.columns[0] == "time_period"  # BOM removed


def test_shipped_copy_matches_shared_data():
    shared = load_national(SHARED_DATA).observations
    assert national().observations.equals(shared)


def test_catalogue_names():
    names = cat.by_name()
    assert {"ehcp_20_week_incl_exceptions", "ehcp_20_week_excl_exceptions", "ehcp_caseload"} <= names.keys()
    assert all(n == n.lower() and " " not in n for n in names)
    assert PRODUCT_DATA.is_dir()


SEN_CODE = r"SEN|EHC|Statement"  # case matters: "Social_Work_SeniorPractitioner" is not about SEN
SEN_WORDS = r"(?i)\bSEN\b|\bSEND\b|EHC|statement|special educational"


def test_every_sen_measure_in_lait_is_loaded_or_deliberately_left_out():
    """The issue asks for every key-stage, absence, exclusion and destination SEN indicator LAIT has."""
    from sendhub.dashboard.national.lait_measures import MEASURES, NOT_LOADED

    dictionary = read_csv_strings(SHARED_DATA / cat.LAIT_DICTIONARY)
    in_data = set(pl.read_parquet(SHARED_DATA / cat.LAIT_FILE).get_column("Short Desc").unique().to_list())
    sen = dictionary.filter(
        pl.col("measure_short").is_in(sorted(in_data))
        & (pl.col("measure_short").str.contains(SEN_CODE) | pl.col("measure").str.contains(SEN_WORDS))
    )
    loaded = {code for _, code, _, _ in MEASURES}
    missing = set(sen.get_column("measure_short").to_list()) - loaded - NOT_LOADED.keys()
    assert not missing, (
        f"SEN measures in LAIT that the catalogue neither loads nor explains: {sorted(missing)}"
    )
    assert loaded <= in_data  # every catalogue code has data
    assert not loaded & NOT_LOADED.keys()
    assert set(NOT_LOADED.values()) <= cat.by_name().keys()  # each duplicate names the indicator it copies
    # LAIT has no absence or exclusion measure by SEN status: only special schools carry SEN in the name.
    topics = sen.filter(pl.col("topic").str.contains("(?i)absence|exclusion"))
    assert set(topics.get_column("measure_short").to_list()) <= {
        "authorised_absence_special",
        "unauthorised_absence_special",
        "total_absence_special",
        "SpecPerAbNew",
        "SpecSevPerAbNew",
        "SpecFixedEx",
        "Spec_ Pup_FixedEx",
        "SpecPermEx",
    }
