"""Consulting settings on a live plan's proposed amendments (SEND Regulations 2014 reg 22(1): CFA ss.39-40
apply to amending after a review), from the amendment's page, through to naming the new setting."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from sendhub.cases.models import Letter, SettingConsultation
from sendhub.cases.selectors.reviews import amendment_consultations
from sendhub.cases.services import consultations as svc
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import reviews as review_services
from sendhub.cases.tests.factories import SchoolFactory
from sendhub.cases.tests.test_consultations import words
from sendhub.cases.tests.test_reviews import MEETING, SECTIONS, TODAY, content, make_plan
from sendhub.core.exceptions import CaseStateError, SendHubError

pytestmark = pytest.mark.django_db
NOTICE = date(2025, 10, 13)  # the proposed amendments
SENT = date(2025, 10, 14)  # answers due 29 October 2025


@pytest.fixture
def amending(officer):
    """A plan whose review decided to amend it, with the amendments (a new setting) proposed: version 2."""
    plan = make_plan(officer, date(2013, 1, 15))  # year 7: moving to a special school
    review = plan_services.record_review_meeting(plan=plan, meeting=MEETING, by=officer, today=TODAY)
    review_services.record_review_content(
        review=review, by=officer, proposed_changes={"I": "Oakfield Special School"}, **content()
    )
    plan_services.record_review_decision(
        review=review, outcome="amend", decided_on=date(2025, 10, 10), by=officer, today=TODAY
    )
    return plan, review


def propose(officer, plan, review):
    return plan_services.propose_amendments(
        plan=plan,
        notice_sent=NOTICE,
        sections=review_services.amendment_sections(review, SECTIONS),
        by=officer,
        today=TODAY,
        review=review,
    )


def test_settings_are_consulted_on_the_amendment_with_their_letters(officer, amending):
    plan, review = amending
    special = SchoolFactory.create(name="Oakfield Special School", setting_type="special")
    with pytest.raises(CaseStateError, match="Send the proposed amendments first"):
        svc.consult_settings(plan=plan, schools=[special], sent=SENT, by=officer, today=TODAY)
    version = propose(officer, plan, review)
    with pytest.raises(SendHubError, match="cannot be before the proposed amendments \\(13 October 2025\\)"):
        svc.consult_settings(plan=plan, schools=[special], sent=date(2025, 10, 12), by=officer, today=TODAY)
    (made,) = svc.consult_settings(
        plan=plan, schools=[special], sent=SENT, preferred=special, by=officer, today=TODAY
    )
    assert (made.plan, made.request, made.response_due, made.parent_preference) == (
        plan,
        None,
        date(2025, 10, 29),
        True,
    )
    assert made.plan_version == version and list(version.consultations.all()) == [made]
    letter = Letter.objects.get(template__key="consultation")
    assert letter.recipient_name == "The headteacher or principal, Oakfield Special School"
    assert "29 October 2025" in letter.body and letter.plan == plan
    assert letter.document is not None and letter.document.plan_version == version  # on the amendment
    with pytest.raises(SendHubError, match="Already consulted on these amendments: Oakfield Special School"):
        svc.consult_settings(plan=plan, schools=[special], sent=SENT, by=officer, today=TODAY)


def test_from_the_amendment_page_consult_answer_and_name_the_new_setting(
    client, login, officer, colleague, amending
):
    plan, review = amending
    version = propose(officer, plan, review)
    special = SchoolFactory.create(name="Oakfield Special School", setting_type="special")
    page_url = reverse("cases:plan_version_detail", args=[plan.pk, version.number])
    consult_url = reverse("cases:amendment_consult", args=[plan.pk])
    login(client, colleague)  # another officer's case
    assert client.get(consult_url).status_code == 404
    login(client, officer)
    page = client.get(page_url).content.decode()
    assert f'href="{consult_url}"' in page and "Consult settings on these amendments" in page
    response = client.post(
        consult_url,
        {
            "schools": "Oakfield Special School",
            "preferred": "",
            "sent_0": "14",
            "sent_1": "10",
            "sent_2": "2025",
        },
    )
    assert response.status_code == 302 and response["Location"] == page_url
    (c,) = plan.consultations.all()
    text = words(client.get(page_url))
    # The page reads today's date: the answer was due 29 October 2025, so it is overdue now.
    assert "Oakfield Special School 14 October 2025 29 October 2025 Overdue Record the answer" in text
    answer = {"answer": "agree", "answered_on_0": "20", "answered_on_1": "10", "answered_on_2": "2025"}
    response = client.post(reverse("cases:consultation_answer", args=[c.pk]), {**answer, "reasons": ""})
    assert response.status_code == 302 and response["Location"] == page_url
    response = client.post(reverse("cases:consultation_name", args=[c.pk]))
    assert response.status_code == 302 and response["Location"] == page_url
    plan.refresh_from_db()
    assert plan.named_setting == special
    text = words(client.get(page_url))
    assert "Agrees: can meet the needs and be named (20 October 2025) Named" in text
    # Once the amended plan is issued the amendment is closed: no more consulting from it.
    plan_services.issue_amended(
        plan=plan, issued_on=date(2025, 11, 3), sections=version.sections, by=officer, today=TODAY
    )
    page = client.get(page_url).content.decode()
    assert consult_url not in page and "Oakfield Special School" in page
    assert client.get(consult_url).status_code == 404


def test_a_plan_version_that_is_not_an_amendment_has_no_consultations(client, login, officer, amending):
    plan, _ = amending
    login(client, officer)
    page = client.get(reverse("cases:plan_version_detail", args=[plan.pk, 1])).content.decode()
    assert "Settings consulted on these amendments" not in page


def test_consultations_made_before_the_link_are_linked_to_their_amendment_by_date(officer, amending):
    """Migration cases/0017 links each consultation on a plan to the proposed amendments it was made on:
    the last sent on or before it, if no later version came first."""
    plan, review = amending
    version = propose(officer, plan, review)
    special = SchoolFactory.create(name="Oakfield Special School", setting_type="special")
    (made,) = svc.consult_settings(plan=plan, schools=[special], sent=SENT, by=officer, today=TODAY)
    SettingConsultation.objects.filter(pk=made.pk).update(plan_version=None)  # as before the link
    stray = SettingConsultation.objects.create(  # sent before any proposed amendments: left alone
        plan=plan, school=special, sent=date(2025, 1, 6), response_due=date(2025, 1, 21)
    )
    migration = importlib.import_module("sendhub.cases.migrations.0017_consultation_plan_version")
    migration.link_consultations_to_amendments(apps, None)
    made.refresh_from_db()
    stray.refresh_from_db()
    assert (made.plan_version, stray.plan_version) == (version, None)
    # The amendment's page lists it again (it reads the link, not the dates).
    assert [row.consultation for row in amendment_consultations(version, TODAY)] == [made]
