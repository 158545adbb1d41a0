"""The board pack as a PDF (reportlab), from the same `BoardPack` the HTML pack shows."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from sendhub.lib.dates import long_date, short_date
from sendhub.strategy.appendix_b import HEADER as APPENDIX_HEADER
from sendhub.strategy.selectors.board import BoardPack

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
    ]
)


def _appendix_b(
    pack: BoardPack, styles: Any, table: Callable[[list[list[object]], list[float]], Table]
) -> list[Flowable]:
    """The Appendix B tables, cut to fit the pack's page (`appendix_b.compact`)."""
    small = styles["BodyText"].clone("tiny", fontSize=7, leading=9)
    story: list[Flowable] = [Paragraph("Appendix B: how our area compares", styles["Heading2"])]
    for t in pack.appendix_b:
        header = [t.la_name if i == 2 else c for i, c in enumerate(APPENDIX_HEADER)]
        rows = [[Paragraph(escape(c), small) for c in row] for row in [header, *t.rows]]
        story += [Paragraph(escape(t.title), styles["Heading3"]), table(rows, [50, 20, 20, 22, 22, 20, 26])]
    if not pack.appendix_b:
        story.append(Paragraph("No national figures are loaded.", styles["BodyText"]))
    return story


def render_pack_pdf(pack: BoardPack) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)

    def p(text: str, style: object = small) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[object]], widths: list[float]) -> Table:
        t = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
        t.setStyle(GRID)
        return t

    meeting = pack.meeting
    story: list[Flowable] = [
        Paragraph(escape(f"{meeting.get_board_display()}: board pack"), styles["Title"]),
        p(f"Meeting of {long_date(meeting.held_on)}. Status as at {long_date(pack.today)}.", body),
        Paragraph("Attendees", styles["Heading3"]),
        p(meeting.attendees, body),
        Paragraph("Agenda", styles["Heading3"]),
        p(meeting.agenda, body),
    ]
    if pack.plan:
        story.append(Paragraph(escape(f"Plan status: {pack.plan}"), styles["Heading2"]))
    for status in pack.priorities:
        story.append(
            Paragraph(
                escape(f"Priority {status.priority.number}: {status.priority.title}"), styles["Heading3"]
            )
        )
        story.append(
            table([[c[1] for c in status.counts], [str(c[2]) for c in status.counts]], [40, 40, 40, 40])
        )
        if status.exceptions:
            rows: list[list[object]] = [["Action", "Title", "RAG", "Why", "By when"]]
            for row in status.exceptions:
                rows.append(
                    [
                        row.action.number,
                        p(row.action.title),
                        row.rag_label,
                        row.status.reason,
                        row.action.by_when or "-",
                    ]
                )
            story += [
                Spacer(1, 2 * mm),
                p("Exceptions (red and amber)", body),
                table(rows, [14, 96, 16, 34, 18]),
            ]
        else:
            story.append(p("No exceptions: no action is red or amber.", body))
    story.append(Paragraph("Measures off target", styles["Heading2"]))
    if pack.off_target:
        rows = [["Action", "Measure", "Owner", "Latest", "Target", "Due"]]
        for t in pack.off_target:
            latest = f"{t.latest.normalize():f}{t.unit} ({t.points[-1][0]})" if t.latest is not None else "-"
            rows.append(
                [
                    t.measure.action.number,
                    p(t.measure.label),
                    p(t.owner),
                    latest,
                    f"{t.measure.target.normalize():f}{t.unit}",
                    f"{t.measure.due:%b %Y}",
                ]
            )
        story.append(table(rows, [14, 60, 38, 30, 18, 18]))
    else:
        story.append(p("Every measure with a value is on target.", body))
    story += _appendix_b(pack, styles, table)
    story.append(Paragraph("Decisions and actions of this meeting", styles["Heading2"]))
    items: list[list[object]] = [["Kind", "What", "Owner", "Due", "Completed"]]
    for item in pack.decisions + pack.actions:
        items.append(
            [
                item.get_kind_display(),
                p(item.text),
                p(item.owner or "-"),
                f"{short_date(item.due)}" if item.due else "-",
                f"{short_date(item.completed_on)}" if item.completed_on else "-",
            ]
        )
    story.append(table(items, [18, 92, 30, 20, 20]) if len(items) > 1 else p("None recorded yet.", body))
    story.append(Paragraph("Open actions from this board", styles["Heading2"]))
    open_rows: list[list[object]] = [["Agreed", "Action", "Owner", "Due"]]
    for item in pack.open_actions:
        open_rows.append(
            [
                f"{short_date(item.meeting.held_on)}",
                p(item.text),
                p(item.owner),
                f"{short_date(item.due)}" if item.due else "-",
            ]
        )
    story.append(table(open_rows, [22, 108, 30, 20]) if len(open_rows) > 1 else p("No open actions.", body))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Board pack {meeting.held_on:%Y-%m-%d}",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    doc.build(story)
    return buffer.getvalue()
