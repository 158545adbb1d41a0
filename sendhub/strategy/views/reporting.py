"""Strategy pages for reporting: Local Offer visits as a measure, and the annual progress report published
on the Local Offer (the publish step for staff, the public pages). Thin views."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.localoffer.selectors import visits
from sendhub.strategy import public_report as public
from sendhub.strategy.selectors.measures import VISITS_SINCE
from sendhub.strategy.selectors.plan import current_plan
from sendhub.strategy.services import report as report_services

if TYPE_CHECKING:
    from sendhub.strategy.models import Plan

MONTHS = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]


@requires("strategy.view_plan")
def local_offer_visits(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 2000 <= int(year_text) <= today.year else today.year
    totals = visits.yearly_totals(VISITS_SINCE, today.year)
    context = {
        "year": year,
        "years": sorted(totals, reverse=True),
        "totals": sorted(totals.items(), reverse=True),
        "months": [(MONTHS[m - 1], n) for m, n in visits.monthly_totals(year)],
        "pages": visits.top_pages(year),
    }
    return render(request, "strategy/local_offer_visits.html", context)


def _plan(year: int) -> Plan:
    plan = current_plan(year)
    if plan is None:
        raise Http404
    return plan


@post_only("strategy.manage_plan")
def report_publish(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    plan = _plan(year)
    try:
        report_services.publish_report(plan=plan, by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"The {year} progress report is published on the Local Offer")
    return redirect(f"{reverse('strategy:annual_report')}?year={year}")


@post_only("strategy.manage_plan")
def report_withdraw(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    plan = _plan(year)
    try:
        report_services.withdraw_report(plan=plan, by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"The {year} progress report is no longer on the Local Offer")
    return redirect(f"{reverse('strategy:annual_report')}?year={year}")


@login_not_required
def public_report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "strategy/public_report_list.html", {"publications": public.published_reports()})


@login_not_required
def public_report(request: HttpRequest, year: int) -> HttpResponse:
    publication = public.get_publication(year)
    report = public.public_report(publication, timezone.localdate())
    return render(request, "strategy/public_report.html", {"report": report})
