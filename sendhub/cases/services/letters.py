"""Letters and notices for every statutory step: made from the editable templates, kept as a PDF document
on the case, and sent by email (the parent prefers email and we have an address) or put on the print queue.

Merge fields are filled as plain text (no escaping): the text is escaped exactly once where it is shown,
by the page's template or by the PDF renderer. Escaping at both ends was the "&#x27;" of issue 17.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.db import transaction
from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.cases.letter_defaults import DEFAULT_LETTERS, MERGE_FIELDS
from sendhub.cases.models import (
    AdviceRequest,
    AnnualReview,
    AssessmentRequest,
    Child,
    ContactPreference,
    Delivery,
    DocumentKind,
    Letter,
    LetterBatch,
    LetterTemplate,
    PanelDecision,
    Plan,
    PlanVersion,
    Recipient,
)
from sendhub.cases.services.common import check_and_bump_version
from sendhub.cases.services.documents import store_generated
from sendhub.cases.services.letter_email import send_letter_email
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError

# Letter text is edited by staff: an engine with no loaders, tags or filters, only {{ merge_fields }}.
# Autoescaping is off because the result is plain text, never HTML (see the module docstring).
TEXT_ENGINE = Engine(autoescape=False, libraries={}, builtins=[])
MERGE_FIELD_NAMES = [name for name, _ in MERGE_FIELDS]
LETTER_KEYS = ["child", "decision", "request", "plan", "template", "created_by", "batch"]


def long_date(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


@functools.lru_cache(maxsize=64)
def _compiled(text: str) -> Any:
    """A template's text compiled once (a batch fills the same subject and body for every letter)."""
    return TEXT_ENGINE.from_string(text)


def render_text(text: str, context: dict[str, Any]) -> str:
    return _compiled(text).render(Context(context, autoescape=False))


def check_template_text(*texts: str) -> None:
    for text in texts:
        try:
            TEXT_ENGINE.from_string(text)
        except TemplateSyntaxError as e:
            raise CaseStateError(f"The letter has a merge field error: {e}") from None


def council_details() -> dict[str, str]:
    return {
        "la_name": settings.SENDHUB_LA_NAME,
        "council_address": settings.SENDHUB_COUNCIL_ADDRESS,
        "council_phone": settings.SENDHUB_COUNCIL_PHONE,
        "council_email": settings.SENDHUB_COUNCIL_EMAIL,
        "iass_name": settings.SENDHUB_COUNCIL_IASS_NAME,
        "iass_phone": settings.SENDHUB_COUNCIL_IASS_PHONE,
        "iass_web": settings.SENDHUB_COUNCIL_IASS_WEB,
        "mediation_service": settings.SENDHUB_COUNCIL_MEDIATION,
    }


def ensure_template(key: str) -> LetterTemplate:
    """The template for ``key``, made from its default text the first time it is needed."""
    template = LetterTemplate.objects.filter(key=key).first()
    if template is not None:
        return template
    default = DEFAULT_LETTERS[key]
    template, _ = LetterTemplate.objects.get_or_create(
        key=key,
        defaults={
            "name": default.name,
            "regulation": default.regulation,
            "recipient": default.recipient,
            "subject": default.subject,
            "body": default.body,
        },
    )
    return template


def ensure_all_templates() -> None:
    """Every statutory letter has a template; the regulation and recipient of older rows are filled in."""
    for key, default in DEFAULT_LETTERS.items():
        template = ensure_template(key)
        if not template.regulation:
            template.regulation, template.recipient = default.regulation, default.recipient
            template.full_clean()
            template.save(update_fields=["regulation", "recipient", "updated_at"])


@transaction.atomic
def update_template(
    *, template: LetterTemplate, subject: str, body: str, by: User, expected_version: int
) -> LetterTemplate:
    check_template_text(subject, body)
    check_and_bump_version(template, expected_version)
    template.subject, template.body = subject, body
    template.full_clean()
    template.save(update_fields=["subject", "body", "updated_at"])
    record_event(actor=by, action="cases.letter_template.updated", target=template)
    return template


@dataclass(frozen=True)
class Addressee:
    name: str
    address: str
    email: str
    delivery: str


def parent_addressees(child: Child) -> list[Addressee]:
    """One letter to each parent with parental responsibility; email when they prefer it and we have it."""
    parents = [p for p in child.parents.all() if p.parental_responsibility]
    home = ", ".join(part for part in (child.address, child.postcode) if part)
    if not parents:
        return [Addressee("The parent or carer of " + child.full_name, home, "", Delivery.POST)]
    return [
        Addressee(
            p.name,
            p.address or home,
            p.email,
            Delivery.EMAIL if p.contact_preference == ContactPreference.EMAIL and p.email else Delivery.POST,
        )
        for p in parents
    ]


