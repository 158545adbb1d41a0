"""Board tables as CSV, XLSX (openpyxl) and a print-ready PDF (reportlab). No Django imports."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from sendhub.dashboard.rules.boards import BoardTable

SOURCE = (
    "Source: Department for Education (EHC plan statistics; Local Authority Interactive Tool). Contains public "
    "sector information licensed under the Open Government Licence v3.0."
)


def board_csv(table: BoardTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.header())
    writer.writerows(table.as_rows())
    return out.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM correctly


def board_xlsx(table: BoardTable) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([f"{table.title}: {table.la_name} ({table.la_code})"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(table.header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in table.as_rows():
        sheet.append(row)
    sheet.append([])
    for note in [*table.footnotes(), SOURCE]:
        sheet.append([note])
    sheet.column_dimensions["A"].width = 60
    for index in range(2, len(table.header()) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 14
    sheet.freeze_panes = "B3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


Sheet = tuple[str, list[str], list[list[Any]]]  # (title, header, rows)


def sheets_csv(sheets: list[Sheet]) -> bytes:
    """Tables one after another in one CSV, each under its title and separated by a blank line."""
    out = io.StringIO()
    writer = csv.writer(out)
    for index, (title, header, rows) in enumerate(sheets):
        if index:
            writer.writerow([])
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def sheets_xlsx(sheets: list[Sheet], *, note: str = "") -> bytes:
    """One worksheet per table (Excel's 31-character sheet names, made unique)."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    used: set[str] = set()
    for title, header, rows in sheets:
        name = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"
        while name in used:
            name = f"{name[:28]}_{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        if note:
            sheet.append([])
            sheet.append([note])
        sheet.column_dimensions["A"].width = 50
    if not book.worksheets:
        book.create_sheet("Empty")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def board_pdf(table: BoardTable) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A3),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"{table.title} \u2013 {table.la_name}",
        author="SEND Hub",
    )
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    head = small.clone("head", fontName="Helvetica-Bold")
    data = [[Paragraph(h, head) for h in table.header()]]
    data += [[Paragraph(c, small) for c in row] for row in table.as_rows()]
    widths = [70 * mm] + [(A3[1] - 20 * mm - 70 * mm) / (len(table.header()) - 1)] * (len(table.header()) - 1)
    grid = Table(data, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(f"{table.title}: {table.la_name} ({table.la_code})", styles["Title"]),
        grid,
        Spacer(1, 4 * mm),
        *(Paragraph(note, small) for note in [*table.footnotes(), SOURCE]),
    ]
    doc.build(story)
    return out.getvalue()
