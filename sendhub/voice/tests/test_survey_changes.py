"""Changing a survey: settings at any time, questions until a family answers, then a copy to change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError
from sendhub.core.models import AuditEvent
from sendhub.voice.models import Question, Survey, Trigger
from sendhub.voice.services import survey_changes as changes
from sendhub.voice.services import surveys
from sendhub.voice.tests.factories import make_survey

pytestmark = pytest.mark.django_db


def texts(survey: Survey) -> list[str]:
    return list(survey.questions.order_by("position").values_list("text", flat=True))


def positions(survey: Survey) -> list[int]:
    return list(survey.questions.order_by("position").values_list("position", flat=True))


def test_staff_change_a_question_until_it_is_answered(client, login, officer) -> None:
    survey = make_survey()
    radios = survey.questions.get(position=2)
    login(client, officer)
    url = reverse("voice:question_edit", args=[survey.pk, radios.pk])
    page = client.get(url).content.decode()
    assert "Were you kept informed?" in page and "Yes\nNo" in page  # the form starts with the question
    refused = client.post(url, {"kind": "radios", "text": "Were you kept up to date?", "choices": "Yes"})
    assert b"Enter at least 2 options" in refused.content
    response = client.post(
        url,
        {
            "kind": "radios",
            "text": "Were you kept up to date?",
            "choices": "Yes\nNo\nSometimes",
            "required": "on",
        },
    )
    assert response.status_code == 302
    radios.refresh_from_db()
    assert (radios.text, radios.choices, radios.position) == (
        "Were you kept up to date?",
        ["Yes", "No", "Sometimes"],
        2,
    )
    assert AuditEvent.objects.filter(action="voice.survey.question_changed").count() == 1


def test_removing_a_question_closes_the_gap(client, login, officer) -> None:
    survey = make_survey()
    login(client, officer)
    first = survey.questions.get(position=1)
    url = reverse("voice:question_remove", args=[survey.pk, first.pk])
    assert b"How satisfied are you?" in client.get(url).content
    assert Question.objects.filter(pk=first.pk).exists()  # asking is not removing
    assert client.post(url).status_code == 302
    assert texts(survey) == ["Were you kept informed?", "What could we do better?"]
    assert positions(survey) == [1, 2]
    surveys.add_question(survey=survey, kind="text", text="Anything else?", by=officer, required=False)
    assert positions(survey) == [1, 2, 3]


def test_moving_questions_up_and_down(client, login, officer) -> None:
    survey = make_survey()
    login(client, officer)
    last = survey.questions.get(position=3)
    client.post(reverse("voice:question_move", args=[survey.pk, last.pk]), {"direction": "up"})
    assert texts(survey) == ["How satisfied are you?", "What could we do better?", "Were you kept informed?"]
    first = survey.questions.get(position=1)
    client.post(reverse("voice:question_move", args=[survey.pk, first.pk]), {"direction": "down"})
    assert texts(survey) == ["What could we do better?", "How satisfied are you?", "Were you kept informed?"]
    top = survey.questions.get(position=1)
    changes.move_question(question=top, up=True, by=officer)  # already first: nothing moves
    assert positions(survey) == [1, 2, 3] and texts(survey)[0] == "What could we do better?"
    assert client.get(reverse("voice:question_move", args=[survey.pk, top.pk])).status_code == 405


def test_answered_questions_stay_as_asked_and_a_copy_can_be_changed(client, login, officer) -> None:
    survey = make_survey()
    invitation = surveys.invite(survey=survey, email="family@example.test")
    questions = list(survey.questions.order_by("position"))
    surveys.submit_response(invitation=invitation, answers={questions[0].pk: 5, questions[1].pk: "Yes"})
    with pytest.raises(CaseStateError, match="stay as they were asked"):
        changes.update_question(question=questions[0], kind="scale", text="Changed", by=officer)
    with pytest.raises(CaseStateError, match="stay as they were asked"):
        changes.remove_question(question=questions[0], by=officer)
    with pytest.raises(CaseStateError, match="stay as they were asked"):
        changes.move_question(question=questions[1], up=True, by=officer)
    login(client, officer)
    refused = client.post(reverse("voice:question_remove", args=[survey.pk, questions[0].pk]))
    assert b"stay as they were asked" in refused.content and texts(survey)[0] == "How satisfied are you?"
    detail = client.get(survey.get_absolute_url()).content.decode()
    assert "Make a copy to change" in detail
    assert reverse("voice:question_edit", args=[survey.pk, questions[0].pk]) not in detail
    response = client.post(reverse("voice:survey_copy", args=[survey.pk]))
    copy = Survey.objects.exclude(pk=survey.pk).get()
    assert response["Location"] == copy.get_absolute_url()
    assert (copy.title, copy.is_active, texts(copy)) == ("After your EHC plan (copy)", False, texts(survey))
    assert copy.questions.get(position=1).measures_satisfaction
    changes.update_question(question=copy.questions.get(position=1), kind="scale", text="Changed", by=officer)
    assert texts(survey)[0] == "How satisfied are you?"  # the original is untouched


def test_survey_settings_and_one_active_survey_per_key_point(client, login, officer) -> None:
    old = make_survey(trigger=Trigger.PLAN_ISSUED)
    new = surveys.create_survey(
        title="New plan survey", introduction="", trigger=Trigger.PLAN_ISSUED, is_active=False, by=officer
    )
    login(client, officer)
    url = reverse("voice:survey_edit", args=[new.pk])
    data = {
        "title": "New plan survey",
        "introduction": "Tell us",
        "trigger": "plan_issued",
        "is_active": "on",
    }
    refused = client.post(url, data)
    assert b"Another active survey is sent when: EHC plan issued" in refused.content
    new.refresh_from_db()
    assert not new.is_active and new.introduction == ""  # nothing saved
    client.post(reverse("voice:survey_edit", args=[old.pk]), {"title": old.title, "trigger": "plan_issued"})
    old.refresh_from_db()
    assert not old.is_active
    assert client.post(url, data).status_code == 302
    new.refresh_from_db()
    assert new.is_active and new.introduction == "Tell us"
    event = AuditEvent.objects.filter(action="voice.survey.updated").latest("pk")
    assert event.data == {"fields": ["introduction", "is_active"]}