def adviser_addressee(advice: AdviceRequest) -> Addressee:
    user = advice.adviser
    name = advice.adviser_name or (user.full_name if user else "") or advice.get_kind_display()
    email = user.email if user is not None else ""
    return Addressee(name, "", email, Delivery.EMAIL if email else Delivery.POST)


def setting_addressee(setting: Any) -> Addressee:
    name = f"The headteacher or principal, {setting}" if setting else "The school or college"
    return Addressee(name, getattr(setting, "postcode", "") or "", "", Delivery.POST)


def authority_addressee(name: str) -> Addressee:
    """Another local authority's SEN team (a plan transferred to it, reg 15(2)): by post."""
    return Addressee(f"The SEN team, {name} Council", "", "", Delivery.POST)


def child_context(child: Child) -> dict[str, str]:
    officer = child.officer
    return {
        "child_name": child.full_name,
        "child_first_name": child.first_name,
        "child_reference": child.reference,
        "child_birth_date": long_date(child.birth_date),
        "officer_name": officer.full_name if officer else "The SEND team",
        "officer_email": (officer.email if officer else "") or settings.SENDHUB_COUNCIL_EMAIL,
        "officer_phone": (getattr(officer, "phone", "") if officer else "") or settings.SENDHUB_COUNCIL_PHONE,
    }


