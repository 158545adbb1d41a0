"""Packages outside school, specialist places and admissions, capital grants."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases.selectors.funding import (
    child_by_reference,
    child_id_by_reference,
    visible_child_ids,
)
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.steps import step
from sendhub.funding import presenters
from sendhub.funding.forms import PackageForm
from sendhub.funding.forms.places import PackageChangeForm, PackageEndForm
from sendhub.funding.selectors import admissions
from sendhub.funding.selectors import places as selectors
from sendhub.funding.selectors import sufficiency as sufficiency_selectors
from sendhub.funding.services import places as services
from sendhub.funding.views.common import download


@requires("funding.view_packages")
def package_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    targets = selectors.targets(today)
    rows = selectors.package_rows(today)
    if request.user.has_perm("funding.change_any_package"):
        changeable = {p.child_id for p, _ in rows}
    elif request.user.has_perm("funding.change_package"):
        changeable = visible_child_ids(request.user, [p.child_id for p, _ in rows])
    else:
        changeable = set()
    return download(request, presenters.targets_table(targets)) or render(
        request,
        "funding/package_list.html",
        {"targets": targets, "rows": rows, "today": today, "changeable": changeable},
    )


@requires("funding.manage_packages")
def package_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Casework adds a package for a child they may open; the finance officer (any package is theirs to
    change, `funding.change_any_package`) for any child, by case reference alone."""
    any_child = request.user.has_perm("funding.change_any_package")
    form = PackageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reference = data.pop("child")
        if any_child:
            child_id = child_id_by_reference(reference)
        else:
            child = child_by_reference(request.user, reference)
            child_id = child.pk if child else None
        if child_id is None:
            form.add_error(
                "child",
                "No child has this case reference: enter it as it appears on the case, like SH-0000123"
                if any_child
                else "Enter the case reference of a child on your caseload, like SH-0000123",
            )
        else:
            try:
                services.add_package(child_id=child_id, by=request.user, **data)
            except SendHubError as e:
                add_refusal(form, e)
            else:
                messages.success(request, f"The package for {reference.strip().upper()} is added")
                return redirect("funding:package_list")
    return render(request, "funding/package_create.html", {"form": form, "any_child": any_child})


@requires("funding.change_package")
def package_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    package = selectors.get_package_for_user(request.user, pk)
    initial = {name: getattr(package, name) for name in services.PACKAGE_TERMS}
    form = PackageChangeForm(request.POST or None, initial=initial | {"version": package.version})
    return step(
        request,
        form,
        lambda d: services.change_package(
            package=package,
            terms={n: d[n] for n in services.PACKAGE_TERMS},
            version=d["version"],
            by=request.user,
        ),
        template="funding/package_edit.html",
        context={"package": package, "child": selectors.package_child(package)},
        done="funding:package_list",
        success="The package is saved",
    )


@requires("funding.change_package")
def package_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    package = selectors.get_package_for_user(request.user, pk)
    form = PackageEndForm(
        request.POST or None, initial={"end": timezone.localdate(), "version": package.version}
    )
    return step(
        request,
        form,
        lambda d: services.end_package(package=package, end=d["end"], version=d["version"], by=request.user),
        template="funding/package_end.html",
        context={"package": package},
        done="funding:package_list",
    )


@requires("funding.view_places")
def places(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.provision_rows(today)
    referrals = selectors.referrals()
    visible = (
        visible_child_ids(request.user, [r.child_id for r, _ in referrals])
        if request.user.has_perm("funding.manage_places")
        else set()
    )
    steppable = {r.pk for r, _ in referrals if r.child_id in visible and admissions.next_steps(r)}
    return download(request, presenters.places_table(rows)) or render(
        request,
        "funding/places.html",
        {
            "rows": rows,
            "waiting": selectors.waiting_list_by_need_and_phase(),
            "referrals": referrals,
            "panels": admissions.panel_rows(),
            "steppable": steppable,
        },
    )


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
