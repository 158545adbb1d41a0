"""Each family action lands on the staff case: the record, a timeline entry, an audit event and a task for
the officer (who is emailed a link that names no child). Staff answer on the case page; the family is
emailed a link, never the case's details."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.cases.models import AssessmentRequest, TimelineEntry
from sendhub.cases.tests.factories import SchoolFactory
from sendhub.core.models import AuditEvent
from sendhub.portal import rules
from sendhub.portal.models import Submission, Task, Thread
from sendhub.portal.tests.conftest import child_with_draft, plain_child

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_views_with_a_document_land_on_the_case_with_a_task_and_an_email(
    client, login, parent, officer, today
):
    child = plain_child(officer, parent, first_name="Ana")
    login(client, parent)
    mail.outbox.clear()
    response = client.post(
        reverse("portal:views", args=[child.pk]),
        {"about": "child", "text": "I like swimming.", "file": SimpleUploadedFile("me.pdf", PDF)},
    )
    assert response.status_code == 302
    submission = Submission.objects.get(child=child)
    assert submission.kind == "child_views" and submission.text == "I like swimming."
    assert submission.document is not None and submission.document.shared_with_family
    assert TimelineEntry.objects.filter(child=child, summary__contains="all about me").exists()
    assert AuditEvent.objects.filter(action="portal.submission.sent").exists()
    task = Task.objects.get(child=child)
    assert task.officer == officer and task.due == rules.task_due(today)
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert "Ana" not in mail.outbox[0].body and "Testchild" not in mail.outbox[0].body
    assert reverse("portal:tasks") in mail.outbox[0].body
    page = client.get(reverse("portal:child", args=[child.pk])).content.decode()
    assert "All about me (the child&#x27;s views)" in page


def test_comment_and_preferred_setting_inside_the_15_days(client, login, parent, officer):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=5)
    login(client, parent)
    response = client.post(
        reverse("portal:draft", args=[child.pk]),
        {"text": "Please add speech therapy.", "preferred_setting": "Camden Park School"},
    )
    assert response.status_code == 302
    submission = Submission.objects.get(child=child, kind="draft")
    assert submission.preferred_setting == "Camden Park School"
    assert submission.plan == child.plans.get()
    assert Task.objects.filter(child=child, title__contains="comments on the draft").exists()


def test_preferred_school_chosen_from_the_list_is_shown_to_the_officer(client, login, parent, officer):
    school = SchoolFactory.create(name="Hillside Primary School", la_name="Camden", is_open=True)
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=5)
    login(client, parent)
    response = client.post(reverse("portal:draft", args=[child.pk]), {"preferred_school": "hillside primary"})
    assert response.status_code == 302
    submission = Submission.objects.get(child=child, kind="draft")
    assert submission.preferred_school == school and submission.preferred_setting == ""
    family_page = client.get(reverse("portal:child", args=[child.pk])).content.decode()
    assert "you asked for Hillside Primary School" in family_page
    login(client, officer)
    case_page = client.get(reverse("cases:child_detail", args=[child.pk])).content.decode()
    assert f"School or college they ask for: Hillside Primary School (URN {school.urn}, Camden)" in case_page


def test_preferred_setting_not_in_the_list_is_written_by_name(client, login, parent, officer):
    SchoolFactory.create(name="Hillside Primary School", is_open=True)
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=5)
    login(client, parent)
    url = reverse("portal:draft", args=[child.pk])
    page = client.post(url, {"preferred_school": "Northbridge House"}).content.decode()
    assert "We cannot find a school or college called \u201cNorthbridge House\u201d in our list" in page
    both = {"preferred_school": "Hillside Primary School", "preferred_setting": "Northbridge House"}
    assert "You chose a school or college from our list" in client.post(url, both).content.decode()
    assert not Submission.objects.exists()
    written = {"preferred_setting": "Northbridge House School, Hampstead"}
    assert client.post(url, written).status_code == 302
    submission = Submission.objects.get(child=child, kind="draft")
    assert submission.preferred_school is None
    login(client, officer)
    case_page = client.get(reverse("cases:child_detail", args=[child.pk])).content.decode()
    assert (
        "School or college they ask for: Northbridge House School, Hampstead "
        "(written by the family: not in the list of settings)"
    ) in case_page


def test_comments_after_the_15_days_are_refused_with_the_date(client, login, parent, officer, today):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=20)
    closes = rules.comments_close(today - timedelta(days=20))
    login(client, parent)
    page = client.post(reverse("portal:draft", args=[child.pk]), {"text": "Too late?"}).content.decode()
    assert f"The time to comment on the draft plan ended on {closes:%-d %B %Y}" in page
    assert not Submission.objects.filter(child=child).exists()
    assert not Task.objects.filter(child=child).exists()


def test_a_parent_asks_for_an_assessment_and_the_statutory_clock_starts(
    client, login, parent, officer, today
):
    child = plain_child(officer, parent, first_name="Ana")
    login(client, parent)
    response = client.post(reverse("portal:assessment", args=[child.pk]), {"text": "She struggles to read."})
    assert response.status_code == 302
    request = AssessmentRequest.objects.get(child=child)
    assert request.received == today and request.source == "parent"
    assert Submission.objects.get(child=child, kind="assessment").request == request
    # A second request while one is open is refused in plain words.
    page = client.post(reverse("portal:assessment", args=[child.pk]), {"text": "Again"}).content.decode()
    assert "You cannot ask for an assessment now" in page
    assert AssessmentRequest.objects.filter(child=child).count() == 1


def test_review_contribution_needs_a_plan(client, login, parent, officer):
    child = plain_child(officer, parent, first_name="Ana")
    login(client, parent)
    page = client.post(reverse("portal:review", args=[child.pk]), {"text": "Doing well"}).content.decode()
    assert "There is no plan to review yet." in page
    assert not Submission.objects.exists()


def test_message_thread_reply_on_the_case_page_and_email_without_details(client, login, parent, officer):
    child = plain_child(officer, parent, first_name="Ana")
    login(client, parent)
    response = client.post(
        reverse("portal:thread_new", args=[child.pk]), {"subject": "Transport", "body": "Is there a bus?"}
    )
    thread = Thread.objects.get(child=child)
    assert response.status_code == 302 and response["Location"] == reverse("portal:thread", args=[thread.pk])
    assert Task.objects.filter(thread=thread, done_at__isnull=True).count() == 1

    login(client, officer)
    case_page = client.get(reverse("cases:child_detail", args=[child.pk])).content.decode()
    assert "Transport" in case_page and "Is there a bus?" in case_page and "Answer the family" in case_page
    tasks_page = client.get(reverse("portal:tasks")).content.decode()
    assert "Ana Testchild" in tasks_page and "Answer the family&#x27;s message" in tasks_page
    mail.outbox.clear()
    client.post(reverse("portal:reply", args=[thread.pk]), {"body": "Yes, from September."})
    assert not Task.objects.filter(thread=thread, done_at__isnull=True).exists()
    assert [m.to for m in mail.outbox] == [[parent.email]]
    body = mail.outbox[0].body
    assert reverse("portal:thread", args=[thread.pk]) in body
    assert "Ana" not in body and "Transport" not in body and "September" not in body

    login(client, parent)
    page = client.get(reverse("portal:thread", args=[thread.pk])).content.decode()
    assert "Yes, from September." in page and "SEND team" in page


def test_a_school_does_not_see_the_familys_messages_on_the_case_page(
    client, login, parent, officer, senco, today
):
    from sendhub.portal.services import family

    child = plain_child(officer, parent, first_name="Ana")
    family.start_thread(child=child, subject="Private", body="Only for the council", by=parent, today=today)
    school = senco.schools.first()
    if school is None:
        from sendhub.cases.tests.factories import SchoolFactory

        school = SchoolFactory.create()
        senco.schools.add(school)
    child.school = school
    child.save(update_fields=["school"])
    login(client, senco)
    page = client.get(reverse("cases:child_detail", args=[child.pk])).content.decode()
    assert "Ana Testchild" in page and "Only for the council" not in page


def test_another_officers_thread_and_task_are_404(
    client, login, parent, officer, colleague, make_user, today
):
    from sendhub.portal.services import family

    child = plain_child(officer, parent, first_name="Ana")
    thread = family.start_thread(child=child, subject="Hello", body="Hi", by=parent, today=today)
    task = Task.objects.get(thread=thread)
    other = make_user("case_officer", email="elsewhere@example.test")
    login(client, other)
    assert client.post(reverse("portal:reply", args=[thread.pk]), {"body": "x"}).status_code == 404
    assert client.post(reverse("portal:task_done", args=[task.pk])).status_code == 404
    assert thread.messages.count() == 1
