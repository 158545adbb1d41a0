"""Values ready to show in templates."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from sendhub.localoffer import rules
from sendhub.localoffer.forms import ServiceEditForm
from sendhub.localoffer.models import Area, CostKind, Service
from sendhub.localoffer.records import KINDS, Change, Kind, diff

CHOICE_LABELS = {"cost_kind": dict(CostKind.choices), "area": dict(Area.choices)}

SHORTLIST_KEY = "localoffer_shortlist"
SHORTLIST_MAX = 50


def content_blocks(body: str) -> list[tuple[str, str]]:
    """('h2'|'p', text) blocks from a content page's plain text ('## ' starts a heading)."""
    blocks = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        text = chunk.strip()
        if text.startswith("## "):
            heading, _, rest = text[3:].partition("\n")
            blocks.append(("h2", heading.strip()))
            if rest.strip():
                blocks.append(("p", rest.strip()))
        elif text:
            blocks.append(("p", text))
    return blocks


def query_without_page(params: QueryDict) -> str:
    copy = params.copy()
    copy.pop("page", None)
    return copy.urlencode()


def age_text(service: Service) -> str:
    return rules.age_label(service.minimum_age, service.maximum_age)


def _shown(name: str, value: Any, terms: dict[str, str]) -> str:
    if name == "term_ids":
        return ", ".join(sorted(terms.get(t, "(removed term)") for t in value or []))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if name in CHOICE_LABELS:
        return CHOICE_LABELS[name].get(value, str(value))
    return "" if value is None else str(value)


def field_changes(
    current: dict[str, Any], proposed: dict[str, Any], terms: dict[str, str]
) -> list[tuple[str, str, str]]:
    """(label, now, proposed) for each of the service's own fields the revision changes."""
    labels = {name: str(field.label) for name, field in ServiceEditForm.base_fields.items()}
    return [
        (labels.get(name, name), _shown(name, current.get(name), terms), _shown(name, value, terms))
        for name, value in proposed.items()
        if name not in KINDS and current.get(name) != value
    ]


def record_changes(current: dict[str, Any], proposed: dict[str, Any]) -> list[tuple[Kind, list[Change]]]:
    """For each kind of sub-record the revision changes: what is added, changed and removed, in words."""
    out = []
    for slug, kind in KINDS.items():
        if slug in proposed and (changes := diff(kind, current.get(slug, []), proposed[slug])):
            out.append((kind, changes))
    return out
