"""Packages outside school, specialist places and admissions, capital grants."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases.selectors.funding import (
    child_by_reference,
    child_for_user,
    visible_child_ids,
)
from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.steps import step
from sendhub.funding import presenters
from sendhub.funding.forms import PackageEndForm, PackageForm
from sendhub.funding.selectors import places as selectors
from sendhub.funding.selectors import sufficiency as sufficiency_selectors
from sendhub.funding.services import places as services
from sendhub.funding.views.common import download


@requires("funding.view_packages")
def package_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    targets = selectors.targets(today)
    rows = selectors.package_rows(today)
    endable = (
        visible_child_ids(request.user, [p.child_id for p, _ in rows])
        if request.user.has_perm("funding.manage_packages")
        else set()
    )
    return download(request, presenters.targets_table(targets)) or render(
        request,
        "funding/package_list.html",
        {"targets": targets, "rows": rows, "today": today, "endable": endable},
    )


@requires("funding.manage_packages")
def package_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PackageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        child = child_by_reference(request.user, data.pop("child"))
        if child is None:
            form.add_error("child", "Enter the case reference of a child on your caseload, like SH-0000123")
        else:
            try:
                services.add_package(child_id=child.pk, by=request.user, **data)
            except SendHubError as e:
                add_refusal(form, e)
            else:
                return redirect("funding:package_list")
    return render(request, "funding/package_create.html", {"form": form})


@requires("funding.manage_packages")
def package_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    package = selectors.get_package(pk)
    if child_for_user(request.user, package.child_id) is None:
        raise Http404("No such package")
    form = PackageEndForm(request.POST or None, initial={"end": timezone.localdate()})
    return step(
        request,
        form,
        lambda d: services.end_package(package=package, end=d["end"], by=request.user),
        template="funding/package_end.html",
        context={"package": package},
        done="funding:package_list",
    )


@requires("funding.view_places")
def places(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.provision_rows(today)
    return download(request, presenters.places_table(rows)) or render(
        request,
        "funding/places.html",
        {
            "rows": rows,
            "waiting": selectors.waiting_list_by_need_and_phase(),
            "referrals": selectors.referrals(),
            "can_manage": request.user.has_perm("funding.manage_places"),
            "moves": selectors.referral_moves(),
        },
    )


@post_only("funding.manage_places")
def referral_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    referral = selectors.get_referral(pk)
    status = request.POST.get("status", "")
    if not selectors.is_referral_move(status):
        messages.error(request, "Select the next step")
        return redirect("funding:places")
    try:
        services.move_referral(referral=referral, status=status, on=timezone.localdate(), by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    return redirect("funding:places")


@requires("funding.view_places")
def sufficiency(request: AuthenticatedHttpRequest) -> HttpResponse:
    result = sufficiency_selectors.sufficiency(timezone.localdate())
    return download(request, presenters.sufficiency_table(result)) or render(
        request,
        "funding/sufficiency.html",
        {"result": result, "chart": presenters.sufficiency_chart(result)},
    )


@requires("funding.view_funding")
def capital(request: AuthenticatedHttpRequest) -> HttpResponse:
    grants = list(selectors.capital_grants())
    return download(request, presenters.capital_table(grants)) or render(
        request, "funding/capital.html", {"grants": grants, "totals": selectors.capital_totals()}
    )
