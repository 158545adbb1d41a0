"""Confirm-and-remove pages for what was entered in error: a commitment, a forecast adjustment or a
specialist provision (finance officers, from /funding/maintain/) and a plan's band decision (casework,
from the plan's band page). Each shows what goes, asks why, and calls one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.urls import reverse

from sendhub.cases import selectors as case_selectors
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import step
from sendhub.funding.forms.places import RemoveForm
from sendhub.funding.selectors import banding, forecast
from sendhub.funding.selectors import maintain as selectors
from sendhub.funding.services import removals as services
from sendhub.funding.views.common import year_asked
from sendhub.lib.dates import long_date
from sendhub.lib.words import money


def _page(
    request: AuthenticatedHttpRequest,
    *,
    version: int | None,
    remove: Callable[[dict[str, Any]], object],
    title: str,
    facts: list[tuple[str, str]],
    effect: str,
    back: str,
) -> HttpResponse:
    form = RemoveForm(request.POST or None, initial={"version": version})
    return step(
        request,
        form,
        remove,
        template="funding/remove.html",
        context={"title": title, "facts": facts, "effect": effect, "back": back},
        done=back,
        success=f"{title.replace('Remove the ', 'The ', 1)} is removed",
    )


def _maintain(request: AuthenticatedHttpRequest, anchor: str) -> str:
    return f"{reverse('funding:maintain')}?year={year_asked(request)}#{anchor}"


@requires("funding.maintain")
def commitment_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    commitment = selectors.get_commitment(pk)
    return _page(
        request,
        version=commitment.version,
        remove=lambda d: services.remove_commitment(
            commitment=commitment, reason=d["reason"], version=d["version"], by=request.user
        ),
        title="Remove the commitment",
        facts=[
            ("Commitment", commitment.description),
            ("Budget line", commitment.get_line_display()),
            ("Amount", f"{money(commitment.amount)} {commitment.get_frequency_display().lower()}"),
            ("From", long_date(commitment.start)),
            ("To", long_date(commitment.end) if commitment.end else "Open"),
        ],
        effect="The High Needs Block forecast no longer counts it, in any year.",
        back=_maintain(request, "commitments-heading"),
    )


@requires("funding.maintain")
def adjustment_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    year = forecast.get_funding_year(year_asked(request))
    adjustment = selectors.get_adjustment(year, pk)
    return _page(
        request,
        version=adjustment.version,
        remove=lambda d: services.remove_adjustment(
            adjustment=adjustment, reason=d["reason"], version=d["version"], by=request.user
        ),
        title="Remove the forecast adjustment",
        facts=[
            ("Adjustment", adjustment.reason),
            ("Budget line", adjustment.get_line_display()),
            ("Amount", money(adjustment.amount)),
            ("From", adjustment.from_month.strftime("%B %Y")),
        ],
        effect=f"The {year} forecast outturn no longer includes it.",
        back=_maintain(request, "adjustments-heading"),
    )


@requires("funding.maintain")
def provision_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    provision = selectors.get_provision(pk)
    return _page(
        request,
        version=provision.version,
        remove=lambda d: services.remove_provision(
            provision=provision, reason=d["reason"], version=d["version"], by=request.user
        ),
        title="Remove the specialist provision",
        facts=[
            ("Provision", provision.name),
            ("Kind", provision.get_kind_display()),
            ("School", provision.school.name),
            ("Commissioned places", str(provision.commissioned_places)),
            ("Place value", f"{money(provision.place_value)} a year"),
        ],
        effect="Its place funding leaves the High Needs Block forecast, and it leaves the specialist places "
        "and sufficiency pages.",
        back=_maintain(request, "provisions-heading"),
    )


@requires("funding.record_band")
def plan_band_remove(request: AuthenticatedHttpRequest, plan_id: int, pk: int) -> HttpResponse:
    plan = case_selectors.get_plan_for_user(request.user, plan_id, write=True)
    band = banding.get_plan_band(plan.pk, pk)
    return _page(
        request,
        version=None,
        remove=lambda d: services.remove_plan_band(band=band, reason=d["reason"], by=request.user),
        title="Remove the band decision",
        facts=[
            ("Case", plan.child.reference),
            ("Band", str(band.value)),
            ("From", long_date(band.start)),
            ("To", long_date(band.end) if band.end else "Now"),
            ("Decided", f"{long_date(band.decided_on)} by {band.decided_by} ({band.forum})"),
        ],
        effect="Its top-up leaves the High Needs Block forecast. If it is the plan's current band, the band "
        "before it is current again.",
        back=f"{reverse('funding:plan_band', args=[plan.pk])}?year={year_asked(request)}",
    )
