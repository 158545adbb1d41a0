"""The finance officer's edit pages: the year's threshold and allocation, budget lines, clusters, bands,
specialist provisions, reduction targets and capital grants (the other commitments and the forecast
adjustments: views.commitments). Each loads, checks, calls one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.funding.forms.maintain import (
    BandForm,
    BudgetLineForm,
    CapitalGrantForm,
    ClusterForm,
    FundingYearForm,
    ProvisionForm,
    TargetForm,
)
from sendhub.funding.selectors import forecast
from sendhub.funding.selectors import maintain as selectors
from sendhub.funding.selectors import places as place_selectors
from sendhub.funding.services import maintain as services
from sendhub.funding.views.common import year_asked


def _back(year: int) -> str:
    return f"{reverse('funding:maintain')}?year={year}"


def form_page(
    request: AuthenticatedHttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    caption: str,
    back: str,
    done: str,
) -> HttpResponse:
    """Validate, call the service, redirect with a message; show the form (with any refusal) otherwise."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, done)
            return redirect(back)
    return render(
        request,
        "funding/maintain_form.html",
        {"form": form, "title": title, "caption": caption, "back": back},
    )


@requires("funding.maintain")
def maintain(request: AuthenticatedHttpRequest) -> HttpResponse:
    start_year = year_asked(request)
    year = selectors.funding_year(start_year)
    return render(
        request,
        "funding/maintain.html",
        {
            "start_year": start_year,
            "year": year,
            "years": forecast.funding_years(),
            "lines": selectors.budget_line_rows(year) if year else [],
            "clusters": selectors.clusters_with_budgets(start_year),
            "bands": selectors.bands(year) if year else [],
            "settings": selectors.band_settings(),
            "provisions": selectors.provisions(),
            "targets": selectors.reduction_targets(),
            "grants": place_selectors.capital_grants(),
            "commitments": selectors.commitments(),
            "adjustments": selectors.adjustments(year) if year else [],
        },
    )


@requires("funding.maintain")
def year_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    start_year = year_asked(request)
    year = selectors.funding_year(start_year)
    initial = (
        {
            "version": year.version,
            "notional_threshold": year.notional_threshold,
            "allocation": year.allocation,
            "eng_children_target": year.eng_children_target,
        }
        if year
        else {"version": 0, "eng_children_target": 0}
    )
    form = FundingYearForm(request.POST or None, initial=initial)
    label = f"{start_year}-{str(start_year + 1)[-2:]}"
    return form_page(
        request,
        form,
        lambda d: services.update_funding_year(start_year=start_year, by=request.user, **d),
        title=f"Threshold, allocation and ENG target, {label}",
        caption="High Needs Block",
        back=_back(start_year),
        done=f"The {label} threshold and allocation are saved",
    )


@requires("funding.maintain")
def budget_line_edit(request: AuthenticatedHttpRequest, line: str) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    row = selectors.budget_line_row(year, line)
    form = BudgetLineForm(request.POST or None, initial={"version": row.version, "amount": row.amount})
    return form_page(
        request,
        form,
        lambda d: services.update_budget_line(year=year, line=line, by=request.user, **d),
        title=f"Budget: {row.label}",
        caption=f"High Needs Block {year}",
        back=_back(year.start_year),
        done=f"The budget for {row.label.lower()} is saved",
    )


def _cluster_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    start_year = year_asked(request)
    cluster = selectors.get_cluster(pk) if pk else None
    initial: dict[str, Any] = {"version": 0}
    if cluster:
        schools, leads = selectors.cluster_members(cluster)
        initial = {
            "version": cluster.version,
            "name": cluster.name,
            "schools": schools,
            "lead_school": cluster.lead_school_id,
            "leads": leads,
            "budget": selectors.cluster_budget(cluster, start_year),
        }
    form = ClusterForm(
        request.POST or None,
        initial=initial,
        schools=selectors.school_choices(),
        sencos=selectors.senco_choices(),
    )

    def save(d: dict[str, Any]) -> object:
        return services.save_cluster(
            cluster=cluster,
            name=d["name"],
            lead_school_id=d["lead_school"],
            school_ids=d["schools"],
            lead_ids=d["leads"],
            start_year=start_year,
            budget=d["budget"],
            version=d["version"],
            by=request.user,
        )

    label = f"{start_year}-{str(start_year + 1)[-2:]}"
    return form_page(
        request,
        form,
        save,
        title=f"Change {cluster.name}" if cluster else "Add a cluster",
        caption=f"Exceptional Needs Grants: the budget is for {label}",
        back=_back(start_year),
        done="The cluster is saved",
    )


