"""Casework services: the statutory journey end to end, audit events, locking and refusals."""

from datetime import date

import pytest

from sendhub.cases import rules
from sendhub.cases.models import Child, PlanStatus, RequestStatus
from sendhub.cases.services import children as child_services
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import requests as svc
from sendhub.cases.services.status import current_status
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = date(2025, 12, 1)
SECTIONS = {
    code: f"Section {code} text" for code in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
}


def actions():
    """The steps' own events (each step's letters add their letter and document events; test_letters.py)."""
    events = AuditEvent.objects.exclude(action__startswith="cases.letter.").exclude(
        action__startswith="cases.document."
    )
    return list(events.order_by("id").values_list("action", flat=True))


def test_full_ehc_journey_keeps_the_worklist_dates(officer):
    request = svc.intake(
        by=officer,
        today=TODAY,
        first_name="Sam",
        last_name="Example",
        birth_date=date(2016, 5, 4),
        sex="F",
        upn="",
        received=date(2025, 6, 2),
        source="parent",
    )
    child = Child.objects.get(pk=request.child_id)
    assert child.officer == officer
    assert child.stage == "awaiting_decision_to_assess"
    assert child.next_due == date(2025, 7, 14)  # reg 5(1)
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=date(2025, 7, 7), by=officer, today=TODAY
    )
    advice = svc.request_advice(
        request=request, kind="psychological", requested_on=date(2025, 7, 10), by=officer, today=TODAY
    )
    assert advice.due == date(2025, 8, 21)  # reg 8(1)
    child.refresh_from_db()
    assert (child.stage, child.next_due) == ("assessing", date(2025, 8, 21))
    svc.record_advice_received(advice=advice, received_on=date(2025, 8, 15), by=officer, today=TODAY)
    svc.issue_draft(request=request, issued_on=date(2025, 9, 15), sections=SECTIONS, by=officer, today=TODAY)
    with pytest.raises(CaseStateError, match="15 days"):
        svc.issue_final(
            request=request, issued_on=date(2025, 9, 20), sections=SECTIONS, by=officer, today=TODAY
        )
    version = svc.issue_final(
        request=request, issued_on=date(2025, 10, 17), sections=SECTIONS, by=officer, today=TODAY
    )
    assert version.number == 2 and version.plan.versions.count() == 2  # the draft is kept
    child.refresh_from_db()
    request.refresh_from_db()
    assert request.status == RequestStatus.ISSUED
    assert child.sen_status == "ehcp"
    assert (child.stage, child.next_due) == (
        "plan_maintained",
        date(2026, 10, 16),
    )  # CFA s.44(1): the day before the anniversary
    assert actions() == [
        "cases.child.created",
        "cases.request.created",
        "cases.request.assess_decision",
        "cases.advice.requested",
        "cases.advice.received",
        "cases.plan.draft_issued",
        "cases.plan.final_issued",
    ]
    final = AuditEvent.objects.get(action="cases.plan.final_issued")
    assert final.data == {"within_20_weeks": True, "exception": False}
    assert child.timeline.count() >= 6


def test_one_open_request_at_a_time(officer):
    child = ChildFactory.create(officer=officer)
    svc.record_request(child=child, received=date(2025, 6, 2), source="school", by=officer, today=TODAY)
    with pytest.raises(CaseStateError, match="already has an open request"):
        svc.record_request(child=child, received=date(2025, 6, 3), source="parent", by=officer, today=TODAY)


def test_dates_cannot_be_in_the_future_or_out_of_order(officer):
    child = ChildFactory.create(officer=officer)
    with pytest.raises(CaseStateError, match="future"):
        svc.record_request(child=child, received=date(2025, 12, 2), source="parent", by=officer, today=TODAY)
    request = svc.record_request(
        child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
    )
    with pytest.raises(CaseStateError, match="before the request"):
        svc.record_assessment_decision(
            request=request, assess=True, decided_on=date(2025, 6, 1), by=officer, today=TODAY
        )


