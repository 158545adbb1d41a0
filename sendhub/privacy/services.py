"""Subject-access export and retention erasure. Both audited with ids and counts only."""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from datetime import date
from graphlib import TopologicalSorter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from sendhub.core.audit import record_event
from sendhub.core.models import AuditEvent
from sendhub.lib.dates import long_date
from sendhub.privacy.rules import RetentionPeriods
from sendhub.privacy.selectors import DueForErasure, Holding, audit_of, due_for_erasure, holding_for

if TYPE_CHECKING:
    from sendhub.accounts.models import User

# Never exported, even to the person themselves: secrets that would let someone act as them.
SECRET_FIELDS = {"password"}


def retention_periods() -> RetentionPeriods:
    return RetentionPeriods(
        ehc_from_birth=settings.SENDHUB_RETENTION_EHC_YEARS,
        looked_after_from_birth=settings.SENDHUB_RETENTION_LOOKED_AFTER_YEARS,
        support_from_birth=settings.SENDHUB_RETENTION_SUPPORT_YEARS,
        contact_after_close=settings.SENDHUB_RETENTION_CONTACT_YEARS,
    )


def _record_dicts(records: list[models.Model]) -> list[dict[str, Any]]:
    rows = serializers.serialize("python", records)
    for row in rows:
        for name in SECRET_FIELDS & set(row["fields"]):
            del row["fields"][name]
    return rows


def _files_of(records: list[models.Model]) -> list[tuple[str, Any]]:
    """(name in the ZIP, field file) for every stored file attached to the records, if any model has one."""
    found = []
    for record in records:
        for f in record._meta.concrete_fields:
            if isinstance(f, models.FileField):
                value = getattr(record, f.attname)
                if value:
                    found.append(
                        (f"documents/{record._meta.label_lower}-{record.pk}-{Path(value.name).name}", value)
                    )
    return found


def _audit_rows(events: list[AuditEvent]) -> list[dict[str, Any]]:
    return [
        {
            "at": e.at,
            "who": e.actor_email or "system (scheduled job)",
            "action": e.action,
            "record": f"{e.target_type} {e.target_id}".strip(),
            "from_address": e.ip_address or "",
            "page": e.path,
        }
        for e in events
    ]


def _summary_pdf(title: str, sections: list[dict[str, Any]], audit: list[dict[str, Any]]) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(escape(title), styles["Title"])]
    for section in sections:
        story.append(Paragraph(escape(section["title"]), styles["Heading2"]))
        for row in section["rows"]:
            story.append(Paragraph(f"<b>{escape(row['record'])}</b>", styles["Heading4"]))
            for name, value in row["fields"]:
                story.append(Paragraph(f"{escape(name)}: {escape(str(value))}", styles["Normal"]))
        story.append(Spacer(1, 8))
    story.append(Paragraph("Who viewed or changed these records", styles["Heading2"]))
    for e in audit:
        line = f"{long_date(e['at'])} {e['at']:%H:%M} {e['who']}: {e['action']} {e['record']}"
        story.append(Paragraph(escape(line), styles["Normal"]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build(story)
    return buffer.getvalue()


def write_export(holding: Holding, out: Path, *, subject: str, actor: User | None = None) -> dict[str, int]:
    """Write the subject-access ZIP: summary.html, summary.pdf, records.json, audit.json, documents/."""
    records = holding.all_records()
    rows = _record_dicts(records)
    events = audit_of(holding)
    audit = _audit_rows(events)
    sections: dict[str, dict[str, Any]] = {}
    for record, row in zip(records, rows, strict=True):
        meta = record._meta
        section = sections.setdefault(
            meta.label_lower, {"title": str(meta.verbose_name_plural).capitalize(), "rows": []}
        )
        labels = {f.name: str(f.verbose_name).capitalize() for f in meta.concrete_fields}
        shown = [(labels.get(k, k), "" if v is None else v) for k, v in row["fields"].items()]
        section["rows"].append({"record": f"{meta.verbose_name} {record.pk}: {record}", "fields": shown})
    title = f"Subject access export: {subject}"
    summary_sections = list(sections.values())
    context = {
        "title": title,
        "made_at": timezone.now(),
        "la_name": settings.SENDHUB_LA_NAME,
        "sections": summary_sections,
        "audit": audit,
    }
    files = _files_of(records)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.html", render_to_string("privacy/export_summary.html", context))
        archive.writestr("summary.pdf", _summary_pdf(title, summary_sections, audit))
        archive.writestr("records.json", json.dumps(rows, cls=DjangoJSONEncoder, indent=2))
        archive.writestr("audit.json", json.dumps(audit, cls=DjangoJSONEncoder, indent=2))
        for name, value in files:
            with value.open("rb") as handle:
                archive.writestr(name, handle.read())
    counts = {"records": len(records), "audit_events": len(audit), "documents": len(files)}
    record_event(actor=actor, action="privacy.exported", target=holding.root, data=counts)
    return counts


def _deletion_order(records: list[models.Model]) -> list[type[models.Model]]:
    """Models in the order to delete them: a model that points at another of the set goes first."""
    present = {type(r) for r in records}
    graph: dict[type[models.Model], set[type[models.Model]]] = {m: set() for m in present}
    for model in present:
        for f in model._meta.concrete_fields:
            target = f.related_model if f.is_relation else None
            if target in present and target is not model:
                graph[target].add(model)  # `target` is deleted after `model`, which points at it
    return list(TopologicalSorter(graph).static_order())


@transaction.atomic
def erase(item: DueForErasure) -> dict[str, int]:
    """Delete the record and everything that belongs to it; audit ids and counts only. Audit rows stay."""
    holding = holding_for(item.record)
    by_model: dict[type[models.Model], list[Any]] = {}
    for record in holding.owned:
        by_model.setdefault(type(record), []).append(record.pk)
    counts: Counter[str] = Counter()
    for model in _deletion_order(holding.owned):
        model._base_manager.filter(pk__in=by_model[model]).delete()
        counts[model._meta.label_lower] += len(by_model[model])
    record_event(
        actor=None,
        action="privacy.erased",
        data={
            "record_type": item.record_type,
            "target_type": item.record._meta.label_lower,
            "target_id": str(item.record.pk),
            "kept_until": item.keep_until.isoformat(),
            "deleted": dict(sorted(counts.items())),
        },
    )
    return dict(counts)


def apply_retention(today: date | None = None) -> list[tuple[DueForErasure, dict[str, int]]]:
    """Erase everything past its retention period; each record in its own transaction."""
    today = today or timezone.localdate()
    return [(item, erase(item)) for item in due_for_erasure(today, retention_periods())]
