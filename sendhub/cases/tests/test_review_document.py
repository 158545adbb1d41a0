"""The annual review report as a document (reg 20(7)-(8)): a PDF read back with pypdf, kept on the case
when the report is sent, and downloaded from the review page (audited)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sendhub.cases.models import Document
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import reviews as svc
from sendhub.cases.services.review_document import review_pdf
from sendhub.cases.tests.test_plan_document import text_of
from sendhub.cases.tests.test_reviews import MEETING, PFA, TODAY, content, make_plan
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(officer):
    """A year 9 review, recorded in full, with its report sent late and the decision to amend."""
    plan = make_plan(officer, date(2011, 10, 1))
    review = plan_services.record_review_meeting(plan=plan, meeting=MEETING, by=officer, today=TODAY)
    svc.record_review_content(
        review=review, by=officer, pfa=PFA, proposed_changes={"F": "Daily reading & phonics"}, **content()
    )
    reading, help_ = svc.reviewed_outcomes(review)
    svc.record_progress(
        review=review,
        by=officer,
        entries=[(reading, "on_track", "Reads book band 6"), (help_, "achieved", "Asks every time")],
    )
    svc.record_attendance(review=review, attended=[review.participants.get(role="parent").pk], by=officer)
    return review


def test_the_report_pdf_holds_the_child_each_outcome_the_views_and_the_decision(officer, reviewed):
    plan_services.record_review_report(review=reviewed, sent=date(2025, 10, 6), by=officer, today=TODAY)
    plan_services.record_review_decision(
        review=reviewed, outcome="amend", decided_on=date(2025, 10, 10), by=officer, today=TODAY
    )
    reviewed.refresh_from_db()
    text = text_of(review_pdf(reviewed, TODAY))
    for expected in [
        f"Annual review report: {reviewed.plan.child.full_name}",
        "Date of the review meeting 20 September 2025",
        "Year group at the meeting Year 9",
        "Sam O'Neill Parent or carer Came",
        f"{reviewed.plan.child.full_name} The child or young person Did not come",
        "I like maths and want to go to the same school as my friend.",
        "We'd like more help with reading at home.",
        "Reads a short book independently On track Reads book band 6",
        "Asks an adult for help when upset Achieved Asks every time",
        "Does the plan still meet the needs? Yes: Needs are the same as last year.",
        "Independent living Travel training to school by bus",
        "The review recommends: amend the plan.",
        "Section F Daily reading & phonics",
        "Amend the plan, decided on 10 October 2025.",
        # reg 20(7)-(8): due 4 October, sent 6 October; reg 20(10): due 18 October, decided 10 October
        "Review report sent reg 20(7)-(8) 4 October 2025 6 October 2025 Late",
        "notified reg 20(10) 18 October 2025 10 October 2025 On time",
    ]:
        assert expected in text, expected


def test_sending_the_report_keeps_it_on_the_review_for_the_family(officer, reviewed):
    assert not Document.objects.filter(review=reviewed).exists()
    plan_services.record_review_report(review=reviewed, sent=date(2025, 10, 2), by=officer, today=TODAY)
    kept = Document.objects.get(review=reviewed)
    assert (kept.title, kept.content_type, kept.shared_with_family) == (
        "Annual review report: meeting of 20 September 2025",
        "application/pdf",
        True,
    )
    with kept.file.open("rb") as handle:
        text = text_of(handle.read())
    assert "Reads a short book independently On track" in text
    assert "Not yet decided: the local authority decides within 4 weeks of the meeting." in text


def test_before_year_9_and_with_nothing_recorded_the_report_says_so(officer):
    plan = make_plan(officer, date(2016, 5, 1))
    review = plan_services.record_review_meeting(plan=plan, meeting=MEETING, by=officer, today=TODAY)
    text = text_of(review_pdf(review, TODAY))
    assert "Preparing for Adulthood" not in text
    assert "Reads a short book independently Not recorded" in text
    assert "The child or young person Not recorded" in text


def test_the_review_page_downloads_the_pdf_audited_and_others_cannot(
    client, login, officer, colleague, reviewed
):
    plan = reviewed.plan
    login(client, officer)
    page = client.get(reverse("cases:review_detail", args=[plan.pk, reviewed.pk])).content.decode()
    url = reverse("cases:review_pdf", args=[plan.pk, reviewed.pk])
    assert f'href="{url}"' in page and "Download the review report as a PDF" in page
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert f"annual-review-{plan.child.reference}-2025-09-20.pdf" in response["Content-Disposition"]
    assert plan.child.full_name in text_of(response.content)
    assert AuditEvent.objects.filter(action="cases.review.pdf_downloaded").count() == 1
    login(client, colleague)
    assert client.get(url).status_code == 404
