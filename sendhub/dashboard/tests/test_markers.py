"""Suppression markers are missing-with-reason, never zero (EES symbols guidance; shared/data/README.md)."""

import polars as pl
import pytest

from sendhub.dashboard.national.markers import describe_marker, marker_expr, parse_value, value_expr


@pytest.mark.parametrize(
    ("raw", "value", "marker"),
    [
        ("96.7", 96.7, None),
        (" 47.665", 47.665, None),  # sen2_mi.csv pads percentages with a leading space
        ("85.700000000000", 85.7, None),
        ("0", 0.0, None),
        ("1,234", 1234.0, None),
        ("-1.13", -1.13, None),  # a negative Progress 8 score is a number, not the '-' marker
        ("2.262E-2", 0.02262, None),  # LAIT writes some values in scientific notation
        ("z", None, "z"),
        ("x", None, "x"),
        ("c", None, "c"),
        ("low", None, "low"),
        ("k", None, "k"),
        ("u", None, "u"),
        (":", None, ":"),
        ("..", None, ".."),
        (" .. ", None, ".."),
        ("-", None, "-"),
        (" - ", None, "-"),
        ("NA", None, "na"),
        ("", None, ""),
        ("n/a?", None, "unrecognised"),
    ],
)
def test_parse_value(raw, value, marker):
    assert parse_value(raw) == (value, marker)


def test_expressions_agree_with_parse_value():
    cells = ["96.7", " 47.665", "c", "low", ":", "..", " - ", "NA", "x", "z", "k", "u", "-0.4", "", None]
    frame = pl.DataFrame({"v": cells}, schema={"v": pl.String})
    out = frame.select(value_expr("v").alias("value"), marker_expr("v").alias("marker"))
    for raw, value, marker in zip(cells, out["value"], out["marker"], strict=True):
        expected_value, expected_marker = parse_value(raw)
        assert value == expected_value, raw
        assert marker == expected_marker, raw


def test_markers_never_become_zero():
    frame = pl.DataFrame({"v": ["c", "x", "low", ":", "-", "z"]})
    assert frame.select(value_expr("v").is_null().all()).item()


def test_describe_marker_words():
    assert describe_marker("c") == "confidential (small number suppressed)"
    assert describe_marker(None) == ""
    assert "unrecognised" in describe_marker("??")
