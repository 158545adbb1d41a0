"""Which casework a SEN2 collection year covers (spec 1.2-1.3), and that casework loaded as plain rows, one
chunk of children at a time, for the mapping in `sen2.selectors`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any

from django.db.models import F, Q, QuerySet

from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AreaTransfer,
    AssessmentException,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
    RequestStatus,
)
from sendhub.cases.rules.reviews import TRANSFER_ENTRY_YEARS
from sendhub.sen2.validation import census_date
from sendhub.sen2.validation.common import reporting_period


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    reference_date: date
    start: date = field(init=False)  # 1 January of the year before the census
    # 31 December of that year: events (requests, decisions, plans issued or ceased, appeals, transfers)
    # after it belong to the next return, even before the census date (validation.reporting_period).
    end: date = field(init=False)
    # Births of children who changed phase in September of that year (reg 18; cases.rules.reviews): a
    # cheap test before the exact one, run for every active plan.
    transfer_births: tuple[tuple[date, date], ...] = field(init=False)

    def __post_init__(self) -> None:
        start, end = reporting_period(self.year)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        t = self.year - 1
        births = tuple(
            (date(t - e - 5, 9, 1), date(t - e - 4, 8, 31)) for e in TRANSFER_ENTRY_YEARS if e != 3
        )
        object.__setattr__(self, "transfer_births", births)

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls(year=year, reference_date=census_date(year))


def upto(d: date | None, ref: date) -> date | None:
    return d if d is not None and d <= ref else None


def children_in_scope(period: Period) -> QuerySet[Child]:
    """Children with a request or plan the return must report (spec 1.3)."""
    end, start = period.end, period.start
    live_plan = Q(plans__start_date__lte=end) & (Q(plans__ceased__isnull=True) | Q(plans__ceased__gte=start))
    request_in_scope = Q(requests__received__lte=end) & (
        Q(requests__status=RequestStatus.OPEN)
        | Q(requests__received__gte=start)
        | Q(requests__decided_not_to_assess__gte=start)
        | Q(requests__decided_to_assess__gte=start)
        | Q(requests__decided_not_to_issue__gte=start)
        | Q(requests__final_issued__gte=start)
        | Q(requests__withdrawn__gte=start)
    )
    ids = Child.objects.filter(live_plan | request_in_scope).values("pk")
    return Child.objects.filter(pk__in=ids).order_by("pk")


Row = Any  # a named tuple of the fields asked for (``row.received``)


def row_tuples(queryset: QuerySet[Any], *fields: str, **expressions: F) -> QuerySet[Any]:
    """The fields of each row as a named tuple: a fifth cheaper to build than ``values()`` dicts, which
    mattered in the export's loading of every record of every child."""
    if expressions:
        queryset = queryset.annotate(**expressions)
    return queryset.values_list(*fields, *expressions, named=True)


def grouped(rows: Iterable[Row], key: str) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = defaultdict(list)
    key_of = attrgetter(key)
    for row in rows:
        out[key_of(row)].append(row)
    return out


@dataclass(slots=True)
class Casework:
    """One chunk of children with their records, as plain rows (model instances cost 10x more to build)."""

    requests: dict[int, list[Row]]
    exceptions: dict[int, list[Row]]
    plans: dict[int, list[Row]]
    placements: dict[int, list[Row]]
    reviews: dict[int, list[Row]]
    appeals: dict[int, list[Row]]
    transfers: dict[int, list[Row]]

    @classmethod
    def load(cls, first: int, last: int) -> Casework:
        """The records of children ``first`` to ``last`` (by id). A range, not a list of ids: a query with
        1,000 parameters cost more to build and send than to run. Children in the range that are not in
        scope are loaded too and never asked for."""
        ids = {"child_id__gte": first, "child_id__lte": last}
        via = {"request__child_id__gte": first, "request__child_id__lte": last}
        via_plan = {"plan__child_id__gte": first, "plan__child_id__lte": last}
        return cls(
            requests=grouped(
                row_tuples(
                    AssessmentRequest.objects.filter(**ids).order_by("received", "pk"),
                    "id",
                    "child_id",
                    "received",
                    "source",
                    "decided_to_assess",
                    "decided_not_to_assess",
                    "withdrawn",
                    "final_issued",
                    "decided_not_to_issue",
                ),
                "child_id",
            ),
            exceptions=grouped(
                row_tuples(AssessmentException.objects.filter(**via), "request_id", "reason", "start", "end"),
                "request_id",
            ),
            plans=grouped(
                row_tuples(
                    Plan.objects.filter(**ids).order_by("start_date", "pk"),
                    "id",
                    "child_id",
                    "request_id",
                    "start_date",
                    "ceased",
                    "cease_reason",
                    "personal_budget",
                    "direct_payment",
                    "residential",
                    "work_based",
                    "organised_arrangements",
                    "amendment_notice",
                    "amended_issued",
                    "named_setting_type",
                    "named_setting_other",
                    "named_setting_sen_unit",
                    "named_setting_resourced_provision",
                    "second_setting_type",
                    "second_setting_other",
                    "second_setting_sen_unit",
                    "second_setting_resourced_provision",
                    urn=F("named_setting__urn"),
                    urn2=F("second_setting__urn"),
                ),
                "child_id",
            ),
            placements=grouped(
                row_tuples(
                    Placement.objects.filter(**ids).order_by("start", "pk"),
                    "child_id",
                    "sen_setting",
                    "sen_setting_other",
                    "rank",
                    "start",
                    "end",
                    "sen_unit",
                    "resourced_provision",
                    "residential",
                    "work_based",
                    urn=F("school__urn"),
                ),
                "child_id",
            ),
            reviews=grouped(
                row_tuples(
                    AnnualReview.objects.filter(**via_plan).order_by("-meeting", "-pk"),
                    "plan_id",
                    "meeting",
                    "decision_on",
                    "outcome",
                ),
                "plan_id",
            ),
            appeals=grouped(
                row_tuples(Appeal.objects.filter(**ids), "child_id", "kind", "subject", "lodged"), "child_id"
            ),
            transfers=grouped(
                row_tuples(
                    AreaTransfer.objects.filter(**ids, transferred_on__isnull=False).order_by(
                        "transferred_on", "pk"
                    ),
                    "child_id",
                    "direction",
                    "other_la",
                    "transferred_on",
                ),
                "child_id",
            ),
        )
