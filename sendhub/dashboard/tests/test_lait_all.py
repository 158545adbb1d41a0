"""All of LAIT (issue #22): every measure in the shared file is an indicator, grouped by LAIT's own topic,
with its polarity and definition where LAIT's dictionary gives them and a stated default where it does not;
and the benchmark and forecast pages download as CSV and XLSX."""

from __future__ import annotations

import io

import polars as pl
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sendhub.accounts.models import Role
from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.lait_all import NO_POLARITY, indicator_name, unit_of
from sendhub.dashboard.national.lait_measures import NOT_LOADED
from sendhub.dashboard.national.readers import read_lait_dictionary
from sendhub.dashboard.tests.conftest_data import PRODUCT_DATA, SHARED_DATA, national


def test_every_lait_measure_in_the_shared_file_is_an_indicator():
    in_file = set(pl.read_parquet(SHARED_DATA / cat.LAIT_FILE)["Short Desc"].unique().to_list())
    assert len(in_file) == 434
    shipped = set(pl.read_parquet(PRODUCT_DATA / cat.LAIT_FILE)["Short Desc"].unique().to_list())
    assert shipped == in_file  # the product ships the whole file
    covered = {i.lait_code for i in national().indicators.values() if i.source == "lait"}
    # LAIT's ten copies of DfE release figures are the release's own indicators (NOT_LOADED names them)
    assert covered | NOT_LOADED.keys() == in_file
    assert set(NOT_LOADED.values()) <= national().indicators.keys()
    assert len(national().indicators) > 400


def test_lait_indicators_take_lait_topic_polarity_and_definition():
    dictionary = read_lait_dictionary(SHARED_DATA)
    indicators = [i for i in national().indicators.values() if i.source == "lait"]
    for indicator in indicators:
        entry = dictionary[indicator.lait_code]
        assert indicator.topic == entry["topic"].strip()
        given = entry["polarity"].strip()
        if given in ("High", "Low"):
            assert indicator.polarity == given, indicator.name
        else:
            assert indicator.polarity is None, indicator.name
        assert indicator.notes.strip(), indicator.name  # a definition, or a note saying there is none
    neet = national().indicators[indicator_name("16-17 NEET")]
    assert neet.topic == "Economic Factors"
    assert neet.polarity == "Low"
    assert "not in education, employment or training" in neet.notes.lower()
    no_polarity = [i for i in indicators if i.polarity is None]
    assert no_polarity and all(NO_POLARITY in i.notes for i in no_polarity)
    topics = {i.topic for i in indicators}
    assert {"Children Looked After", "Children in Need", "Key Stage 2", "Youth Offending"} <= topics


@pytest.mark.parametrize(
    ("axis", "unit"),
    [
        ("% of leavers", "percent"),
        ("£ per head", "pounds"),
        ("Rate per 10,000 of 10-17 population", "rate"),
        ("Number of children", "count"),
        ("Average Score", "score"),
    ],
)
def test_unit_from_lait_axis_title(axis, unit):
    assert unit_of({"y_axis_name": axis, "measure": ""}) == unit


def test_indicator_names_are_unique_slugs():
    assert indicator_name("LAC_ceased_SGO%") == "lait_lac_ceased_sgo_pc"
    assert indicator_name("LAC_ceased_SGO") == "lait_lac_ceased_sgo"
    names = [i.name for i in national().indicators.values()]
    assert len(names) == len(set(names))
    assert all(len(n) <= 80 for n in names)


@pytest.mark.django_db
def test_picker_offers_other_lait_measures_under_lait_topics(client, make_user, login, loaded):
    login(client, make_user(Role.ANALYST))
    url = reverse("dashboard:benchmark") + "?indicator=lait_reoffyo15_17&la=202"
    html = client.get(url).content.decode()
    assert '<optgroup label="Youth Offending">' in html
    assert "Re-offending by young offenders (15-17 year olds)" in html
    assert '<optgroup label="Children with SEN">' in html


@pytest.mark.django_db
def test_benchmark_page_downloads_its_tables(client, make_user, login, loaded):
    login(client, make_user(Role.ANALYST))
    base = reverse("dashboard:benchmark") + "?indicator=ehcp_20_week_incl_exceptions&la=202&period=2023"
    html = client.get(base).content.decode()
    assert "format=csv" in html and "format=xlsx" in html
    response = client.get(base + "&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Comparator local authorities" in text and "Camden over time" in text
    assert "Hackney" in text  # a statistical neighbour
    book = load_workbook(io.BytesIO(client.get(base + "&format=xlsx").content))
    assert len(book.sheetnames) == 3
    rows = [[c for c in row if c is not None] for row in book.worksheets[2].iter_rows(values_only=True)]
    assert any(row and row[0] == "2023" for row in rows)


@pytest.mark.django_db
def test_forecast_page_downloads_its_tables(client, make_user, login, loaded):
    login(client, make_user(Role.ANALYST))
    url = reverse("dashboard:forecast")
    assert "format=xlsx" in client.get(url).content.decode()
    text = client.get(url + "?format=csv").content.decode("utf-8-sig")
    assert "EHC plans in place (January)" in text
    assert "Published" in text and "Forecast" in text
    book = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content))
    assert book.sheetnames[0].startswith("EHC plans in place")
