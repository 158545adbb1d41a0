"""The EHC plan as a document: each version as an accessible HTML page and a PDF, sections A to K in the
order of the SEND Code of Practice (para 9.62), with the structured outcomes (E) and provision (F, G, H1,
H2), the setting named (I), the personal budget (J), the advice (K) and the signature and dates.
A draft or proposed amendments carry a "DRAFT" mark on every page until the plan is final.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings

from sendhub.cases import vocab
from sendhub.cases.models import Outcome, PlanVersion, Provision
from sendhub.cases.models.plans import EDITABLE_KINDS
from sendhub.cases.services.letters import long_date

PROVISION_SECTIONS = ("F", "G", "H1", "H2")


@dataclass
class PlanSection:
    code: str
    title: str
    text: str
    outcomes: list[Outcome] = field(default_factory=list)
    provision: list[Provision] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PlanDocument:
    version: PlanVersion
    child_name: str
    draft: bool
    title: str
    facts: list[tuple[str, str]]
    sections: list[PlanSection]
    signed: list[tuple[str, str]]


def is_draft(version: Any) -> bool:
    """A draft or a proposed amendment: still open to change, so shown and printed as DRAFT."""
    return version.kind in EDITABLE_KINDS


def plan_document(version: PlanVersion) -> PlanDocument:
    """Everything the plan shows, in order; the HTML page and the PDF both draw this."""
    plan = version.plan
    child = plan.child
    outcomes = list(version.outcomes.order_by("id"))
    provision = list(version.provision.select_related("outcome").order_by("section", "id"))
    advice = [
        f"{a.get_kind_display()}{f' from {a.adviser_name}' if a.adviser_name else ''}"
        f"{f', received {long_date(a.received_on)}' if a.received_on else ' (not received)'}"
        for a in (plan.request.advice.all() if plan.request_id and plan.request else [])
    ]
    sections = []
    for code, title in vocab.PLAN_SECTIONS:
        section = PlanSection(code, title, str(version.sections.get(code, "")).strip())
        if code == "E":
            section.outcomes = outcomes
        if code in PROVISION_SECTIONS:
            section.provision = [p for p in provision if p.section == code]
        if code == "I":
            section.facts = [
                ("Setting named", plan.named_setting_label() or "Not named yet (left blank in a draft)"),
            ]
            if plan.second_setting_label():
                section.facts.append(("Second setting", plan.second_setting_label()))
        if code == "J":
            amount = f"£{plan.personal_budget_amount:,.2f} a year" if plan.personal_budget_amount else ""
            section.facts = [
                ("Personal budget", "Yes" if plan.personal_budget else "No personal budget requested"),
            ]
            if plan.personal_budget:
                section.facts += [
                    ("Amount", amount or "Not yet agreed"),
                    ("Direct payment", plan.get_direct_payment_display() or "None"),
                ]
        if code == "K":
            section.facts = [("Advice", line) for line in advice]
        sections.append(section)
    draft = is_draft(version)
    officer = child.officer.full_name if child.officer else "The SEND service"
    return PlanDocument(
        version=version,
        child_name=child.full_name,
        draft=draft,
        title=f"Education, Health and Care Plan: {child.full_name}",
        facts=[
            ("Name", child.full_name),
            ("Date of birth", long_date(child.birth_date)),
            ("Reference", child.reference),
            ("Version", f"{version.number} ({version.get_kind_display().lower()})"),
            ("Date issued", long_date(version.issued_on)),
            ("Local authority", f"{settings.SENDHUB_LA_NAME} Council"),
        ],
        sections=sections,
        signed=[
            ("Signed for the local authority", officer),
            ("Date", long_date(version.issued_on)),
            ("Status", "DRAFT: not final, for comment" if draft else "Final"),
        ],
    )


def plan_pdf_filename(version: PlanVersion) -> str:
    """The download's name: the child's reference and the version, marked draft until final."""
    suffix = "-draft" if version.kind in EDITABLE_KINDS else ""
    return f"ehc-plan-{version.plan.child.reference}-v{version.number}{suffix}.pdf"


def plan_pdf(version: PlanVersion) -> bytes:
    """The plan version as a tagged-title PDF (reportlab), "DRAFT" across every page until final."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    document = plan_document(version)
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "plan-body", parent=styles["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14
    )
    small = ParagraphStyle("plan-small", parent=body, fontSize=9, leading=12)
    h1 = ParagraphStyle("plan-h1", parent=styles["Heading1"], fontName="Helvetica-Bold", fontSize=18)
    h2 = ParagraphStyle("plan-h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=13)

    def para(text: str, style: Any = body) -> Any:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[str]], widths: list[float], header: bool = True) -> Any:
        data = [[para(cell, small) for cell in row] for row in rows]
        grid = Table(data, colWidths=widths, repeatRows=1 if header else 0)
        shade = ((0, 0), (-1, 0)) if header else ((0, 0), (0, -1))  # the header row, or the label column
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

    story: list[Any] = [para(document.title, h1)]
    if document.draft:
        story.append(para("DRAFT: this plan is not final. It may change after your comments.", h2))
    story.append(table([[k, v] for k, v in document.facts], [45 * mm, 120 * mm], header=False))
    for section in document.sections:
        story.append(para(f"Section {section.code}: {section.title}", h2))
        story.append(para(section.text or "Nothing recorded."))
        if section.outcomes:
            rows = [["Outcome", "Preparing for adulthood", "By when"]]
            rows += [
                [o.description, o.get_area_display() or "", o.by_when.strftime("%B %Y") if o.by_when else ""]
                for o in section.outcomes
            ]
            story += [Spacer(1, 2 * mm), table(rows, [100 * mm, 40 * mm, 25 * mm])]
        if section.provision:
            rows = [["Provision", "How often", "Who provides it", "For outcome"]]
            rows += [
                [p.description, p.frequency, p.provider, p.outcome.description[:80] if p.outcome else ""]
                for p in section.provision
            ]
            story += [Spacer(1, 2 * mm), table(rows, [65 * mm, 30 * mm, 35 * mm, 35 * mm])]
        if section.facts:
            story += [
                Spacer(1, 2 * mm),
                table([[k, v] for k, v in section.facts], [45 * mm, 120 * mm], header=False),
            ]
    story += [
        para("Signatures and dates", h2),
        table([[k, v] for k, v in document.signed], [60 * mm, 105 * mm], header=False),
    ]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 10 * mm, f"{document.child_name}: EHC plan version {version.number}")
        canvas.drawRightString(190 * mm, 10 * mm, f"Page {doc.page}")
        if document.draft:
            canvas.setFont("Helvetica-Bold", 90)
            canvas.setFillColor(colors.Color(0.8, 0, 0, alpha=0.15))
            canvas.translate(105 * mm, 148 * mm)
            canvas.rotate(45)
            canvas.drawCentredString(0, 0, "DRAFT")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=document.title,
        author=f"{settings.SENDHUB_LA_NAME} Council",
        subject=f"EHC plan version {version.number}" + (" (draft)" if document.draft else ""),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
