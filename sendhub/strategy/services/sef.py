"""Writes to the self-evaluation form."""

from __future__ import annotations

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.strategy.models import Measure, SefSection


@transaction.atomic
def save_sef_section(
    *,
    theme: str,
    strengths: str,
    areas_for_development: str,
    evidence: str,
    measures: list[Measure],
    by: User | None,
) -> SefSection:
    section = SefSection.objects.select_for_update().filter(theme=theme).first() or SefSection(theme=theme)
    section.strengths, section.areas_for_development, section.evidence = (
        strengths,
        areas_for_development,
        evidence,
    )
    section.updated_by = by
    section.full_clean()
    section.save()
    section.measures.set(measures)
    record_event(
        actor=by,
        action="strategy.sef.saved",
        target=section,
        data={"theme": theme, "measures": sorted(m.pk for m in measures)},
    )
    return section
