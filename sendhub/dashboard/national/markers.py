"""Suppression and special markers in DfE statistics files.

DfE "explore education statistics" files and the LAIT indicator file mark missing values with codes
(see the EES "symbols" guidance and `shared/data/README.md`). A marker is never a zero: we keep the value
missing and record the reason, so a table can say *why* a cell is blank.
"""

from __future__ import annotations

import polars as pl

MARKERS: dict[str, str] = {
    "z": "not applicable",
    "x": "not available",
    "c": "confidential (small number suppressed)",
    "low": "rounds to below 0.5%",
    "k": "fewer than 0.5% but not zero",
    "u": "low reliability",
    ":": "not available",
    "..": "not available",
    "-": "nil or not available",
    "na": "missing",
    "": "blank",
    # Not a DfE marker: LAIT's placeholder zero for a reorganised authority (`reorganisation.py`).
    "reorg": "no figure: authority reorganised (LAIT's placeholder zero, not ranked)",
}

NUMBER_PATTERN = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"


def parse_value(raw: str | None) -> tuple[float | None, str | None]:
    """Return (number, marker) for one raw cell: exactly one of them is None.

    >>> parse_value(" 47.665")
    (47.665, None)
    >>> parse_value("c")
    (None, 'c')
    """
    if raw is None:
        return None, ""
    text = raw.strip().replace(",", "")
    try:
        return float(text), None
    except ValueError:
        return None, _marker_code(text)


def _marker_code(text: str) -> str:
    lowered = text.strip().lower()
    return lowered if lowered in MARKERS else "unrecognised"


def value_expr(column: str) -> pl.Expr:
    """Polars expression: the numeric value of a string column (null for any marker)."""
    cleaned = pl.col(column).str.strip_chars().str.replace_all(",", "", literal=True)
    return pl.when(cleaned.str.contains(NUMBER_PATTERN)).then(cleaned.cast(pl.Float64, strict=False))


def marker_expr(column: str) -> pl.Expr:
    """Polars expression: the marker code of a string column (null when it holds a number)."""
    cleaned = pl.col(column).str.strip_chars().str.replace_all(",", "", literal=True)
    lowered = cleaned.str.to_lowercase().fill_null("")
    return (
        pl.when(cleaned.is_not_null() & cleaned.str.contains(NUMBER_PATTERN))
        .then(pl.lit(None, dtype=pl.String))
        .when(lowered.is_in(list(MARKERS)))
        .then(lowered)
        .otherwise(pl.lit("unrecognised"))
    )


def describe_marker(code: str | None) -> str:
    """Human wording for a marker code, for table footnotes."""
    if code is None:
        return ""
    return MARKERS.get(code, "unrecognised value in the source file")
