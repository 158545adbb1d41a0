from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import forms, rules, selectors
from sendhub.cases.forms.panel import PanelDateForm, PanelListingForm
from sendhub.cases.letter_defaults import MERGE_FIELDS
from sendhub.cases.services import letters
from sendhub.cases.services import panel as svc
from sendhub.cases.services import panel_listing as svc_listing
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.steps import step


@requires("cases.manage_panel")
def panel_agenda(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    next_panel = rules.next_panel_day(today, settings.SENDHUB_PANEL_WEEKDAY)
    form = PanelDateForm(request.GET or None)
    panel_on = (form.cleaned_data["on"] if form.is_valid() else None) or next_panel
    return render(
        request,
        "cases/panel_agenda.html",
        {
            "agenda": selectors.agenda_for(request.user, today, panel_on),
            "form": form,
            "today": today,
            "next_panel": next_panel,
            "week_before": panel_on - timedelta(days=7),
            "week_after": panel_on + timedelta(days=7),
            "recent": selectors.recent_panel_decisions(request.user),
        },
    )


@requires("cases.manage_panel")
def panel_listing(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """List a request for a panel meeting, move it to another, or take it off the agenda."""
    assessment = selectors.get_request_for_user(request.user, pk, write=True)
    today = timezone.localdate()
    suggested = assessment.panel_on or rules.next_panel_day(today, settings.SENDHUB_PANEL_WEEKDAY)
    form = PanelListingForm(
        request.POST or None, initial={"panel_on": suggested, "version": assessment.version}
    )
    if request.method == "POST" and form.is_valid():
        remove = "remove" in request.POST
        panel_on = None if remove else form.cleaned_data["panel_on"]
        if not remove and panel_on is None:
            form.add_error("panel_on", "Enter the date of the panel meeting")
        else:
            try:
                svc_listing.list_for_panel(
                    request=assessment,
                    panel_on=panel_on,
                    by=request.user,
                    today=today,
                    expected_version=form.cleaned_data["version"],
                )
            except SendHubError as e:
                add_refusal(form, e)
            else:
                return redirect(_agenda_url(panel_on) if panel_on else reverse("cases:panel_agenda"))
    due = selectors.panel_decision_due(assessment)
    return render(request, "cases/panel_listing.html", {"assessment": assessment, "form": form, "due": due})


def _agenda_url(panel_on: date) -> str:
    query = urlencode({"on_0": panel_on.day, "on_1": panel_on.month, "on_2": panel_on.year})
    return f"{reverse('cases:panel_agenda')}?{query}"


@requires("cases.manage_panel")
def panel_decision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.get_request_for_user(request.user, pk, write=True)
    question = "assess" if assessment.decided_to_assess is None else "issue"
    form = forms.PanelDecisionForm(
        request.POST or None, initial={"question": question, "held_on": timezone.localdate()}
    )
    return step(
        request,
        form,
        lambda d: svc.decide_at_panel(
            request=assessment,
            by=request.user,
            today=timezone.localdate(),
            la_name=settings.SENDHUB_LA_NAME,
            **d,
        ),
        template="cases/panel_decision.html",
        context={"assessment": assessment},
        done=lambda decision: redirect("cases:panel_decision_detail", pk=decision.pk),
    )


@requires("cases.manage_panel")
def panel_decision_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    decision = selectors.get_panel_decision_for_user(request.user, pk)
    record_event(
        actor=request.user,
        action="cases.child.viewed",
        target=decision.request.child,
        data={"panel_decision": decision.pk},
        request=request,
    )
    return render(
        request, "cases/panel_decision_detail.html", {"decision": decision, "letters": decision.letters.all()}
    )


@requires("cases.edit_letter_templates")
def letter_template_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "cases/letter_template_list.html",
        {"templates": selectors.letter_templates(), "merge_fields": MERGE_FIELDS},
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
            letters.update_template(
                template=template,
                by=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect("cases:letter_template_list")
    return render(
        request,
        "cases/letter_template_edit.html",
        {"template": template, "form": form, "merge_fields": MERGE_FIELDS},
    )
