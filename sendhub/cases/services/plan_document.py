"""The EHC plan as a document: each version as an accessible HTML page and a PDF, sections A to K in the
order of the SEND Code of Practice (para 9.62), with the structured outcomes (E) and provision (F, G, H1,
H2), the setting named (I), the personal budget (J), the advice (K) and the signature and dates.
A draft or proposed amendments carry a "DRAFT" mark on every page until the plan is final.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from sendhub.cases import vocab
from sendhub.cases.models import Outcome, PlanVersion, Provision
from sendhub.cases.models.plans import EDITABLE_KINDS
from sendhub.cases.services import pdf_parts
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
    from reportlab.lib.units import mm

    document = plan_document(version)
    h1, h2 = pdf_parts.styles().h1, pdf_parts.styles().h2
    para, table, spacer = pdf_parts.para, pdf_parts.table, pdf_parts.spacer

    story: list[Any] = [para(document.title, h1)]
    if document.draft:
        story.append(para("DRAFT: this plan is not final. It may change after your comments.", h2))
    story.append(table([[k, v] for k, v in document.facts], [45, 120], header=False))
    for section in document.sections:
        story.append(para(f"Section {section.code}: {section.title}", h2))
        story.append(para(section.text or "Nothing recorded."))
        if section.outcomes:
            rows = [["Outcome", "Preparing for adulthood", "By when"]]
            rows += [
                [o.description, o.get_area_display() or "", o.by_when.strftime("%B %Y") if o.by_when else ""]
                for o in section.outcomes
            ]
            story += [spacer(), table(rows, [100, 40, 25])]
        if section.provision:
            rows = [["Provision", "How often", "Who provides it", "For outcome"]]
            rows += [
                [p.description, p.frequency, p.provider, p.outcome.description[:80] if p.outcome else ""]
                for p in section.provision
            ]
            story += [spacer(), table(rows, [65, 30, 35, 35])]
        if section.facts:
            story += [spacer(), table([[k, v] for k, v in section.facts], [45, 120], header=False)]
    story += [
        para("Signatures and dates", h2),
        table([[k, v] for k, v in document.signed], [60, 105], header=False),
    ]

    def watermark(canvas: Any) -> None:
        canvas.setFont("Helvetica-Bold", 90)
        canvas.setFillColor(colors.Color(0.8, 0, 0, alpha=0.15))
        canvas.translate(105 * mm, 148 * mm)
        canvas.rotate(45)
        canvas.drawCentredString(0, 0, "DRAFT")

    return pdf_parts.build(
        story,
        title=document.title,
        subject=f"EHC plan version {version.number}" + (" (draft)" if document.draft else ""),
        decorate=pdf_parts.footer(
            f"{document.child_name}: EHC plan version {version.number}",
            watermark if document.draft else None,
        ),
    )
