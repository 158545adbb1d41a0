"""Surveys: build, send at key points by emailed link, collect answers without an account, tag themes."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.voice.mail import send_templated
from sendhub.voice.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
    Theme,
    Trigger,
    YouSaidWeDid,
)


@transaction.atomic
def create_survey(*, title: str, introduction: str, trigger: str, by: User, is_active: bool = True) -> Survey:
    survey = Survey(
        title=title, introduction=introduction, trigger=trigger, is_active=is_active, created_by=by
    )
    survey.full_clean(validate_constraints=False)  # the one-active-per-trigger rule is checked below
    try:
        with transaction.atomic():
            survey.save()
    except IntegrityError as e:
        raise SendHubError(
            f"There is already an active survey sent when: {Trigger(trigger).label}. Make that one inactive first."
        ) from e
    record_event(actor=by, action="voice.survey.created", target=survey, data={"trigger": trigger})
    return survey


@transaction.atomic
def add_question(
    *,
    survey: Survey,
    kind: str,
    text: str,
    by: User | None,
    hint: str = "",
    required: bool = True,
    choices: list[str] | None = None,
    measures_satisfaction: bool = False,
) -> Question:
    choices = checked_choices(kind, choices, measures_satisfaction)
    position = (survey.questions.aggregate(m=Max("position"))["m"] or 0) + 1
    question = Question(
        survey=survey,
        position=position,
        kind=kind,
        text=text,
        hint=hint,
        required=required,
        choices=choices,
        measures_satisfaction=measures_satisfaction,
    )
    question.full_clean()
    question.save()
    record_event(
        actor=by, action="voice.survey.question_added", target=survey, data={"question": question.pk}
    )
    return question


def checked_choices(kind: str, choices: list[str] | None, measures_satisfaction: bool) -> list[str]:
    """The options a question of `kind` keeps (none unless radios or checkboxes), or the reason it is refused."""
    choices = [c.strip() for c in (choices or []) if c.strip()]
    if kind in {QuestionKind.RADIOS, QuestionKind.CHECKBOXES} and len(choices) < 2:
        raise SendHubError("Give at least 2 options, one on each line", field="choices")
    if kind not in {QuestionKind.RADIOS, QuestionKind.CHECKBOXES}:
        choices = []
    if measures_satisfaction and kind != QuestionKind.SCALE:
        raise SendHubError(
            "Only a 1 to 5 scale question can measure satisfaction", field="measures_satisfaction"
        )
    return choices


def survey_link(invitation: Invitation) -> str:
    return settings.SENDHUB_SITE_URL + reverse("voice:survey_answer", args=[invitation.token])


@transaction.atomic
def invite(
    *,
    survey: Survey,
    email: str,
    trigger: str = Trigger.MANUAL,
    contact: Any = None,
    child: Any = None,
    by: User | None = None,
    now: datetime | None = None,
) -> Invitation:
    if not survey.questions.exists():
        raise SendHubError("Add at least one question before sending the survey")
    invitation = Invitation(
        survey=survey,
        token=secrets.token_urlsafe(32),
        email=email,
        trigger=trigger,
        contact=contact,
        child=child,
        sent_at=now or timezone.now(),
    )
    invitation.full_clean()
    invitation.save()
    record_event(actor=by, action="voice.survey.invited", target=survey, data={"invitation": invitation.pk})
    send_templated(
        to=email, template="survey_invitation", context={"survey": survey, "link": survey_link(invitation)}
    )
    return invitation


def invite_for_trigger(
    *, trigger: str, email: str, contact: Any = None, child: Any = None, now: datetime | None = None
) -> Invitation | None:
    """Send the active survey for a key point, if there is one (the cases app calls this too).

    Key points: Trigger.PLAN_ISSUED, Trigger.REVIEW_FINISHED, Trigger.CONTACT_CLOSED. Nothing is sent
    when no active survey exists, the survey has no questions, or this contact was already asked.
    """
    survey = Survey.objects.filter(trigger=trigger, is_active=True).first()
    if survey is None or not email or not survey.questions.exists():
        return None
    if contact is not None and Invitation.objects.filter(survey=survey, contact=contact).exists():
        return None
    return invite(survey=survey, email=email, trigger=trigger, contact=contact, child=child, now=now)


@transaction.atomic
def submit_response(
    *, invitation: Invitation, answers: dict[int, Any], now: datetime | None = None
) -> SurveyResponse:
    """Store a family's answers. `answers` maps question id to text, a list of options, or a score."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.answered_at is not None:
        raise CaseStateError("You have already answered this survey. Thank you.")
    now = now or timezone.now()
    response = SurveyResponse(invitation=invitation, survey_id=invitation.survey_id, submitted_at=now)
    response.full_clean()
    response.save()
    for question in invitation.survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, "", []):
            continue
        answer = Answer(response=response, question=question)
        if question.kind == QuestionKind.SCALE:
            answer.score = int(value)
        elif question.kind == QuestionKind.CHECKBOXES:
            answer.selected = [v for v in value if v in question.choices]
        elif question.kind == QuestionKind.RADIOS:
            answer.selected = [value] if value in question.choices else []
        else:
            answer.text = str(value)
        answer.full_clean()
        answer.save()
    invitation.answered_at = now
    invitation.full_clean()
    invitation.save(update_fields=["answered_at"])
    record_event(
        actor=None, action="voice.survey.answered", target=invitation.survey, data={"response": response.pk}
    )
    return response


@transaction.atomic
def tag_answer(*, answer: Answer, themes: list[str], by: User | None) -> Answer:
    names = sorted({t.strip()[:80] for t in themes if t.strip()}, key=str.lower)
    answer.themes.set([Theme.objects.get_or_create(name=name)[0] for name in names])
    record_event(
        actor=by,
        action="voice.survey.themes_tagged",
        target=answer.response.survey,
        data={"answer": answer.pk},
    )
    return answer


@transaction.atomic
def save_you_said_we_did(
    *,
    you_said: str,
    we_did: str,
    by: User | None,
    survey: Survey | None = None,
    published_on: date | None = None,
) -> YouSaidWeDid:
    entry = YouSaidWeDid(
        you_said=you_said, we_did=we_did, survey=survey, published_on=published_on, created_by=by
    )
    entry.full_clean()
    entry.save()
    record_event(
        actor=by, action="voice.you_said_we_did.saved", target=entry, data={"published": bool(published_on)}
    )
    return entry


@transaction.atomic
def set_you_said_we_did_published(
    *, entry: YouSaidWeDid, published_on: date | None, by: User
) -> YouSaidWeDid:
    entry.published_on = published_on
    entry.full_clean()
    entry.save(update_fields=["published_on"])
    record_event(
        actor=by,
        action="voice.you_said_we_did.published",
        target=entry,
        data={"published": bool(published_on)},
    )
    return entry
