from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.db import transaction

from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected
from sendhub.schools.gias import GiasProblem, GiasRow, read_gias
from sendhub.schools.models import School


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


@transaction.atomic
def import_gias(*, lines: Iterable[str], by: object = None, la_code: str | None = None) -> ImportSummary:
    """Create or update schools from a GIAS CSV. Any bad row rejects the whole file: nothing is written."""
    rows: list[GiasRow] = []
    problems: list[str] = []
    for item in read_gias(lines):
        if isinstance(item, GiasProblem):
            problems.append(f"Line {item.line}: {item.message}")
        elif la_code is None or item.la_code == la_code:
            rows.append(item)
    if problems:
        raise ImportRejected(f"The file has {len(problems)} problem(s); no schools were imported", problems)
    summary = ImportSummary()
    existing = {s.urn: s for s in School.objects.filter(urn__in=[r.urn for r in rows])}
    for row in rows:
        values = asdict(row)
        school = existing.get(row.urn)
        if school is None:
            school = School(**values)
            school.full_clean()
            school.save()
            summary.created += 1
        elif any(getattr(school, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(school, k, v)
            school.full_clean()
            school.save()
            summary.updated += 1
        else:
            summary.unchanged += 1
    record_event(
        actor=by,
        action="schools.gias_imported",
        data={"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged},
    )
    return summary
