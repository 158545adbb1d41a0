"""Staff side of surveys: build, send, read results, tag themes, "you said, we did"."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.steps import step
from sendhub.voice.forms import InviteForm, QuestionForm, SurveyForm, ThemesForm, YouSaidWeDidForm
from sendhub.voice.selectors import reports
from sendhub.voice.selectors.surveys import (
    get_answer,
    get_survey,
    get_you_said_we_did,
    you_said_we_did_entries,
)
from sendhub.voice.services import surveys as services


@requires("voice.view_survey_results")
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "voice/survey_list.html", {"summaries": reports.survey_summaries()})


@requires("voice.manage_surveys")
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.create_survey(by=request.user, **form.cleaned_data)
        except SendHubError as e:
            form.add_error("trigger", str(e))
        else:
            return redirect(survey)
    return render(request, "voice/survey_create.html", {"form": form})


@requires("voice.view_survey_results")
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = get_survey(pk)
    today = timezone.localdate()
    start = date(today.year - 1, today.month, 1)
    return render(
        request,
        "voice/survey_detail.html",
        {
            "survey": survey,
            "results": reports.question_results(survey),
            "themes": reports.theme_counts(survey),
            "sent": reports.invitations_sent(survey),
            "answered": reports.responses_received(survey),
            "overall": reports.overall_satisfaction(start, today, survey),
            "can_manage": request.user.has_perm("voice.manage_surveys"),
        },
    )


@requires("voice.manage_surveys")
def question_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = get_survey(pk)
    form = QuestionForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.add_question(survey=survey, by=request.user, **d),
        template="voice/question_create.html",
        context={"survey": survey},
        done=survey,
        success="Question added",
    )


@requires("voice.manage_surveys")
def survey_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = get_survey(pk)
    form = InviteForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: services.invite(survey=survey, email=d["email"], by=request.user),
        template="voice/survey_invite.html",
        context={"survey": survey},
        done=survey,
        success="Survey link sent",
    )


@requires("voice.manage_surveys")
def answer_themes(request: AuthenticatedHttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    answer = get_answer(pk, answer_pk)
    current = ", ".join(t.name for t in answer.themes.all())
    form = ThemesForm(request.POST or None, initial={"themes": current})
    if request.method == "POST" and form.is_valid():
        services.tag_answer(answer=answer, themes=form.cleaned_data["themes"], by=request.user)
        messages.success(request, "Themes saved")
        return redirect("voice:survey_detail", pk=pk)
    return render(request, "voice/answer_themes.html", {"answer": answer, "form": form, "survey_pk": pk})


@requires("voice.manage_surveys")
def yswd_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "voice/yswd_list.html", {"entries": you_said_we_did_entries()})


@requires("voice.manage_surveys")
def yswd_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = YouSaidWeDidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_you_said_we_did(
            you_said=data["you_said"],
            we_did=data["we_did"],
            by=request.user,
            published_on=timezone.localdate() if data["publish"] else None,
        )
        messages.success(request, "Entry saved")
        return redirect("voice:yswd_list")
    return render(request, "voice/yswd_create.html", {"form": form})


@post_only("voice.manage_surveys")
def yswd_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = get_you_said_we_did(pk)
    published_on = None if entry.published_on else timezone.localdate()
    services.set_you_said_we_did_published(entry=entry, published_on=published_on, by=request.user)
    messages.success(request, "Entry published" if published_on else "Entry taken down")
    return redirect("voice:yswd_list")
