"""The retention schedule: the dry run lists, the nightly job erases, the audit keeps ids only."""

from __future__ import annotations

from datetime import UTC, datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from sendhub.cases.models import AdviceRequest, AssessmentRequest, Child, ParentCarer, Plan
from sendhub.cases.tests.factories import AdviceFactory, ChildFactory, ParentFactory, PlanFactory
from sendhub.core.jobs import app
from sendhub.core.models import AuditEvent
from sendhub.privacy.tasks import apply_retention_job
from sendhub.voice.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def population(time_machine: Any) -> dict[str, Any]:
    time_machine.move_to(datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    from sendhub.voice.tests.factories import make_contact

    old_plan = ChildFactory.create(reference="OLD-EHC", birth_date="1995-12-01")  # 31 on 1 Dec 2026: due
    advice = AdviceFactory.create(request__child=old_plan)
    PlanFactory.create(child=old_plan, request=advice.request)
    ParentFactory.create(child=old_plan, name="Kept Nowhere", email="gone@example.test")
    young_plan = ChildFactory.create(reference="YOUNG-EHC", birth_date="1996-01-01")  # 31 next month: kept
    PlanFactory.create(child=young_plan)
    support = ChildFactory.create(reference="OLD-SUPPORT", birth_date="2000-06-01")  # 25 last year: due
    looked_after = ChildFactory.create(
        reference="OLD-LAC", birth_date="1990-01-01", looked_after=True
    )  # kept to 75
    contact = make_contact(at=datetime(2019, 1, 7, 10, 0, tzinfo=UTC), child=old_plan)
    Contact.objects.filter(pk=contact.pk).update(closed_at=datetime(2020, 1, 2, tzinfo=UTC))
    recent = make_contact(at=datetime(2025, 1, 7, 10, 0, tzinfo=UTC))
    Contact.objects.filter(pk=recent.pk).update(closed_at=datetime(2025, 2, 2, tzinfo=UTC))
    return {
        "old_plan": old_plan,
        "young": young_plan,
        "support": support,
        "lac": looked_after,
        "contact": contact,
        "recent": recent,
    }


def test_dry_run_lists_what_is_due_and_changes_nothing(population: dict[str, Any]) -> None:
    out = StringIO()
    before = AuditEvent.objects.count()
    call_command("privacy", "retention", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines == [
        f"child_ehc\tcases.child {population['old_plan'].pk}\tkept until 2026-12-01",
        f"child_support\tcases.child {population['support'].pk}\tkept until 2025-06-01",
        f"voice_contact\tvoice.contact {population['contact'].pk}\tkept until 2026-01-02",
        "3 record(s) due for erasure on 2026-12-07 (dry run: nothing changed)",
    ]
    assert Child.objects.count() == 4 and AuditEvent.objects.count() == before


def test_the_nightly_job_erases_what_is_due_keeps_the_rest_and_audits_ids_only(
    population: dict[str, Any],
) -> None:
    events_before = list(AuditEvent.objects.values_list("pk", flat=True))
    assert apply_retention_job(timestamp=0) == 3

    assert sorted(Child.objects.values_list("reference", flat=True)) == ["OLD-LAC", "YOUNG-EHC"]
    assert not ParentCarer.objects.filter(email="gone@example.test").exists()
    assert not AdviceRequest.objects.exists()
    assert list(AssessmentRequest.objects.values_list("child__reference", flat=True)) == []
    assert list(Plan.objects.values_list("child__reference", flat=True)) == ["YOUNG-EHC"]
    assert list(Contact.objects.values_list("pk", flat=True)) == [population["recent"].pk]
    # Earlier audit rows are untouched (append-only); the erasures are recorded with ids and counts only.
    assert set(events_before) <= set(AuditEvent.objects.values_list("pk", flat=True))
    erased = AuditEvent.objects.filter(action="privacy.erased").order_by("id")
    child_event = next(e for e in erased if e.data["target_id"] == str(population["old_plan"].pk))
    assert child_event.data["record_type"] == "child_ehc"
    assert child_event.data["deleted"] == {
        "cases.advicerequest": 1,
        "cases.assessmentrequest": 1,
        "cases.child": 1,
        "cases.parentcarer": 1,
        "cases.plan": 1,
    }
    text = json_text = str([e.data for e in erased])
    assert "Kept Nowhere" not in text and "gone@example.test" not in json_text and "Alex" not in text
    # Run again: nothing more is due.
    assert apply_retention_job(timestamp=0) == 0


def test_the_retention_job_is_scheduled_nightly() -> None:
    periodic = [
        p for p in app.periodic_registry.periodic_tasks.values() if p.task.name == "privacy.apply_retention"
    ]
    assert [p.cron for p in periodic] == ["30 3 * * *"]


def test_the_periods_come_from_settings(population: dict[str, Any], settings: Any) -> None:
    settings.SENDHUB_RETENTION_EHC_YEARS = 40
    settings.SENDHUB_RETENTION_SUPPORT_YEARS = 40
    settings.SENDHUB_RETENTION_CONTACT_YEARS = 10
    out = StringIO()
    call_command("privacy", "retention", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        "0 record(s) due for erasure on 2026-12-07 (dry run: nothing changed)"
    ]