def test_decision_not_to_assess_closes_the_request(officer):
    child = ChildFactory.create(officer=officer)
    request = svc.record_request(
        child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
    )
    svc.record_assessment_decision(
        request=request, assess=False, decided_on=date(2025, 7, 1), by=officer, today=TODAY
    )
    child.refresh_from_db()
    assert request.status == RequestStatus.NOT_ASSESSED
    assert (child.stage, child.next_due) == ("", None)
    with pytest.raises(CaseStateError, match="closed"):
        svc.request_advice(
            request=request, kind="medical", requested_on=date(2025, 7, 2), by=officer, today=TODAY
        )


def test_stale_version_is_refused(officer):
    child = ChildFactory.create(officer=officer)
    child_services.update_child(child=child, by=officer, expected_version=1, first_name="Jo")
    stale = Child.objects.get(pk=child.pk)
    stale.version = 1
    with pytest.raises(StaleObjectError):
        child_services.update_child(child=stale, by=officer, expected_version=1, first_name="Overwritten")
    child.refresh_from_db()
    assert (child.first_name, child.version) == ("Jo", 2)


def test_reassignment_is_audited(officer, colleague, manager):
    child = ChildFactory.create(officer=officer)
    child_services.reassign_child(child=child, officer=colleague, by=manager)
    event = AuditEvent.objects.get(action="cases.child.reassigned")
    assert event.data == {"from": officer.pk, "to": colleague.pk}
    assert event.actor == manager
    with pytest.raises(SendHubError, match="case officer"):
        child_services.reassign_child(child=child, officer=manager, by=manager)


def test_exception_is_validated_and_reported_both_ways(officer):
    child = ChildFactory.create(officer=officer)
    request = svc.record_request(
        child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
    )
    with pytest.raises(CaseStateError, match="4 weeks"):
        svc.record_exception(
            request=request,
            reason="absent_from_area",
            start=date(2025, 7, 1),
            end=date(2025, 7, 10),
            by=officer,
        )
    svc.record_exception(
        request=request, reason="absent_from_area", start=date(2025, 7, 1), end=date(2025, 8, 5), by=officer
    )
    status = current_status(child, TODAY)
    assert status is not None and status.exception_recorded


