"""Parse another directory's ORUK 3.0 feed into validated services, reporting invalid records.

A feed document may be one service, a JSON list of services, or a paged wrapper (`{"contents": [...]}`)
of full services. Each record is checked against `service.json`, then for things the schema cannot say
(ids repeated in the feed, an age range upside down); a record with any problem is rejected whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from sendhub.localoffer.oruk.models import Service
from sendhub.localoffer.oruk.schemas import schema_errors


class FeedError(ValueError):
    """The document as a whole cannot be read (not JSON, or not a service/list/page)."""


@dataclass(frozen=True)
class RecordProblem:
    index: int
    record_id: str
    name: str
    reasons: list[str]

    def __str__(self) -> str:
        label = f"record {self.index + 1}" + (f" ({self.record_id})" if self.record_id else "")
        if self.name:
            label += f" “{self.name}”"
        return f"{label}: " + "; ".join(self.reasons)


@dataclass
class FeedResult:
    services: list[Service] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.services) + len(self.problems)


def records_from_document(document: Any) -> list[Any]:
    """The service records in one feed document."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        if isinstance(document.get("contents"), list):
            return list(document["contents"])
        if "id" in document and "name" in document:
            return [document]
    raise FeedError("The feed is not an ORUK service, a list of services or a paged list of services")


def load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except ValueError as e:
        raise FeedError(f"The feed is not valid JSON: {e}") from e


def _extra_problems(record: dict[str, Any]) -> list[str]:
    problems = []
    low, high = record.get("minimum_age"), record.get("maximum_age")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        problems.append(f"minimum_age {low} is above maximum_age {high}")
    for n, cost in enumerate(record.get("cost_options") or []):
        amount = cost.get("amount") if isinstance(cost, dict) else None
        if isinstance(amount, int | float) and amount < 0:
            problems.append(f"cost_options/{n}/amount: {amount} is negative")
    return problems


def parse_records(records: Iterable[Any]) -> FeedResult:
    """Validate each record; valid ones become `Service` models, the others `RecordProblem`s."""
    result = FeedResult()
    seen: set[str] = set()
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            result.problems.append(RecordProblem(index, "", "", ["the record is not a JSON object"]))
            continue
        record_id, name = str(record.get("id") or ""), str(record.get("name") or "")
        reasons = schema_errors(record, "service") + _extra_problems(record)
        if record_id and record_id in seen:
            reasons.append("the id appears earlier in the feed")
        if not reasons:
            try:
                service = Service.model_validate(record)
            except ValidationError as e:
                reasons = [f"{'/'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()[:10]]
        if reasons:
            result.problems.append(RecordProblem(index, record_id, name[:80], reasons))
        else:
            seen.add(record_id)
            result.services.append(service)
    return result


def parse_feed(text: str | bytes) -> FeedResult:
    return parse_records(records_from_document(load_json(text)))
