"""The casework demo: every stage, real due and overdue work, idempotent; the stored dates agree with the rules."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from sendhub.cases import selectors
from sendhub.cases.models import AssessmentRequest, Child, Placement, Plan
from sendhub.cases.rules import Stage, next_panel_day, work_based_problem
from sendhub.cases.services.status import current_status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_db")]  # seed 3, scale 0.02


def test_demo_at_small_scale_has_every_stage_and_is_idempotent(admin_user):
    count = Child.objects.count()
    call_command("demo-data", "--seed", "3", "--scale", "0.02", stdout=io.StringIO())
    assert Child.objects.count() == count
    stored = set(Child.objects.exclude(stage="").values_list("stage", flat=True))
    assert stored == {s.value for s in Stage if not s.closed}
    assert Child.objects.filter(sen_status="none", plans__status="ceased").exists()
    # A few plans name a school's SEN unit or resourced provision (SEN2 items 4.7e/4.7f), only where it has one.
    units = Plan.objects.filter(Q(named_setting_sen_unit=True) | Q(named_setting_resourced_provision=True))
    assert units.exists() and units.count() < Plan.objects.count() / 10
    assert not units.exclude(named_setting__setting_type="resourced").exists()
    today = timezone.localdate()
    counts = selectors.worklist_counts(admin_user, today)
    assert counts["overdue"] > 0 and counts["due"] > 0 and counts["advice"] > 0
    # Work-based learning is a post-16 route (SEN2 COD-03): the demo never gives it to a child of school age.
    for plan in Plan.objects.exclude(work_based="").select_related("child"):
        assert work_based_problem(plan.child.birth_date, plan.work_based, today) is None, plan
    for placement in Placement.objects.exclude(work_based="").select_related("child"):
        assert work_based_problem(placement.child.birth_date, placement.work_based, placement.start) is None
    # The next panel has an agenda: each team's oldest requests waiting for a decision to assess.
    panel = next_panel_day(today, "thursday")
    listed = AssessmentRequest.objects.filter(panel_on__isnull=False)
    assert listed.exists() and set(listed.values_list("panel_on", flat=True)) == {panel}
    assert not listed.exclude(decided_to_assess__isnull=True).exists()
    assert selectors.agenda_for(admin_user, today, panel).listed


def test_stored_next_due_agrees_with_the_rules(admin_user):
    """selectors.worklist() reads the stored date; it must match what the rules say today."""
    today = timezone.localdate()
    overdue = set(selectors.worklist(admin_user, today, "overdue").values_list("pk", flat=True))
    for child in Child.objects.all():
        status = current_status(child, today)
        assert (status.next_due if status else None) == child.next_due, child.reference
        assert (child.pk in overdue) == bool(status and status.overdue), child.reference


def test_demo_has_panel_letters_and_worklist_links_to_next_steps(client, login):
    from django.urls import reverse

    from sendhub.accounts.models import User
    from sendhub.cases.models import Letter

    assert Letter.objects.exists()
    login(client, User.objects.get(email="admin@demo.sendhub.test"))
    body = client.get(reverse("cases:worklist") + "?list=overdue").content.decode()
    assert "/cases/requests/" in body or "/cases/plans/" in body


def test_demo_has_structured_reviews_and_multi_setting_consultations():
    """Issue 17 items 5-6: reviews with their record (PfA from year 9; some late) and settings consulted."""
    from sendhub.cases import rules
    from sendhub.cases.models import AnnualReview, SettingConsultation

    today = timezone.localdate()
    structured = list(AnnualReview.objects.exclude(child_views="").select_related("plan__child"))
    assert structured and all(r.participants.exists() and r.recommendations for r in structured)
    assert any(r.progress.exists() for r in structured)
    for review in structured:
        assert bool(review.pfa) is rules.pfa_required(review.plan.child.birth_date, review.meeting), review.pk
    assert any(r.pfa for r in structured)
    assert any((r.report_sent or today) > rules.review_report_due(r.meeting) for r in structured)  # late
    consulted = SettingConsultation.objects.select_related("school", "request")
    several = {c.request_id for c in consulted} - {
        c.request_id for c in consulted if consulted.filter(request_id=c.request_id).count() == 1
    }
    assert several
    assert any(c.school.out_of_borough for c in consulted if c.request_id in several)
    for c in consulted:  # each request's own dates still describe its consultations (the stored stage agrees)
        assert c.request is not None  # the demo consults on requests only
        waiting = [x.sent for x in consulted if x.request_id == c.request_id and x.answered_on is None]
        assert c.request.setting_consulted == (min(waiting) if waiting else c.request.setting_consulted)
        assert (c.request.setting_responded is None) == bool(waiting), c.request_id


def test_demo_reviews_and_consultations_have_their_letters_and_reports(client, login):
    """Issue 17: each structured review has its invitation, its report as sent (a PDF) and the decision
    letter after it; each setting consulted on an open request has its letter. Letters to a parent who
    prefers email go by email (the outbox sends them when the demo's transaction commits), others by post."""
    from django.urls import reverse

    from sendhub.accounts.models import User
    from sendhub.cases.models import AnnualReview, Document, Letter, RequestStatus, SettingConsultation

    structured = list(AnnualReview.objects.exclude(child_views="").select_related("plan__child"))
    assert structured
    for review in structured:
        kept = Letter.objects.filter(document__review=review)
        keys = set(kept.values_list("template__key", flat=True))
        assert "review-invitation" in keys, review.pk
        assert (f"review-{review.outcome}" in keys) is bool(review.decision_on), review.pk
        reports = Document.objects.filter(review=review, title__startswith="Annual review report")
        assert reports.count() == (1 if review.report_sent else 0), review.pk
        for letter in kept.select_related("child"):
            assert letter.child.full_name in letter.body and "&#x27;" not in letter.body
    review_letters = Letter.objects.filter(document__review__in=structured)
    emailed = review_letters.filter(delivery="email")
    assert emailed.exists() and review_letters.filter(delivery="post").exists()
    assert all(letter.recipient_email for letter in emailed)
    open_consultations = SettingConsultation.objects.filter(request__status=RequestStatus.OPEN)
    assert open_consultations.exists()
    for c in open_consultations.select_related("school"):
        letter = Letter.objects.get(
            template__key="consultation", request=c.request, recipient_name__endswith=str(c.school)
        )
        assert letter.letter_date == c.sent and str(c.school) in letter.subject
    # What the officer sees: the report and the letters in the review's documents.
    review = next(r for r in structured if r.report_sent and r.decision_on)
    login(client, User.objects.get(email="admin@demo.sendhub.test"))
    page = client.get(reverse("cases:review_detail", args=[review.plan_id, review.pk])).content.decode()
    assert f"Annual review report: meeting of {review.meeting.day} {review.meeting:%B %Y}" in page
    assert "Annual review invitation" in page and "Decision after a review" in page


def test_demo_plan_quality_totals_follow_from_the_section_grades():
    """Issue #22: the demo's totals (0 good, 3 requires improvement, 9 inadequate) did not follow from the
    section grades shown beside them, which were mostly good."""
    from sendhub.cases.demo import overall_grade
    from sendhub.cases.models import QualityAudit

    audits = list(QualityAudit.objects.all())
    assert audits
    for audit in audits:
        assert audit.overall == overall_grade(audit.grades)
        most = max(set(audit.grades.values()), key=list(audit.grades.values()).count)
        assert audit.overall in (most, "requires_improvement")


@pytest.mark.parametrize(
    ("grades", "overall"),
    [
        ({"A": "good", "B": "good", "C": "requires_improvement"}, "good"),
        (
            {"A": "good", "B": "good", "C": "inadequate"},
            "requires_improvement",
        ),  # never good with an inadequate
        ({"A": "good", "B": "requires_improvement"}, "requires_improvement"),  # a tie goes to the worse
        ({"A": "inadequate", "B": "inadequate", "C": "good"}, "inadequate"),
    ],
)
def test_overall_grade_rule(grades, overall):
    from sendhub.cases.demo import overall_grade

    assert overall_grade(grades) == overall