def test_review_amend_and_cease(officer):
    child = ChildFactory.create(officer=officer, birth_date=date(2012, 1, 1))
    request = svc.record_request(
        child=child, received=date(2024, 6, 3), source="parent", by=officer, today=TODAY
    )
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=date(2024, 7, 1), by=officer, today=TODAY
    )
    svc.issue_draft(request=request, issued_on=date(2024, 9, 2), sections=SECTIONS, by=officer, today=TODAY)
    svc.issue_final(request=request, issued_on=date(2024, 10, 1), sections=SECTIONS, by=officer, today=TODAY)
    plan = request.plan
    review = plan_services.record_review_meeting(
        plan=plan, meeting=date(2025, 9, 20), by=officer, today=TODAY
    )
    child.refresh_from_db()
    assert (child.stage, child.next_due) == ("awaiting_review_report", date(2025, 10, 4))  # reg 20(7)
    plan_services.record_review_report(review=review, sent=date(2025, 9, 30), by=officer, today=TODAY)
    plan_services.record_review_decision(
        review=review, outcome="amend", decided_on=date(2025, 10, 10), by=officer, today=TODAY
    )
    plan_services.propose_amendments(
        plan=plan, notice_sent=date(2025, 10, 13), sections=SECTIONS, by=officer, today=TODAY
    )
    child.refresh_from_db()
    assert (child.stage, child.next_due) == ("amendment_proposed", date(2025, 12, 8))  # reg 22(3)
    plan_services.issue_amended(
        plan=plan, issued_on=date(2025, 11, 20), sections=SECTIONS, by=officer, today=TODAY
    )
    assert [v.kind for v in plan.versions.order_by("number")] == [
        "draft",
        "final",
        "amendment_proposed",
        "amended",
    ]
    with pytest.raises(CaseStateError, match="Reg 31"):
        plan_services.give_cease_notice(
            plan=plan,
            notice=date(2025, 11, 25),
            reason=rules.CeaseReason.NO_LONGER_NEEDED,
            sen2_reason="2",
            by=officer,
            today=TODAY,
            consulted_parent=False,
            consulted_setting=True,
        )
    plan_services.give_cease_notice(
        plan=plan,
        notice=date(2025, 11, 25),
        reason=rules.CeaseReason.NO_LONGER_NEEDED,
        sen2_reason="2",
        by=officer,
        today=TODAY,
        consulted_parent=True,
        consulted_setting=True,
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CEASING
    with pytest.raises(CaseStateError, match="appeal period"):
        plan_services.record_ceased(
            plan=plan, ceased_on=date(2026, 1, 10), by=officer, today=date(2026, 1, 10)
        )
    plan_services.record_ceased(plan=plan, ceased_on=date(2026, 1, 26), by=officer, today=date(2026, 1, 26))
    child.refresh_from_db()
    assert (child.sen_status, child.stage) == ("none", "")


def test_outcomes_and_provision_are_carried_to_each_new_version(officer):
    child = ChildFactory.create(officer=officer)
    request = svc.record_request(
        child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
    )
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=date(2025, 7, 1), by=officer, today=TODAY
    )
    draft = svc.issue_draft(
        request=request, issued_on=date(2025, 9, 1), sections=SECTIONS, by=officer, today=TODAY
    )
    plan = draft.plan
    outcome = plan_services.add_outcome(
        plan=plan,
        description="Reads a short story aloud",
        area="education",
        by_when=date(2026, 7, 1),
        by=officer,
    )
    plan_services.add_provision(
        plan=plan,
        section="F",
        description="Phonics group",
        frequency="Daily, 20 minutes",
        provider="Class teacher",
        outcome=outcome,
        by=officer,
    )
    final = svc.issue_final(
        request=request, issued_on=date(2025, 10, 1), sections=SECTIONS, by=officer, today=TODAY
    )
    assert final.outcomes.get().description == "Reads a short story aloud"
    assert final.provision.get().outcome == final.outcomes.get()
    assert draft.outcomes.count() == 1  # the draft keeps its own copy
    with pytest.raises(CaseStateError, match="draft or to proposed amendments"):
        plan_services.add_outcome(plan=plan, description="Too late", area="", by_when=None, by=officer)


def test_placement_sets_the_current_setting(officer):
    from sendhub.cases.tests.factories import SchoolFactory

    child = ChildFactory.create(officer=officer)
    school = SchoolFactory.create()
    child_services.add_placement(child=child, by=officer, school=school, rank=1, start=date(2025, 9, 3))
    child.refresh_from_db()
    assert child.school == school
    with pytest.raises(SendHubError, match="type of setting"):
        child_services.add_placement(child=child, by=officer, rank=2, start=date(2025, 9, 3))


def test_budget_needs_a_budget_for_an_amount(officer):
    from sendhub.cases.tests.factories import PlanFactory

    plan = PlanFactory.create(child=ChildFactory.create(officer=officer))
    with pytest.raises(CaseStateError, match="Only give an amount"):
        plan_services.update_budget(
            plan=plan, personal_budget=False, amount=100, direct_payment="", by=officer, expected_version=1
        )
    plan_services.update_budget(
        plan=plan, personal_budget=True, amount=2400, direct_payment="S", by=officer, expected_version=1
    )
    plan.refresh_from_db()
    assert (plan.personal_budget, plan.version) == (True, 2)


def test_intake_assigns_the_officer_linked_to_the_school(officer, colleague):
    from sendhub.cases.tests.factories import SchoolFactory

    school = SchoolFactory.create()
    colleague.schools.add(school)
    request = svc.intake(
        by=officer,
        today=TODAY,
        first_name="Lee",
        last_name="Linked",
        birth_date=date(2014, 1, 9),
        sex="M",
        upn="",
        received=date(2025, 11, 3),
        source="school",
        school=school,
    )
    assert request.child.officer == colleague
    assert request.child.school == school
    with pytest.raises(CaseStateError, match="aged 0 to 25"):
        svc.intake(
            by=officer,
            today=TODAY,
            first_name="Old",
            last_name="Person",
            birth_date=date(1990, 1, 1),
            sex="M",
            upn="",
            received=date(2025, 11, 3),
            source="parent",
        )
