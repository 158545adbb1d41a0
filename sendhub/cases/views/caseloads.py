"""The caseloads page: each officer's open work beside the others', and moving a case between them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import forms, selectors
from sendhub.cases.services import children as child_services
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


@requires("cases.view_caseloads")
def caseloads(request: AuthenticatedHttpRequest) -> HttpResponse:
    """GET: the table, and with ?officer= (or ?officer=none) that officer's cases, each with a form to
    give it to another officer. POST ?officer=…: reassign one case (`case` names it), then come back."""
    today = timezone.localdate()
    officers = selectors.officers_for(request.user)
    chosen = request.GET.get("officer", "")
    officer_id = int(chosen) if chosen.isdigit() else None
    showing = chosen == "none" or officer_id is not None
    forms_by_case: dict[int, forms.ReassignForm] = {}
    if request.method == "POST":
        case = request.POST.get("case", "")
        if not case.isdigit():
            raise Http404("No such case")
        child = get_object_or_404(selectors.caseloads_open_work(request.user), pk=int(case))
        form = forms.ReassignForm(request.POST, officers=officers, prefix=f"case-{child.pk}")
        if form.is_valid():
            try:
                child_services.reassign_child(
                    child=child,
                    officer=form.cleaned_data["officer"],
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                )
            except SendHubError as e:
                add_refusal(form, e)
            else:
                messages.success(
                    request, f"{child.full_name} reassigned to {form.cleaned_data['officer'].full_name}"
                )
                return redirect(reverse("cases:caseloads") + f"?officer={chosen}")
        forms_by_case[child.pk] = form
    cases: list[tuple[Any, forms.ReassignForm]] = []  # (child, its reassignment form)
    if showing:
        for child in selectors.officer_cases(request.user, officer_id):
            form = forms_by_case.get(child.pk) or forms.ReassignForm(
                officers=officers.exclude(pk=child.officer_id) if child.officer_id else officers,
                prefix=f"case-{child.pk}",
                initial={"version": child.version},
            )
            cases.append((child, form))
    rows = selectors.caseloads(request.user, today)
    current = next((r for r in rows if (r.officer.pk if r.officer else None) == officer_id), None)
    return render(
        request,
        "cases/caseloads.html",
        {
            "rows": rows,
            "today": today,
            "showing": showing,
            "current": current,
            "chosen": chosen,
            "cases": cases,
            "error_form": next(iter(forms_by_case.values()), None),
        },
        status=400 if forms_by_case else 200,
    )
