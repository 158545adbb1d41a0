"""`sendhub benchmarks load|show|indicators` and the demo loader."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from sendhub.dashboard.models import Benchmark, NationalValue
from sendhub.dashboard.national.catalogue import CATALOGUE
from sendhub.dashboard.national.lait_all import indicator_name
from sendhub.dashboard.tests.sample import SAMPLE_OTHER_LAIT

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("benchmarks", *args, stdout=out)
    return out.getvalue()


def test_load_is_idempotent_and_shows_progress(sample_data):
    first = run("load", str(sample_data))
    total = len(CATALOGUE) + len(SAMPLE_OTHER_LAIT)  # the named indicators and every other LAIT measure
    assert "[" in first and f"/{total} " in first and f"Loaded {total} indicators" in first
    counts = (NationalValue.objects.count(), Benchmark.objects.count())
    run("load", str(sample_data))
    assert (NationalValue.objects.count(), Benchmark.objects.count()) == counts


def test_show_json_contract(loaded):
    data = json.loads(
        run("show", "--la", "202", "--indicator", "ehcp_20_week_incl_exceptions", "--year", "2023", "--json")
    )
    assert {
        "value",
        "england",
        "sn_average",
        "sn_count",
        "rank",
        "rank_of",
        "quartile",
        "previous_value",
        "polarity",
    } <= data.keys()
    assert (data["value"], data["england"], data["previous_value"], data["polarity"]) == (
        96.7,
        49.1,
        96.9,
        "High",
    )
    assert data["sn_count"] == 9  # Hackney's 2023 figure is suppressed


def test_show_accepts_the_academic_year_end(loaded):
    data = json.loads(run("show", "--la", "202", "--indicator", "ehcp_caseload", "--year", "2025", "--json"))
    assert data["time_period"] == "202425" and data["rank"] is None and data["polarity"] is None


def test_suppressed_value_is_null_with_its_marker(loaded):
    data = json.loads(
        run("show", "--la", "204", "--indicator", "ehcp_20_week_incl_exceptions", "--year", "2023", "--json")
    )
    assert data["value"] is None and data["marker"] == "x" and data["rank"] is None


def test_indicators_lists_names(loaded):
    names = run("indicators").split()
    assert "ehcp_20_week_incl_exceptions" in names and "ehcp_caseload" in names
    others = [indicator_name(code) for code in SAMPLE_OTHER_LAIT]  # every other LAIT measure in the sample
    assert sorted(names) == sorted([i.name for i in CATALOGUE] + others)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "--la", "202", "--indicator", "nope", "--year", "2023"], "Unknown indicator"),
        (
            ["show", "--la", "999", "--indicator", "ehcp_caseload", "--year", "2023"],
            "No ehcp_caseload figure",
        ),
        (["load", "/no/such/folder"], "No such folder"),
    ],
)
def test_errors_are_one_line(loaded, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_load_rejects_a_folder_without_the_files(tmp_path, not_loaded):
    with pytest.raises(CommandError, match="not found"):
        run("load", str(tmp_path))
    assert not NationalValue.objects.exists()


def test_indicators_before_loading_is_an_error(not_loaded):
    with pytest.raises(CommandError, match="No national data loaded"):
        run("indicators")
