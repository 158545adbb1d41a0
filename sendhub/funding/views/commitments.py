"""The finance officer's edit pages for what the High Needs Block pays besides children's bands, grants
and packages: the other recurring commitments (service contracts, commissioned AP, college places) and
the year's forecast adjustments. Each loads, checks, calls one service (views.maintain.form_page)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.funding.forms.maintain import AdjustmentForm, CommitmentForm
from sendhub.funding.selectors import forecast
from sendhub.funding.selectors import maintain as selectors
from sendhub.funding.services import maintain as services
from sendhub.funding.views.common import year_asked
from sendhub.funding.views.maintain import form_page

COMMITMENT_FIELDS = ("line", "description", "amount", "frequency", "start", "end")


def _back(year: int, anchor: str) -> str:
    return f"/funding/maintain/?year={year}#{anchor}"


def _commitment_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    commitment = selectors.get_commitment(pk) if pk else None
    initial: dict[str, Any] = {"version": 0, "frequency": "annual"}
    if commitment:
        initial = {"version": commitment.version} | {n: getattr(commitment, n) for n in COMMITMENT_FIELDS}
    form = CommitmentForm(request.POST or None, initial=initial)

    def save(d: dict[str, Any]) -> object:
        fields = {n: d[n] for n in COMMITMENT_FIELDS}
        return services.save_commitment(
            commitment=commitment, fields=fields, version=d["version"], by=request.user
        )

    return form_page(
        request,
        form,
        save,
        title=f"Change {commitment.description}" if commitment else "Add a commitment",
        caption="High Needs Block: other commitments",
        back=_back(year_asked(request), "commitments-heading"),
        done="The commitment is saved",
    )


@requires("funding.maintain")
def commitment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _commitment_page(request, None)


@requires("funding.maintain")
def commitment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _commitment_page(request, pk)


def _adjustment_page(request: AuthenticatedHttpRequest, pk: int | None) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    adjustment = selectors.get_adjustment(year, pk) if pk else None
    initial: dict[str, Any] = {"version": 0}
    if adjustment:
        names = ("line", "amount", "from_month", "reason")
        initial = {"version": adjustment.version} | {n: getattr(adjustment, n) for n in names}
    form = AdjustmentForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda d: services.save_adjustment(year=year, adjustment=adjustment, by=request.user, **d),
        title="Change the forecast adjustment" if adjustment else "Add a forecast adjustment",
        caption=f"High Needs Block {year}",
        back=_back(year.start_year, "adjustments-heading"),
        done="The forecast adjustment is saved",
    )


@requires("funding.maintain")
def adjustment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _adjustment_page(request, None)


@requires("funding.maintain")
def adjustment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _adjustment_page(request, pk)
