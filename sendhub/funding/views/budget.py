"""The High Needs Block position, scenarios, banding and the plan's band."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import selectors as case_selectors
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.funding import presenters
from sendhub.funding.forms import PlanBandForm, ScenarioForm
from sendhub.funding.selectors import banding, forecast
from sendhub.funding.services import banding as banding_services
from sendhub.funding.services import budget as budget_services
from sendhub.funding.views.common import download, year_asked


@requires("funding.view_funding")
def position(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    result = forecast.position(year)
    return download(request, presenters.position_table(result)) or render(
        request,
        "funding/position.html",
        {"position": result, "years": forecast.funding_years(), "chart": presenters.trend_chart(result)},
    )


@requires("funding.view_funding")
def scenarios(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    base = forecast.position(year)
    columns = forecast.scenarios(year, base)
    table = presenters.scenario_table(base, columns)
    return download(request, table) or render(
        request, "funding/scenarios.html", {"position": base, "columns": columns, "table": table}
    )


@requires("funding.view_funding")
def banding_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    framework = banding.framework_for(year)
    bands = banding.band_table(framework, year.notional_threshold) if framework else []
    moderation = banding.moderation(year)
    table = (
        presenters.band_values_table(year, bands)
        if request.GET.get("table") == "bands"
        else presenters.moderation_table(year, moderation)
    )
    recent = banding.current_bands(year)
    bandable = (
        banding.bandable_plan_ids(request.user, [b.plan_id for b, _ in recent])
        if request.user.has_perm("funding.record_band")
        else set()
    )
    return download(request, table) or render(
        request,
        "funding/banding.html",
        {
            "year": year,
            "framework": framework,
            "bands": bands,
            "moderation": moderation,
            "recent": recent,
            "bandable": bandable,
            "years": forecast.funding_years(),
        },
    )


@requires("funding.record_band")
def plan_band(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = case_selectors.get_plan_for_user(request.user, plan_id, write=True)
    today = timezone.localdate()
    year = forecast.get_funding_year(year_asked(request))
    framework = banding.framework_for(year)
    values = banding.band_values(framework) if framework else []
    choices = [
        (v.pk, f"Band {v.band.code}, {v.get_setting_display()}: £{v.annual_value:,.2f} a year")
        for v in values
    ]
    form = PlanBandForm(request.POST or None, choices=choices, initial={"decided_on": today, "start": today})
    if request.method == "POST" and form.is_valid():
        chosen = next(v for v in values if v.pk == form.cleaned_data["value"])
        try:
            banding_services.record_band(
                plan_id=plan.pk,
                value=chosen,
                start=form.cleaned_data["start"],
                decided_on=form.cleaned_data["decided_on"],
                forum=form.cleaned_data["forum"],
                by=request.user,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(f"{request.path}?year={year.start_year}")
    return render(
        request,
        "funding/plan_band.html",
        {"plan": plan, "form": form, "year": year, "history": banding.plan_band_history(plan.pk)},
    )


@requires("funding.manage_budget")
def scenario_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    form = ScenarioForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change = {
            "line": data["line"],
            "percent": data["percent"] or Decimal(0),
            "places": data["places"] or 0,
            "value_per_place": data["value_per_place"] or Decimal(0),
            "places_from": data["places_from"],
        }
        try:
            budget_services.add_scenario(
                year=year,
                name=data["name"],
                description=data["description"],
                changes=[change],
                by=request.user,
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(f"{reverse('funding:scenarios')}?year={year.start_year}")
    return render(request, "funding/scenario_create.html", {"form": form, "year": year})
