"""Strategy pages of Preparing for Adulthood: the figures, supported internships and year 9+ reviews.
Thin views."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.steps import step
from sendhub.strategy.forms import (
    InternshipForm,
    PfaReviewForm,
)
from sendhub.strategy.selectors.reports import adulthood_summary
from sendhub.strategy.services import adulthood as adulthood_services


@requires("strategy.view_adulthood")
def adulthood(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/adulthood.html",
        {
            "summary": adulthood_summary(request.user),
            "can_record": request.user.has_perm("strategy.record_adulthood"),
        },
    )


@requires("strategy.record_adulthood")
def internship_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InternshipForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: adulthood_services.record_internship(by=request.user, **d),
        template="strategy/internship_create.html",
        context={},
        done="strategy:adulthood",
    )


@requires("strategy.record_adulthood")
def pfa_review_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PfaReviewForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: adulthood_services.record_pfa_review(by=request.user, **d),
        template="strategy/pfa_review_create.html",
        context={},
        done="strategy:adulthood",
    )
