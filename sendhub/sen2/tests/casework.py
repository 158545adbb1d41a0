"""Synthetic casework covering each kind of SEN2 record for the 2026 return (reference date 15 Jan 2026)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sendhub.cases.models import (
    AnnualReview,
    Appeal,
    AreaTransfer,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
    RequestStatus,
)
from sendhub.schools.models import School


def schools() -> tuple[School, School]:
    a = School.objects.create(
        urn=100001, name="Test Primary", phase="primary", setting_type="mainstream", la_code="202"
    )
    b = School.objects.create(
        urn=100002, ukprn="10000002", name="Test College", phase="16_plus", setting_type="fe", la_code="202"
    )
    return a, b


def child(ref: str, **kw: Any) -> Child:
    values: dict[str, Any] = {
        "first_name": "Test",
        "last_name": ref,
        "birth_date": date(2015, 4, 2),
        "sex": "F",
        "ethnicity": "WBRI",
    }
    values.update(kw)
    return Child.objects.create(reference=ref, **values)


def build() -> dict[str, Any]:
    """Seven children: five in the 2026 return, one finished before it, one whose request came after it."""
    a, b = schools()
    c1 = child("C1", upn="B202111111111", primary_need="ASD", secondary_need="SLCN", postcode="NW1 0AA")
    r1 = AssessmentRequest.objects.create(
        child=c1,
        received=date(2025, 2, 3),
        source="parent",
        decided_to_assess=date(2025, 3, 10),
        decided_to_issue=date(2025, 5, 1),
        final_issued=date(2025, 6, 16),
        status=RequestStatus.ISSUED,
    )
    p1 = Plan.objects.create(
        child=c1,
        request=r1,
        status="active",
        start_date=date(2025, 6, 16),
        named_setting=a,
        named_setting_sen_unit=True,  # section I names the school's SEN unit (PlanDetail item 4.7e)
        residential="A",
        personal_budget=True,
        organised_arrangements=True,
        direct_payment="E",
        amendment_notice=date(2025, 12, 15),  # proposed amendments after the review: ReviewDraft
    )
    Placement.objects.create(child=c1, school=a, start=date(2021, 9, 1), rank=1)
    AnnualReview.objects.create(
        plan=p1, meeting=date(2025, 12, 1), decision_on=date(2025, 12, 10), outcome="amend"
    )

    c2 = child("C2", uln="1234567899", birth_date=date(2008, 10, 20), sex="M", ethnicity="BAFR")
    AssessmentRequest.objects.create(
        child=c2,
        received=date(2025, 9, 1),
        source="school",
        decided_not_to_assess=date(2025, 10, 6),
        status=RequestStatus.NOT_ASSESSED,
    )

    Appeal.objects.create(child=c1, kind="tribunal", subject="contents", lodged=date(2025, 8, 1))
    Appeal.objects.create(child=c2, kind="mediation", subject="refusal_to_assess", lodged=date(2025, 11, 1))

    c3 = child("C3", birth_date=date(2022, 5, 5))  # no UPN yet: under 6
    AssessmentRequest.objects.create(child=c3, received=date(2025, 11, 1), source="health")
    AreaTransfer.objects.create(  # moved to Hackney before the request was decided: Exported
        child=c3,
        direction="out",
        other_la="204",
        notified_on=date(2025, 12, 1),
        transferred_on=date(2025, 12, 8),
    )

    c4 = child("C4", upn="P202222222222", birth_date=date(2009, 1, 9), primary_need="MLD")
    Plan.objects.create(  # before SEND Hub; moved to post-16 in September 2025 (phase transfer dates)
        child=c4,
        status="active",
        start_date=date(2019, 5, 1),
        named_setting=b,
        second_setting=a,
        second_setting_resourced_provision=True,  # its resourced provision on the second days (item 4.7f)
        work_based="S",
        amended_issued=date(2025, 3, 20),
    )
    Placement.objects.create(child=c4, school=b, start=date(2025, 9, 1), rank=1, work_based="S")  # aged 16
    AreaTransfer.objects.create(  # the plan came from Greenwich in the year: TransferLA
        child=c4,
        direction="in",
        other_la="203",
        notified_on=date(2025, 1, 6),
        transferred_on=date(2025, 2, 3),
    )
    Placement.objects.create(child=c4, sen_setting="OLA", start=date(2024, 9, 1), rank=2, sen_unit=True)

    c5 = child("C5", upn="C202333333333", birth_date=date(2006, 2, 2))
    r5 = AssessmentRequest.objects.create(
        child=c5,
        received=date(2018, 1, 10),
        source="young_person",
        decided_to_assess=date(2018, 2, 20),
        final_issued=date(2018, 6, 1),
        status=RequestStatus.ISSUED,
    )
    Plan.objects.create(
        child=c5,
        request=r5,
        status="ceased",
        start_date=date(2018, 6, 1),
        ceased=date(2025, 7, 31),
        cease_reason="5",
        named_setting_type="NIEO",  # section I named no institution (PlanDetail by SENSetting)
        named_setting_other="Awaiting a college place after moving",
    )

    c6 = child("C6", upn="Q202444444444")  # decided in 2023: out of scope
    AssessmentRequest.objects.create(
        child=c6,
        received=date(2023, 3, 1),
        source="parent",
        decided_not_to_assess=date(2023, 4, 1),
        status=RequestStatus.NOT_ASSESSED,
    )
    c7 = child("C7", upn="D202555555555")  # received after the reference date
    AssessmentRequest.objects.create(child=c7, received=date(2026, 2, 1), source="parent")
    return {"schools": (a, b), "children": [c1, c2, c3, c4, c5, c6, c7]}


def wipe_casework() -> None:
    """Empty the casework tables (keeping the schools register), as in a new installation."""
    AnnualReview.objects.all().delete()
    AreaTransfer.objects.all().delete()
    Appeal.objects.all().delete()
    Placement.objects.all().delete()
    Plan.objects.all().delete()
    AssessmentRequest.objects.all().delete()
    Child.objects.all().delete()
