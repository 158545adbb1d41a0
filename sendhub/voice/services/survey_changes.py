"""Changing a survey after it is made: its settings, and its questions until a family has answered.

Once a family has answered, the questions stay as they were asked, so the results mean what they say;
staff copy the survey and change the copy instead.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.core.records import set_fields
from sendhub.voice.models import Question, Survey, Trigger
from sendhub.voice.services.surveys import checked_choices

ANSWERED = (
    "Families have answered this survey, so its questions stay as they were asked. Make a copy to change."
)


@transaction.atomic
def update_survey(
    *, survey: Survey, title: str, introduction: str, trigger: str, is_active: bool, by: User
) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    new = {
        "title": title.strip(),
        "introduction": introduction.strip(),
        "trigger": trigger,
        "is_active": is_active,
    }
    changed = set_fields(survey, new)
    if not changed:
        return survey
    survey.full_clean(validate_constraints=False)  # the one-active-per-trigger rule is checked on saving
    try:
        with transaction.atomic():
            survey.save(update_fields=changed)
    except IntegrityError as e:
        raise SendHubError(
            f"Another active survey is sent when: {Trigger(trigger).label}. Make that one inactive first.",
            field="is_active",
        ) from e
    record_event(actor=by, action="voice.survey.updated", target=survey, data={"fields": changed})
    return survey


@transaction.atomic
def update_question(
    *,
    question: Question,
    kind: str,
    text: str,
    by: User,
    hint: str = "",
    required: bool = True,
    choices: list[str] | None = None,
    measures_satisfaction: bool = False,
) -> Question:
    question = _unanswered(question)
    question.kind, question.text, question.hint = kind, text.strip(), hint.strip()
    question.required, question.measures_satisfaction = required, measures_satisfaction
    question.choices = checked_choices(kind, choices, measures_satisfaction)
    question.full_clean()
    question.save()
    record_event(
        actor=by,
        action="voice.survey.question_changed",
        target=question.survey,
        data={"question": question.pk},
    )
    return question


@transaction.atomic
def remove_question(*, question: Question, by: User) -> None:
    question = _unanswered(question)
    survey, position, pk = question.survey, question.position, question.pk
    question.delete()
    # Close the gap one question at a time, lowest first, so no two questions ever share a position.
    for later in survey.questions.filter(position__gt=position).order_by("position"):
        Question.objects.filter(pk=later.pk).update(position=F("position") - 1)
    record_event(actor=by, action="voice.survey.question_removed", target=survey, data={"question": pk})


@transaction.atomic
def move_question(*, question: Question, up: bool, by: User) -> Question:
    """Swap a question with the one before (`up`) or after it; at either end nothing moves."""
    question = _unanswered(question)
    earlier = question.survey.questions.filter(position__lt=question.position).order_by("-position")
    later = question.survey.questions.filter(position__gt=question.position).order_by("position")
    other = (earlier if up else later).first()
    if other is None:
        return question
    mine, theirs = question.position, other.position
    Question.objects.filter(pk=question.pk).update(position=0)  # positions start at 1: 0 is free
    Question.objects.filter(pk=other.pk).update(position=mine)
    Question.objects.filter(pk=question.pk).update(position=theirs)
    question.position = theirs
    record_event(
        actor=by,
        action="voice.survey.question_moved",
        target=question.survey,
        data={"question": question.pk, "position": theirs},
    )
    return question


@transaction.atomic
def copy_survey(*, survey: Survey, by: User) -> Survey:
    """A new, inactive survey with the same settings and questions, to change and then make active."""
    copy = Survey(
        title=f"{survey.title} (copy)"[:200],
        introduction=survey.introduction,
        trigger=survey.trigger,
        is_active=False,
        created_by=by,
    )
    copy.full_clean()
    copy.save()
    for question in survey.questions.order_by("position"):
        question.pk, question.survey = None, copy
        question.full_clean()
        question.save()
    record_event(actor=by, action="voice.survey.copied", target=copy, data={"from": survey.pk})
    return copy


def _unanswered(question: Question) -> Question:
    question = Question.objects.select_for_update().select_related("survey").get(pk=question.pk)
    if question.survey.responses.exists():
        raise CaseStateError(ANSWERED)
    return question
