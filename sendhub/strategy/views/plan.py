"""Strategy pages of the plan: the actions, one action and what is recorded on it, the self-evaluation and
the progress report. Thin views."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.params import parse_int
from sendhub.strategy.charts import trend_chart
from sendhub.strategy.forms import (
    KPI_LABELS,
    CarryForwardForm,
    MeasureForm,
    SefSectionForm,
    UpdateForm,
)
from sendhub.strategy.selectors.measures import (
    action_measures,
    plan_measures,
)
from sendhub.strategy.selectors.plan import (
    action_history,
    action_row,
    action_rows,
    current_plan,
    get_action,
    plan_status,
    plans,
)
from sendhub.strategy.selectors.reports import annual_report as annual_report_of
from sendhub.strategy.selectors.reports import get_sef_theme, is_published, sef_rows
from sendhub.strategy.services import measures as measure_services
from sendhub.strategy.services import plan as plan_services
from sendhub.strategy.services import sef as sef_services
from sendhub.strategy.services.plan_io import export_plan
from sendhub.strategy.views._pages import by_pk, recorder


def _plan_asked(request: AuthenticatedHttpRequest) -> Any:
    """The plan for ?year=2026, or the current one when no year is given; a 404 for a year we do not hold
    or that is not a year at all (read through core.params: '²' passes isdigit() but crashes int())."""
    raw = request.GET.get("year", "")
    if not raw.strip():
        return current_plan(None)
    year = parse_int(raw, minimum=2000, maximum=2100)
    plan = current_plan(year) if year is not None else None
    if plan is None:
        raise Http404("No plan for that year")
    return plan


@requires("strategy.view_plan")
def action_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = _plan_asked(request)
    rows = action_rows(plan, timezone.localdate()) if plan else []
    context = {
        "plan": plan,
        "plans": plans(),
        "status": plan_status(plan, timezone.localdate(), rows) if plan else [],
        "rows": rows,
    }
    return render(request, "strategy/action_list.html", context)


@requires("strategy.view_plan")
def plan_export(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    plan = current_plan(year)
    if plan is None:
        raise Http404
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"plan-{year}.xlsx"
        export_plan(plan=plan, out=out)
        response = HttpResponse(
            out.read_bytes(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="plan-{year}.xlsx"'
    return response


@requires("strategy.view_plan")
def action_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = get_action(pk)
    today = timezone.localdate()
    trends = action_measures(action, today)
    charts = [
        (t, trend_chart(t.points, target=t.measure.target, higher_is_better=t.higher_is_better, unit=t.unit))
        for t in trends
    ]
    history = action_history(action)
    return render(
        request,
        "strategy/action_detail.html",
        {
            "action": action,
            "row": action_row(action, today, history),
            "steps": action.steps.all(),
            "history": history,
            "charts": charts,
            "kpi_labels": KPI_LABELS,
            "can_manage": request.user.has_perm("strategy.manage_plan"),
        },
    )


@requires("strategy.view_plan")
def sef(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/sef.html",
        {
            "rows": sef_rows(timezone.localdate()),
            "can_manage": request.user.has_perm("strategy.manage_plan"),
        },
    )


@requires("strategy.manage_plan")
def sef_edit(request: AuthenticatedHttpRequest, theme: str) -> HttpResponse:
    title, section = get_sef_theme(theme)
    initial = (
        {
            "strengths": section.strengths,
            "areas_for_development": section.areas_for_development,
            "evidence": section.evidence,
            "measures": list(section.measures.all()),
        }
        if section
        else {}
    )
    form = SefSectionForm(request.POST or None, initial=initial, measures=plan_measures())
    if request.method == "POST" and form.is_valid():
        sef_services.save_sef_section(theme=theme, by=request.user, **form.cleaned_data)
        messages.success(request, "Self-evaluation saved")
        return redirect("strategy:sef")
    return render(request, "strategy/sef_edit.html", {"form": form, "title": title})


@requires("strategy.view_plan")
def annual_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = _plan_asked(request)
    if plan is None:
        raise Http404
    report = annual_report_of(plan, timezone.localdate())
    context = {
        "report": report,
        "plans": plans(),
        "published": is_published(plan),
        "can_manage": request.user.has_perm("strategy.manage_plan"),
    }
    return render(request, "strategy/annual_report.html", context)


update_create = recorder(
    "strategy.manage_plan",
    by_pk(get_action),
    UpdateForm,
    plan_services.record_update,
    name="action",
    template="strategy/update_create.html",
    done=lambda action: action,
    success=lambda action: f"Update recorded for action {action.number}",
)
carry_forward = recorder(
    "strategy.manage_plan",
    by_pk(get_action),
    CarryForwardForm,
    plan_services.carry_forward_action,
    name="action",
    template="strategy/carry_forward.html",
    done=lambda action: redirect,  # to the carried action
    success=lambda action: (
        lambda carried: f"Action {action.number} carried into the {carried.plan.year} plan"
    ),
)
measure_create = recorder(
    "strategy.manage_plan",
    by_pk(get_action),
    MeasureForm,
    measure_services.link_measure,
    name="action",
    template="strategy/measure_create.html",
    done=lambda action: action,
)
