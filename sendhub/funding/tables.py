"""A page's table as CSV or XLSX (openpyxl). No Django imports: the views hand in plain rows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def as_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(["" if c is None else f"{c:.2f}" if isinstance(c, Decimal) else c for c in row])
    return out.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM correctly


def as_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(table.header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
    sheet.column_dimensions["A"].width = 45
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
