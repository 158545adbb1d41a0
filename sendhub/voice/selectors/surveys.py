from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.voice.models import Answer, Invitation, Question, Survey, YouSaidWeDid


def get_survey(pk: int) -> Survey:
    return get_object_or_404(Survey, pk=pk)


def get_question(survey: Survey, pk: int) -> Question:
    return get_object_or_404(Question, pk=pk, survey=survey)


def get_answer(survey_pk: int, answer_pk: int) -> Answer:
    return get_object_or_404(
        Answer.objects.select_related("question", "response"), pk=answer_pk, response__survey_id=survey_pk
    )


def get_invitation_by_token(token: str) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("survey"), token=token)


def you_said_we_did_entries() -> QuerySet[YouSaidWeDid]:
    return YouSaidWeDid.objects.all()


def published_you_said_we_did() -> QuerySet[YouSaidWeDid]:
    return YouSaidWeDid.objects.filter(published_on__isnull=False).order_by("-published_on", "-pk")


def get_you_said_we_did(pk: int) -> YouSaidWeDid:
    return get_object_or_404(YouSaidWeDid, pk=pk)
