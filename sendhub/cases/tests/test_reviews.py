"""The structured annual review (SEND Regulations 2014 regs 19-22): services and the review report page."""

from datetime import date

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.cases.models import AnnualReview, Document, Outcome, PlanVersion
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import reviews as svc
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, PlanFactory, SchoolFactory
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = date(2025, 12, 1)
MEETING = date(2025, 9, 20)
SECTIONS = {
    c: f"Section {c} as issued" for c in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
}
PFA = {
    "employment": "Work experience at the garden centre in year 10",
    "independent_living": "Travel training to school by bus",
    "community": "Joins the Saturday youth club",
    "health": "Manages own medication with a checklist",
}


def words(response) -> str:
    """The page's text, each element's text apart (table cells do not run together)."""
    tree = lxml.html.fromstring(response.content)
    return " ".join(" ".join(t.split()) for t in tree.itertext() if t.strip())


def make_plan(officer, birth: date):
    school = SchoolFactory.create(name="Brook Lane Academy")
    child = ChildFactory.create(
        officer=officer, team=officer.team, birth_date=birth, first_name="Jordan", school=school
    )
    ParentFactory.create(child=child, name="Sam O'Neill")
    plan = PlanFactory.create(child=child, start_date=date(2024, 10, 1))
    version = PlanVersion.objects.create(
        plan=plan, number=1, kind="final", issued_on=date(2024, 10, 1), sections=SECTIONS
    )
    Outcome.objects.create(version=version, description="Reads a short book independently", area="education")
    Outcome.objects.create(version=version, description="Asks an adult for help when upset")
    return plan


@pytest.fixture
def teen_plan(officer):  # year 9 at the meeting: born October 2011
    return make_plan(officer, date(2011, 10, 1))


@pytest.fixture
def young_plan(officer):  # year 4 at the meeting
    return make_plan(officer, date(2016, 5, 1))


def content(**overrides):
    data = {
        "child_views": "I like maths and want to go to the same school as my friend.",
        "parent_views": "We'd like more help with reading at home.",
        "meets_needs": "yes",
        "meets_needs_notes": "Needs are the same as last year.",
        "recommendations": "Keep the speech and language sessions; add a reading target.",
        "recommended_outcome": "amend",
    }
    return {**data, **overrides}


