"""Staff change a survey's settings, and its questions until a family has answered; or copy it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.steps import step
from sendhub.voice.forms import QuestionForm, SurveySettingsForm
from sendhub.voice.selectors.surveys import get_question, get_survey
from sendhub.voice.services import survey_changes as services


@requires("voice.manage_surveys")
def survey_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = get_survey(pk)
    current = {
        "title": survey.title,
        "introduction": survey.introduction,
        "trigger": survey.trigger,
        "is_active": survey.is_active,
    }
    form = SurveySettingsForm(request.POST or None, initial=current)
    return step(
        request,
        form,
        lambda d: services.update_survey(survey=survey, by=request.user, **d),
        template="voice/survey_edit.html",
        context={"survey": survey},
        done=survey,
        success="Survey settings saved",
    )


@requires("voice.manage_surveys")
def question_edit(request: AuthenticatedHttpRequest, pk: int, question: int) -> HttpResponse:
    survey = get_survey(pk)
    current = get_question(survey, question)
    initial = {
        "kind": current.kind,
        "text": current.text,
        "hint": current.hint,
        "required": current.required,
        "choices": "\n".join(current.choices),
        "measures_satisfaction": current.measures_satisfaction,
    }
    form = QuestionForm(request.POST or None, initial=initial)
    return step(
        request,
        form,
        lambda d: services.update_question(question=current, by=request.user, **d),
        template="voice/question_edit.html",
        context={"survey": survey, "question": current},
        done=survey,
        success="Question saved",
    )


@requires("voice.manage_surveys")
def question_remove(request: AuthenticatedHttpRequest, pk: int, question: int) -> HttpResponse:
    survey = get_survey(pk)
    current = get_question(survey, question)
    error = ""
    if request.method == "POST":
        try:
            services.remove_question(question=current, by=request.user)
        except SendHubError as e:
            error = str(e)
        else:
            messages.success(request, "Question removed")
            return redirect(survey)
    return render(
        request, "voice/question_remove.html", {"survey": survey, "question": current, "error": error}
    )


@post_only("voice.manage_surveys")
def question_move(request: AuthenticatedHttpRequest, pk: int, question: int) -> HttpResponse:
    survey = get_survey(pk)
    try:
        services.move_question(
            question=get_question(survey, question), up=request.POST.get("direction") == "up", by=request.user
        )
    except SendHubError as e:
        messages.error(request, str(e))
    return redirect(survey)


@post_only("voice.manage_surveys")
def survey_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    copy = services.copy_survey(survey=get_survey(pk), by=request.user)
    messages.success(request, "Survey copied. Change the copy, then make it active in its settings.")
    return redirect(copy)