@requires("funding.maintain")
def cluster_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _cluster_page(request, None)


@requires("funding.maintain")
def cluster_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _cluster_page(request, pk)


def _band_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    band = selectors.get_band(year, pk) if pk else None
    initial: dict[str, Any] = {"version": 0, "order": 0}
    if band:
        initial = {
            "version": band.version,
            "code": band.code,
            "descriptor": band.descriptor,
            "order": band.order,
        }
        initial |= {f"value_{s}": v for s, v in selectors.band_values_of(band).items()}
    form = BandForm(request.POST or None, initial=initial, settings=selectors.band_settings())

    def save(d: dict[str, Any]) -> object:
        return services.save_band(
            year=year,
            band=band,
            code=d["code"],
            descriptor=d["descriptor"],
            order=d["order"],
            values=form.values(),
            version=d["version"],
            by=request.user,
        )

    return form_page(
        request,
        form,
        save,
        title=f"Change band {band.code}" if band else "Add a band",
        caption=f"Banding framework {year}",
        back=_back(year.start_year),
        done="The band is saved",
    )


@requires("funding.maintain")
def band_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _band_page(request, None)


@requires("funding.maintain")
def band_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _band_page(request, pk)


def _provision_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    provision = selectors.get_provision(pk) if pk else None
    names = ["kind", "name", "need", "phase", "commissioned_places", "place_value"]
    initial: dict[str, Any] = {"version": 0}
    if provision:
        initial = {"version": provision.version, "school": provision.school_id}
        initial |= {n: getattr(provision, n) for n in names}
    form = ProvisionForm(request.POST or None, initial=initial, schools=selectors.school_choices())

    def save(d: dict[str, Any]) -> object:
        fields = {n: d[n] for n in names} | {"school_id": d["school"]}
        return services.save_provision(
            provision=provision, fields=fields, version=d["version"], by=request.user
        )

    return form_page(
        request,
        form,
        save,
        title=f"Change {provision.name}" if provision else "Add a specialist provision",
        caption="Specialist places",
        back=_back(year_asked(request)),
        done="The provision is saved",
    )


@requires("funding.maintain")
def provision_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _provision_page(request, None)


@requires("funding.maintain")
def provision_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _provision_page(request, pk)


@requires("funding.maintain")
def target_edit(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    target = selectors.target_for(kind)
    initial: dict[str, Any] = {"version": 0}
    if target:
        initial = {
            "version": target.version,
            "baseline_on": target.baseline_on,
            "reduction_percent": target.reduction_percent,
            "target_on": target.target_on,
        }
    form = TargetForm(request.POST or None, initial=initial)
    label = selectors.kind_label(kind)
    return form_page(
        request,
        form,
        lambda d: services.update_target(kind=kind, by=request.user, **d),
        title=f"Reduction target: {label}",
        caption="Tuition and EOTAS",
        back=_back(year_asked(request)),
        done="The reduction target is saved",
    )


def _capital_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    grant = selectors.get_capital_grant(pk) if pk else None
    names = ["amount", "purpose", "status", "awarded_on", "completed_on", "places_delivered", "adaptations"]
    initial: dict[str, Any] = {"version": 0, "places_delivered": 0}
    if grant:
        initial = {"version": grant.version, "school": grant.school_id} | {
            n: getattr(grant, n) for n in names
        }
    form = CapitalGrantForm(request.POST or None, initial=initial, schools=selectors.school_choices())

    def save(d: dict[str, Any]) -> object:
        fields = {n: d[n] for n in names} | {"school_id": d["school"]}
        return services.save_capital_grant(grant=grant, fields=fields, version=d["version"], by=request.user)

    return form_page(
        request,
        form,
        save,
        title=f"Change the capital grant to {grant.school.name}" if grant else "Add a capital grant",
        caption="Capital",
        back=_back(year_asked(request)),
        done="The capital grant is saved",
    )


@requires("funding.maintain")
def capital_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _capital_page(request, None)


@requires("funding.maintain")
def capital_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _capital_page(request, pk)
