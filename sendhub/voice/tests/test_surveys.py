"""Surveys: sent at key points by link, answered without an account, results and themes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.voice.models import Answer, Invitation, Trigger, YouSaidWeDid
from sendhub.voice.selectors import reports
from sendhub.voice.services import contacts as contact_services
from sendhub.voice.services import surveys as services
from sendhub.voice.tests.factories import LONDON, make_contact, make_survey

pytestmark = pytest.mark.django_db


def _answer(client, invitation: Invitation, score: int, text: str = "") -> None:
    questions = list(invitation.survey.questions.all())
    data = {f"q{questions[0].pk}": str(score), f"q{questions[1].pk}": "Yes", f"q{questions[2].pk}": text}
    response = client.post(reverse("voice:survey_answer", args=[invitation.token]), data)
    assert b"Thank you" in response.content


def test_family_answers_by_emailed_link_without_an_account(client) -> None:
    survey = make_survey()
    invitation = services.invite(survey=survey, email="family@example.test")
    assert invitation.token in mail.outbox[-1].body
    page = client.get(reverse("voice:survey_answer", args=[invitation.token]))
    assert page.status_code == 200 and b"How satisfied are you?" in page.content
    _answer(client, invitation, 4, "Faster replies please")
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    again = client.get(reverse("voice:survey_answer", args=[invitation.token]))
    assert b"You have already answered" in again.content
    with pytest.raises(CaseStateError):
        services.submit_response(invitation=invitation, answers={})


def test_missing_required_answers_are_errors(client) -> None:
    invitation = services.invite(survey=make_survey(), email="family@example.test")
    response = client.post(reverse("voice:survey_answer", args=[invitation.token]), {})
    assert b"Select an answer from 1 to 5" in response.content and b"<title>Error: " in response.content


def test_unknown_token_is_404(client) -> None:
    assert client.get(reverse("voice:survey_answer", args=["nope"])).status_code == 404


def test_closing_a_contact_sends_the_contact_closed_survey_once(officer) -> None:
    make_survey(trigger=Trigger.CONTACT_CLOSED)
    contact = make_contact()
    contact_services.close_contact(contact=contact, by=officer, version=1)
    assert Invitation.objects.filter(contact=contact, trigger=Trigger.CONTACT_CLOSED).count() == 1
    contact_services.reopen_contact(contact=contact, by=officer, version=2)
    contact_services.close_contact(contact=contact, by=officer, version=3)
    assert Invitation.objects.filter(contact=contact).count() == 1


def test_only_one_active_survey_per_key_point() -> None:
    make_survey(trigger=Trigger.PLAN_ISSUED)
    with pytest.raises(SendHubError, match="already an active survey"):
        make_survey(trigger=Trigger.PLAN_ISSUED)


def test_radios_need_two_options() -> None:
    survey = make_survey()
    with pytest.raises(SendHubError):
        services.add_question(survey=survey, kind="radios", text="Pick", by=None, choices=["Only one"])


def test_results_response_rate_and_satisfaction(client, login, officer) -> None:
    survey = make_survey()
    invitations = [services.invite(survey=survey, email=f"f{n}@example.test") for n in range(4)]
    for invitation, score in zip(invitations[:3], [5, 4, 2], strict=True):
        _answer(client, invitation, score, "More updates")
    summary = next(s for s in reports.survey_summaries() if s.survey == survey)
    assert (summary.sent, summary.answered, summary.response_rate) == (4, 3, Decimal("75.0"))
    today = date.today()
    overall = reports.overall_satisfaction(date(today.year - 1, 1, 1), today, survey)
    assert (overall.percent, overall.meets_target) == (Decimal("66.7"), False)
    login(client, officer)
    page = client.get(survey.get_absolute_url())
    assert b"66.7%" in page.content and b"More updates" in page.content


def test_staff_tag_themes(client, login, officer) -> None:
    survey = make_survey()
    invitation = services.invite(survey=survey, email="f@example.test")
    _answer(client, invitation, 5, "The officer never called back")
    answer = Answer.objects.get(text__startswith="The officer")
    login(client, officer)
    client.post(
        reverse("voice:answer_themes", args=[survey.pk, answer.pk]), {"themes": "Communication, Delays"}
    )
    assert sorted(t.name for t in answer.themes.all()) == ["Communication", "Delays"]
    assert reports.theme_counts(survey) == [("Communication", 1), ("Delays", 1)]


def test_build_a_survey_through_the_pages(client, login, officer) -> None:
    login(client, officer)
    response = client.post(
        reverse("voice:survey_create"), {"title": "After your review", "trigger": "review_finished"}
    )
    survey_url = response["Location"]
    pk = int(survey_url.rstrip("/").split("/")[-1])
    client.post(
        reverse("voice:question_create", args=[pk]),
        {"kind": "checkboxes", "text": "Who helped?", "choices": "School\nHealth\n"},
    )
    bad = client.post(
        reverse("voice:question_create", args=[pk]),
        {"kind": "text", "text": "Why?", "measures_satisfaction": "on"},
    )
    assert b"Only a 1 to 5 scale question" in bad.content
    client.post(reverse("voice:survey_invite", args=[pk]), {"email": "family@example.test"})
    assert Invitation.objects.filter(survey_id=pk).count() == 1


def test_you_said_we_did_is_public_once_published(client, login, officer) -> None:
    login(client, officer)
    client.post(
        reverse("voice:yswd_create"), {"you_said": "Letters are hard to read", "we_did": "We rewrote them"}
    )
    entry = YouSaidWeDid.objects.get()
    client.logout()
    assert b"Letters are hard to read" not in client.get(reverse("voice:you_said_we_did")).content
    login(client, officer)
    client.post(reverse("voice:yswd_publish", args=[entry.pk]))
    client.logout()
    assert b"Letters are hard to read" in client.get(reverse("voice:you_said_we_did")).content


def test_satisfaction_by_month_groups_by_submission_month(client) -> None:
    survey = make_survey()
    for score in (5, 1):
        invitation = services.invite(survey=survey, email="f@example.test")
        services.submit_response(
            invitation=invitation,
            answers={survey.questions.get(position=1).pk: score},
            now=datetime(2026, 10, 15, 12, 0, tzinfo=LONDON),
        )
    months = reports.satisfaction_by_month(date(2026, 10, 1), date(2026, 10, 31))
    assert [(m.month, m.rate.percent) for m in months] == [(date(2026, 10, 1), Decimal("50.0"))]
