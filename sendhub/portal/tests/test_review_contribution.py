"""A family's contribution before the yearly review lands in the structured annual review: their views as
the parents' views, the child's own views as the child's, with the document; the officer reads them on the
review page, whether the family sent them while the review was open or before its meeting was recorded."""

from __future__ import annotations

from datetime import timedelta

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.cases.models import PlanVersion
from sendhub.cases.services import plans as plan_services
from sendhub.cases.tests.factories import PlanFactory
from sendhub.portal.models import Submission
from sendhub.portal.tests.conftest import plain_child

pytestmark = pytest.mark.django_db


def words(response) -> str:
    tree = lxml.html.fromstring(response.content)
    return " ".join(" ".join(t.split()) for t in tree.itertext() if t.strip())


@pytest.fixture
def plan(officer, parent, today):
    child = plain_child(officer, parent, first_name="Ana")
    start = today - timedelta(days=330)
    plan = PlanFactory.create(child=child, start_date=start)
    PlanVersion.objects.create(
        plan=plan, number=1, kind="final", issued_on=start, sections={"A": "All about Ana"}
    )
    return plan


def send(client, plan, **data):
    return client.post(reverse("portal:review", args=[plan.child_id]), data)


def review_page(client, plan, review) -> str:
    return words(client.get(reverse("cases:review_detail", args=[plan.pk, review.pk])))


def test_sent_while_the_review_is_open_it_is_on_the_review_page(client, login, officer, parent, plan, today):
    meeting = today - timedelta(days=3)
    review = plan_services.record_review_meeting(plan=plan, meeting=meeting, by=officer, today=today)
    login(client, parent)
    form = words(client.get(reverse("portal:review", args=[plan.child_id])))
    assert f"It will be added to the review meeting on {meeting:%-d %B %Y}" in form
    response = send(
        client,
        plan,
        text="Ana is happier since the move to the new class.",
        child_text="I like art and my new teacher.",
        file=SimpleUploadedFile("home-diary.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    )
    assert response.status_code == 302
    assert Submission.objects.get(child=plan.child).review == review
    family = words(client.get(reverse("portal:child", args=[plan.child_id])))
    assert f"for the review meeting on {meeting:%-d %B %Y}" in family

    login(client, officer)
    page = review_page(client, plan, review)
    assert f"Test parent (parent or carer), {today:%-d %B %Y}" in page
    assert "Ana is happier since the move to the new class." in page
    assert "Ana Testchild (sent by Test parent) (the child or young person)" in page
    assert "I like art and my new teacher." in page
    assert "Contribution to the yearly review: sent by Test parent" in page  # the document's link
    case = words(client.get(reverse("cases:child_detail", args=[plan.child_id])))
    assert f"Added to the review of {meeting:%-d %B %Y}" in case


def test_sent_before_the_meeting_it_joins_the_review_when_the_meeting_is_recorded(
    client, login, officer, parent, plan, today
):
    login(client, parent)
    form = words(client.get(reverse("portal:review", args=[plan.child_id])))
    assert "We have not arranged the next review meeting yet" in form
    assert send(client, plan, text="", child_text="").status_code == 200  # nothing written: refused
    assert send(client, plan, text="Reading is still hard at home.").status_code == 302
    submission = Submission.objects.get(child=plan.child)
    assert submission.review is None
    review = plan_services.record_review_meeting(plan=plan, meeting=today, by=officer, today=today)
    submission.refresh_from_db()
    assert submission.review == review
    login(client, officer)
    page = review_page(client, plan, review)
    assert "Test parent (parent or carer)" in page and "Reading is still hard at home." in page
    assert "Nothing sent yet." not in page


def test_a_young_persons_own_views_are_the_childs_views(client, login, officer, make_user, plan, today):
    young = make_user("young_person", email="ana@example.test")
    plan.child.account = young
    plan.child.save(update_fields=["account"])
    review = plan_services.record_review_meeting(plan=plan, meeting=today, by=officer, today=today)
    login(client, young)
    form = client.get(reverse("portal:review", args=[plan.child_id])).content.decode()
    assert "Your child&#x27;s own views" not in form
    assert send(client, plan, text="I want to go to college next year.").status_code == 302
    login(client, officer)
    page = review_page(client, plan, review)
    assert "Test young_person (the child or young person)" in page
    assert "I want to go to college next year." in page