def make_letter(
    *,
    template: LetterTemplate,
    child: Child,
    addressee: Addressee,
    context: dict[str, Any],
    by: User | None,
    today: date,
    request: AssessmentRequest | None = None,
    plan: Plan | None = None,
    decision: PanelDecision | None = None,
    advice: AdviceRequest | None = None,
    plan_version: PlanVersion | None = None,
    review: AnnualReview | None = None,
    batch: LetterBatch | None = None,
    base: dict[str, str] | None = None,
) -> Letter:
    """Fill the template for one addressee, keep the letter and its PDF, and send or queue it."""
    full = {
        **(base or {**council_details(), **child_context(child)}),
        "letter_date": long_date(today),
        "recipient_name": addressee.name,
        **{k: v for k, v in context.items() if v is not None},
    }
    letter = Letter(
        child=child,
        decision=decision,
        request=request,
        plan=plan,
        template=template,
        template_version=template.version,
        subject=" ".join(render_text(template.subject, full).split())[:200],
        body=render_text(template.body, full).strip(),
        letter_date=today,
        recipient_name=addressee.name[:200],
        recipient_address=addressee.address[:300],
        recipient_email=addressee.email,
        delivery=addressee.delivery,
        batch=batch,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    # The PDF is made from the letter's fields and kept first, so the letter is written once, with it.
    letter.document = store_generated(
        child=child,
        content=letters_pdf([letter], officer=full),
        filename=f"{template.key}-{today:%Y-%m-%d}.pdf",
        kind=DocumentKind.LETTER,
        title=f"{template.name}: {addressee.name}"[:200],
        by=by,
        request=request if advice is None else None,
        advice=advice,
        plan_version=plan_version,
        review=review,
        # Letters to the family are theirs to read on their own pages (docs/domains/portal.md).
        shared_with_family=template.recipient == Recipient.PARENT,
    )
    # The related records are loaded objects already: validating each key again would cost a query apiece.
    # The delivery comes from Delivery; its check constraint stays in the database (a query saved apiece).
    letter.full_clean(exclude=[*LETTER_KEYS, "document"], validate_constraints=False)
    letter.save()
    record_event(
        actor=by,
        action="cases.letter.generated",
        target=child,
        data={"letter": letter.pk, "template": template.key, "delivery": letter.delivery},
    )
    if letter.delivery == Delivery.EMAIL and batch is None:  # a batch emails each group it has kept
        letter_pk = letter.pk
        transaction.on_commit(lambda: send_letter_email(letter_pk))
    return letter


def for_step(
    key: str,
    *,
    child: Child,
    by: User | None,
    today: date,
    context: dict[str, Any] | None = None,
    advice: AdviceRequest | None = None,
    setting: Any = None,
    template: LetterTemplate | None = None,
    addressee: Addressee | None = None,
    **attached: Any,
) -> list[Letter]:
    """The letters a statutory step produces: one per addressee the template is for (or to ``addressee``).

    A batch passes the ``template`` it loaded once (its key is ``key``), saving a query a letter.
    """
    if template is None or template.key != key:
        template = ensure_template(key)
    if addressee is not None:
        addressees = [addressee]
    elif template.recipient == "adviser" and advice is not None:
        addressees = [adviser_addressee(advice)]
    elif template.recipient == "setting":
        addressees = [setting_addressee(setting)]
    else:
        addressees = parent_addressees(child)
    return [
        make_letter(
            template=template,
            child=child,
            addressee=to,
            context=context or {},
            by=by,
            today=today,
            advice=advice,
            **attached,
        )
        for to in addressees
    ]


@transaction.atomic
def mark_printed(*, letters: Iterable[Letter], by: User) -> int:
    ids = [letter.pk for letter in letters if letter.printed_at is None]
    count = Letter.objects.filter(pk__in=ids, printed_at__isnull=True).update(
        printed_at=timezone.now(), printed_by=by
    )
    record_event(actor=by, action="cases.letter.printed", data={"letters": ids})
    return count


# --- the letter as a PDF: letterhead, address, date, reference, officer, then the body ---


def _paragraphs(body: str) -> list[tuple[str, str]]:
    """("p", text) or ("li", text) blocks from the plain text: blank lines part paragraphs."""
    blocks: list[tuple[str, str]] = []
    for chunk in body.split("\n\n"):
        lines = chunk.split("\n")
        if all(line.startswith("- ") for line in lines if line):
            blocks.extend(("li", line[2:]) for line in lines if line)
        else:
            blocks.append(("p", chunk))
    return blocks


def letter_blocks(letter: Letter) -> list[tuple[str, str]]:
    return _paragraphs(letter.body)


@functools.cache
def _letter_styles() -> tuple[Any, Any, Any]:
    """The letter's paragraph styles, made once per process (a batch makes thousands of letters)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica", fontSize=11, leading=15)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT, fontSize=10, leading=13)
    heading = ParagraphStyle("subject", parent=body, fontName="Helvetica-Bold", spaceBefore=6, spaceAfter=6)
    return body, right, heading


def letters_pdf(letters: list[Letter], officer: dict[str, str] | None = None) -> bytes:
    """One PDF with each letter on its own pages (reportlab); every text escaped exactly once here."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate, Spacer

    council = council_details()
    body, right, heading = _letter_styles()

    def text(value: str) -> str:
        return escape(value).replace("\n", "<br/>")

    buffer = io.BytesIO()
    title = letters[0].subject if len(letters) == 1 else f"{len(letters)} letters"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=f"{council['la_name']} Council",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    story: list[Any] = []
    for index, letter in enumerate(letters):
        details = officer if officer is not None else child_context(letter.child)
        if index:
            story.append(PageBreak())
        head = [f"{council['la_name']} Council", "SEND service", *council["council_address"].split(", ")]
        head += [f"Phone: {council['council_phone']}", f"Email: {council['council_email']}"]
        story.append(Paragraph("<br/>".join(escape(line) for line in head), right))
        story.append(Spacer(1, 8 * mm))
        address = [letter.recipient_name, *[p for p in letter.recipient_address.split(", ") if p]]
        if letter.delivery == Delivery.EMAIL and letter.recipient_email:
            address.append(f"By email: {letter.recipient_email}")
        story.append(Paragraph("<br/>".join(escape(line) for line in address), body))
        story.append(Spacer(1, 6 * mm))
        facts = [
            f"Date: {long_date(letter.letter_date)}",
            f"Our reference: {letter.child.reference}",
            f"About: {letter.child.full_name}, born {long_date(letter.child.birth_date)}",
            f"Contact: {details['officer_name']}, {details['officer_phone']}, {details['officer_email']}",
        ]
        story.append(Paragraph("<br/>".join(escape(line) for line in facts), body))
        story.append(Paragraph(text(letter.subject), heading))
        items: list[Any] = []
        for kind, block in letter_blocks(letter):
            if kind == "li":
                items.append(ListItem(Paragraph(text(block), body), leftIndent=12))
                continue
            if items:
                story.append(ListFlowable(items, bulletType="bullet", start="•"))
                items = []
            story.append(Paragraph(text(block), body))
            story.append(Spacer(1, 3 * mm))
        if items:
            story.append(ListFlowable(items, bulletType="bullet", start="•"))
    doc.build(story)
    return buffer.getvalue()