def test_meeting_invites_the_child_parents_setting_and_officer(officer, young_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    invited = [(p.name, p.role, p.attended) for p in review.participants.all()]
    assert invited == [
        (young_plan.child.full_name, "child", False),
        ("Sam O'Neill", "parent", False),
        ("Brook Lane Academy", "setting", False),
        (officer.full_name, "la", False),
    ]
    svc.add_participant(review=review, name="Dr Lee", role="health", attended=True, by=officer)
    came = [p.pk for p in review.participants.all() if p.role in {"parent", "la", "health"}]
    svc.record_attendance(review=review, attended=came, by=officer)
    assert sorted(p.name for p in review.participants.filter(attended=True)) == sorted(
        ["Sam O'Neill", officer.full_name, "Dr Lee"]
    )


def test_from_year_9_each_preparing_for_adulthood_section_is_required(officer, teen_plan):
    review = plan_services.record_review_meeting(plan=teen_plan, meeting=MEETING, by=officer, today=TODAY)
    assert svc.pfa_due(review)  # year 9 on 20 September 2025 (born 1 October 2011): reg 20(6)
    with pytest.raises(
        SendHubError, match=r"reg 20\(6\).*independent living, community participation, health"
    ):
        svc.record_review_content(
            review=review, by=officer, pfa={"employment": "College course"}, **content()
        )
    review.refresh_from_db()
    assert (review.child_views, review.pfa) == ("", {})  # nothing half-saved
    svc.record_review_content(review=review, by=officer, pfa=PFA, **content())
    review.refresh_from_db()
    assert review.pfa == PFA
    assert review.parent_views == "We'd like more help with reading at home."


def test_before_year_9_no_preparing_for_adulthood_is_asked(officer, young_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    assert not svc.pfa_due(review)
    svc.record_review_content(review=review, by=officer, **content())
    assert AuditEvent.objects.filter(action="cases.review.recorded").count() == 1


def test_progress_towards_each_outcome_of_the_plan(officer, young_plan, teen_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    reading, help_ = svc.reviewed_outcomes(review)
    svc.record_progress(
        review=review,
        by=officer,
        entries=[(reading, "on_track", "Reads book band 6"), (help_, "achieved", "")],
    )
    svc.record_progress(review=review, by=officer, entries=[(reading, "some", "Slower this term")])  # changed
    assert [(p.outcome_text, p.progress, p.notes) for p in review.progress.order_by("id")] == [
        ("Reads a short book independently", "some", "Slower this term"),
        ("Asks an adult for help when upset", "achieved", ""),
    ]
    other = teen_plan.versions.get().outcomes.first()
    with pytest.raises(SendHubError, match="not in the plan reviewed"):
        svc.record_progress(review=review, by=officer, entries=[(other, "none", "")])


def test_a_contribution_with_a_document_is_kept_and_shown(client, login, officer, parent, young_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    upload = SimpleUploadedFile(
        "our-views.txt", b"Jordan's views, written at home.", content_type="text/plain"
    )
    contribution = svc.add_contribution(
        review=review,
        author_name="Sam O'Neill",
        kind="parent",
        text="Jordan is happier at school & sleeping better.",
        by=parent,
        today=TODAY,
        files=[upload],
    )
    document = contribution.documents.get()
    assert (document.review_id, document.kind, document.child_id) == (review.pk, "views", young_plan.child_id)
    with pytest.raises(SendHubError, match="Write the views or attach a document"):
        svc.add_contribution(review=review, author_name="X", kind="parent", text=" ", by=parent, today=TODAY)
    login(client, officer)
    page = lxml.html.fromstring(
        client.get(reverse("cases:review_detail", args=[young_plan.pk, review.pk])).content
    )
    text = page.text_content()
    assert "Sam O'Neill (parent or carer), 1 December 2025" in " ".join(text.split()) or "Sam O'Neill" in text
    assert "Jordan is happier at school & sleeping better." in text
    assert document.title in text


def test_a_decision_to_amend_carries_the_proposed_changes_into_the_amendment(
    client, login, officer, young_plan
):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    svc.record_review_content(
        review=review, by=officer, proposed_changes={"F": "Daily reading with a trained adult"}, **content()
    )
    plan_services.record_review_decision(
        review=review, outcome="amend", decided_on=date(2025, 10, 10), by=officer, today=TODAY
    )
    with pytest.raises(CaseStateError, match="closed"):
        svc.record_review_content(review=review, by=officer, **content())
    login(client, officer)
    plan_page = client.get(reverse("cases:plan_detail", args=[young_plan.pk])).content.decode()
    url = reverse("cases:amendments_propose", args=[young_plan.pk]) + f"?review={review.pk}"
    assert url.replace("&", "&amp;") in plan_page or url in plan_page
    form = lxml.html.fromstring(client.get(url).content)
    assert form.xpath("string(//textarea[@name='section_F'])").strip() == "Daily reading with a trained adult"
    assert form.xpath("string(//textarea[@name='section_B'])").strip() == "Section B as issued"
    version = plan_services.propose_amendments(
        plan=young_plan,
        notice_sent=date(2025, 10, 13),
        sections=svc.amendment_sections(review, SECTIONS),
        by=officer,
        today=TODAY,
        review=review,
    )
    review.refresh_from_db()
    assert review.amendment == version
    assert (version.kind, version.sections["F"], version.sections["A"]) == (
        "amendment_proposed",
        "Daily reading with a trained adult",
        "Section A as issued",
    )


def test_the_review_report_shows_what_the_officer_needs(client, login, officer, teen_plan):
    review = plan_services.record_review_meeting(plan=teen_plan, meeting=MEETING, by=officer, today=TODAY)
    svc.record_review_content(review=review, by=officer, pfa=PFA, **content())
    reading, _ = svc.reviewed_outcomes(review)
    svc.record_progress(review=review, by=officer, entries=[(reading, "on_track", "Reads book band 6")])
    plan_services.record_review_report(review=review, sent=date(2025, 10, 6), by=officer, today=TODAY)
    login(client, officer)
    text = words(client.get(reverse("cases:review_detail", args=[teen_plan.pk, review.pk])))
    assert "Annual review report: meeting of 20 September 2025" in text
    assert "year 9 at the meeting" in text
    # reg 20(7)-(8): report due 4 October, sent 6 October (late); reg 20(10): decision due 18 October, not made
    assert "Review report sent reg 20(7)-(8) 4 October 2025 6 October 2025 Late" in text
    assert "Decision to keep, amend or cease, notified reg 20(10) 18 October 2025 Not yet Overdue" in text
    assert "Reads a short book independently On track Reads book band 6" in text
    assert "Asks an adult for help when upset Not recorded" in text
    assert "Record the progress towards each outcome of the plan (reg 20(5))" in text  # still missing
    assert "Independent living Travel training to school by bus" in text
    assert "We'd like more help with reading at home." in text
    assert "The review recommends: amend the plan" in text
    assert "Sam O'Neill (parent or carer): did not come" in text


def test_before_year_9_the_report_has_no_preparing_for_adulthood(client, login, officer, young_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    login(client, officer)
    text = lxml.html.fromstring(
        client.get(reverse("cases:review_detail", args=[young_plan.pk, review.pk])).content
    )
    assert "Preparing for Adulthood" not in text.text_content()
    form = client.get(reverse("cases:review_record", args=[young_plan.pk, review.pk])).content.decode()
    assert "pfa_employment" not in form


def test_the_record_form_refuses_a_year_9_review_without_pfa(client, login, officer, teen_plan):
    review = plan_services.record_review_meeting(plan=teen_plan, meeting=MEETING, by=officer, today=TODAY)
    login(client, officer)
    url = reverse("cases:review_record", args=[teen_plan.pk, review.pk])
    response = client.post(url, {**content(), "at_school": "on", "pfa_employment": "College"})
    assert response.status_code == 200
    text = words(response)
    assert "From year 9 the review must consider Preparing for Adulthood (reg 20(6))" in text
    review.refresh_from_db()
    assert review.child_views == ""
    response = client.post(url, {**content(), "at_school": "on", **{f"pfa_{k}": v for k, v in PFA.items()}})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.pfa["health"] == PFA["health"]


def test_a_review_recorded_before_the_structure_still_opens(client, login, officer, young_plan):
    old = AnnualReview.objects.create(
        plan=young_plan,
        meeting=date(2025, 3, 1),
        report_sent=date(2025, 3, 10),
        decision_on=date(2025, 3, 20),
        outcome="keep",
    )
    login(client, officer)
    text = words(client.get(reverse("cases:review_detail", args=[young_plan.pk, old.pk])))
    assert "Decision: Maintain the plan as it is (20 March 2025)." in text
    assert "Review report sent reg 20(7)-(8) 15 March 2025 10 March 2025 On time" in text
    assert "No one recorded." in text
    assert Document.objects.count() == 0


def test_review_forms_through_the_pages(client, login, officer, colleague, young_plan):
    review = plan_services.record_review_meeting(plan=young_plan, meeting=MEETING, by=officer, today=TODAY)
    login(client, colleague)
    assert client.get(reverse("cases:review_detail", args=[young_plan.pk, review.pk])).status_code == 404
    login(client, officer)
    url = reverse("cases:review_progress", args=[young_plan.pk, review.pk])
    reading, help_ = svc.reviewed_outcomes(review)
    response = client.post(url, {f"progress_{reading.pk}": "achieved"})
    assert "Select the progress towards this outcome" in words(response)
    assert not review.progress.exists()
    response = client.post(
        url,
        {
            f"progress_{reading.pk}": "achieved",
            f"progress_{help_.pk}": "none",
            f"notes_{help_.pk}": "Not yet",
        },
    )
    assert response.status_code == 302
    url = reverse("cases:review_contribution", args=[young_plan.pk, review.pk])
    upload = SimpleUploadedFile("school-report.txt", b"Attendance 96%.", content_type="text/plain")
    response = client.post(
        url, {"author_name": "Brook Lane Academy", "kind": "setting", "text": "Good progress", "file": upload}
    )
    assert response.status_code == 302
    attend = reverse("cases:review_attendance", args=[young_plan.pk, review.pk])
    parent_row = review.participants.get(role="parent")
    assert client.post(attend, {"attended": [str(parent_row.pk)]}).status_code == 302
    text = words(client.get(reverse("cases:review_detail", args=[young_plan.pk, review.pk])))
    assert "Reads a short book independently Achieved" in text
    assert "Asks an adult for help when upset No progress Not yet" in text
    assert "Brook Lane Academy (school or college)," in text
    assert "Good progress" in text
    assert "Sam O'Neill (parent or carer): came" in text
