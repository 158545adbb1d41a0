"""The pieces the case documents' PDFs are built from (reportlab): the styles, a paragraph, a table and
the A4 page with its footer. The EHC plan (plan_document) and the annual review report (review_document)
share them, so both read alike. Every text is escaped exactly once, here."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings


@dataclass(frozen=True)
class Styles:
    body: Any
    small: Any
    h1: Any
    h2: Any


@functools.cache
def styles() -> Styles:
    """The document styles, made once per process."""
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    sample = getSampleStyleSheet()
    body = ParagraphStyle(
        "doc-body", parent=sample["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14
    )
    return Styles(
        body=body,
        small=ParagraphStyle("doc-small", parent=body, fontSize=9, leading=12),
        h1=ParagraphStyle("doc-h1", parent=sample["Heading1"], fontName="Helvetica-Bold", fontSize=18),
        h2=ParagraphStyle("doc-h2", parent=sample["Heading2"], fontName="Helvetica-Bold", fontSize=13),
    )


def para(text: str, style: Any = None) -> Any:
    """A paragraph of plain text (escaped here; line breaks kept)."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style or styles().body)


def table(rows: list[list[str]], widths_mm: list[float], header: bool = True) -> Any:
    """A grid of plain-text cells: a shaded header row, or (``header=False``) a shaded label column."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    data = [[para(cell, styles().small) for cell in row] for row in rows]
    grid = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    shade = ((0, 0), (-1, 0)) if header else ((0, 0), (0, -1))
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", *shade, colors.HexColor("#f3f2f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return grid


def spacer(height_mm: float = 2) -> Any:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * mm)


def footer(text: str, extra: Callable[[Any], None] | None = None) -> Callable[[Any, Any], None]:
    """Each page's footer: ``text`` on the left, the page number on the right; ``extra`` draws more."""
    from reportlab.lib.units import mm

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, text)
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        if extra is not None:
            extra(canvas)
        canvas.restoreState()

    return decorate


def build(story: list[Any], *, title: str, subject: str, decorate: Callable[[Any, Any], None]) -> bytes:
    """The A4 PDF, its title and subject set in the document properties (read by screen readers)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=f"{settings.SENDHUB_LA_NAME} Council",
        subject=subject,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
