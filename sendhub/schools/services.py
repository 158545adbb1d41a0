from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from dataclasses import fields as fields_of
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected
from sendhub.schools.gias import GiasProblem, GiasRow, read_gias
from sendhub.schools.models import School

if TYPE_CHECKING:  # schools sits below accounts in the layers: the type only
    from sendhub.accounts.models import User


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)


BATCH = 1000


@transaction.atomic
def import_gias(*, lines: Iterable[str], by: User | None = None, la_code: str | None = None) -> ImportSummary:
    """Create or update schools from a GIAS CSV: the whole national file (every setting in England, so
    that an out-of-area, independent, non-maintained special or post-16 provider can be named in a plan)
    or one LA's rows (`la_code`). Any bad row rejects the whole file: nothing is written.

    Writes in batches (bulk_create/bulk_update), so the national file's ~50,000 rows take seconds.
    """
    rows: dict[int, GiasRow] = {}
    problems: list[str] = []
    for item in read_gias(lines):
        if isinstance(item, GiasProblem):
            problems.append(f"Line {item.line}: {item.message}")
        elif la_code is None or item.la_code == la_code:
            if item.urn in rows:
                problems.append(f"URN {item.urn} appears more than once")
            rows[item.urn] = item
    if problems:
        raise ImportRejected(f"The file has {len(problems)} problem(s); no schools were imported", problems)
    summary = ImportSummary()
    existing = {s.urn: s for s in School.objects.all()} if la_code is None else _existing(list(rows))
    new, changed, fields = [], [], [f.name for f in fields_of(GiasRow) if f.name != "urn"]
    for row in rows.values():
        values = asdict(row)
        school = existing.get(row.urn)
        if school is None:
            school = School(**values)
            new.append(school)
        elif any(getattr(school, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(school, k, v)
            changed.append(school)
        else:
            summary.unchanged += 1
            continue
        try:
            school.full_clean(validate_unique=False)  # URNs are unique in the file and matched above
        except ValidationError as e:
            problems.append(
                f"URN {row.urn}: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in e.message_dict.items())
            )
    if problems:
        raise ImportRejected(f"The file has {len(problems)} problem(s); no schools were imported", problems)
    School.objects.bulk_create(new, batch_size=BATCH)
    School.objects.bulk_update(changed, fields, batch_size=BATCH)
    summary.created, summary.updated = len(new), len(changed)
    record_event(
        actor=by,
        action="schools.gias_imported",
        data={"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged},
    )
    return summary


def _existing(urns: list[int]) -> dict[int, School]:
    found: dict[int, School] = {}
    for start in range(0, len(urns), BATCH):  # SQLite limits the parameters in one query
        found.update({s.urn: s for s in School.objects.filter(urn__in=urns[start : start + BATCH])})
    return found
