"""The progress report's Appendix B tables for the board pack, read through the dashboard's presenter
(`sendhub.dashboard.presenters.board_tables`, the tables of `/dashboard/boards/`), cut to what fits a pack
page, as the seed's Appendix B reads: each indicator's latest figure beside the statistical neighbours'
average, its rank among them, England's figure and the trend. The full tables (every year, ranks, quartiles) stay on the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from sendhub.dashboard.national.catalogue import BOARDS
from sendhub.dashboard.presenters import board_tables
from sendhub.dashboard.rules.boards import BoardTable, Cell, format_value, ordinal_of, period_label

HEADER = [
    "Indicator",
    "Latest period",
    "Our area",
    "Similar areas",
    "Rank among similar areas",
    "England",
    "Trend",
]


@dataclass(frozen=True)
class AppendixTable:
    key: str
    title: str
    la_name: str
    rows: list[list[str]]


def compact(table: BoardTable) -> AppendixTable:
    rows = []
    for r in table.rows:
        year = r.latest_year
        la = r.la.get(year, Cell(None)) if year is not None else Cell(None)
        england = r.england.get(year, Cell(None)) if year is not None else Cell(None)
        rows.append(
            [
                r.label,
                period_label(r.latest_period) if r.latest_period else "\u2013",
                la.text(r.unit),
                format_value(r.sn_average, r.unit),
                ordinal_of(r.sn_rank, r.sn_rank_of),
                england.text(r.unit),
                r.trend,
            ]
        )
    return AppendixTable(table.key, table.title, table.la_name, rows)


def appendix_b_tables(la_code: str | None = None) -> list[AppendixTable]:
    """Each board table that has an indicator with a figure, in the dashboard's order."""
    la_code = la_code or settings.SENDHUB_LA_CODE
    tables = [compact(table) for table in board_tables(list(BOARDS), la_code)]
    return [t for t in tables if any(row[2] != "\u2013" for row in t.rows)]
