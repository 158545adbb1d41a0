from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases import forms, selectors
from sendhub.cases.services import panel as svc
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError


@requires("cases.manage_panel")
def panel_agenda(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "cases/panel_agenda.html",
        {
            "agenda": selectors.panel_agenda(request.user, today),
            "today": today,
            "recent": selectors.recent_panel_decisions(request.user),
        },
    )


@requires("cases.manage_panel")
def panel_decision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.get_request_for_user(request.user, pk, write=True)
    question = "assess" if assessment.decided_to_assess is None else "issue"
    form = forms.PanelDecisionForm(
        request.POST or None, initial={"question": question, "held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = svc.decide_at_panel(
                request=assessment,
                by=request.user,
                today=timezone.localdate(),
                la_name=settings.SENDHUB_LA_NAME,
                **form.cleaned_data,
            )
        except SendHubError as e:
            form.add_error(None, str(e))
        else:
            return redirect("cases:panel_decision_detail", pk=decision.pk)
    return render(request, "cases/panel_decision.html", {"assessment": assessment, "form": form})


@requires("cases.manage_panel")
def panel_decision_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_panel_decision_for_user(request.user, pk)
    return render(
        request, "cases/panel_decision_detail.html", {"decision": decision, "letters": decision.letters.all()}
    )


@requires("cases.view_child")
def letter_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    return render(
        request, "cases/letter_detail.html", {"letter": letter, "paragraphs": letter.body.split("\n\n")}
    )


@requires("cases.view_child")
def letter_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    response = HttpResponse(svc.letter_pdf(letter, settings.SENDHUB_LA_NAME), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{letter.pk}.pdf"'
    return response


@requires("cases.edit_letter_templates")
def letter_template_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "cases/letter_template_list.html",
        {"templates": selectors.letter_templates(), "placeholders": svc.PLACEHOLDERS},
    )


@requires("cases.edit_letter_templates")
def letter_template_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    template = selectors.get_letter_template(pk)
    form = forms.LetterTemplateForm(
        request.POST or None,
        initial={"subject": template.subject, "body": template.body, "version": template.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            svc.update_letter_template(
                template=template,
                by=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
            )
        except SendHubError as e:
            form.add_error(None, str(e))
        else:
            return redirect("cases:letter_template_list")
    return render(
        request,
        "cases/letter_template_edit.html",
        {"template": template, "form": form, "placeholders": svc.PLACEHOLDERS},
    )
