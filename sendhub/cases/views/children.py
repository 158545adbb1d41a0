from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sendhub.cases import document_selectors, forms, selectors
from sendhub.cases.presenters import child_summary, worklist_rows
from sendhub.cases.selectors import schools as school_selectors
from sendhub.cases.services import children as child_services
from sendhub.cases.services import requests as request_services
from sendhub.cases.services import school_requests as school_request_services
from sendhub.cases.services.children import PARENT_FIELDS, PROFESSIONAL_FIELDS
from sendhub.cases.views.common import confirm_form
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_view
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.paging import page_of
from sendhub.core.params import int_param
from sendhub.lib.dates import long_date


@requires("cases.view_worklist")
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The worklists: each tab's table lists the children its count promises, a page at a time."""
    today = timezone.localdate()
    which = request.GET.get("list", "all")
    which = which if which in selectors.WORKLISTS else "all"
    officers = selectors.officers_for(request.user)
    schools = selectors.worklist_schools(request.user)
    officer_id = _chosen_id(int_param(request.GET, "officer", None, minimum=1), officers)
    school_id = _chosen_id(int_param(request.GET, "school", None, minimum=1), schools)
    latest_first = request.GET.get("sort") == "-due"
    narrow = selectors.WorklistFilter(officer_id=officer_id, school_id=school_id, latest_first=latest_first)
    page = page_of(request, selectors.worklist(request.user, today, which, narrow=narrow), 50)
    filters = (f"&amp;officer={officer_id}" if officer_id else "") + (
        f"&amp;school={school_id}" if school_id else ""
    )
    counts = selectors.worklist_counts(request.user, today, narrow=narrow)
    return render(
        request,
        "cases/worklist.html",
        {
            "page_obj": page,
            "rows": worklist_rows(list(page.object_list)),
            "which": which,
            "current_label": selectors.WORKLISTS[which],
            "today": today,
            "filters": filters,
            "query": f"list={which}{filters}" + ("&amp;sort=-due" if latest_first else ""),
            "latest_first": latest_first,
            "tabs": [(k, label, counts[k]) for k, label in selectors.WORKLISTS.items()],
            "officers": officers,
            "officer_id": officer_id,
            "schools": schools,
            "school_id": school_id,
        },
    )


def _chosen_id(value: int | None, choices: QuerySet[Any]) -> int | None:
    """A filter's chosen id, only when it is one of the choices offered (anything else shows all)."""
    if value is None:
        return None
    return value if choices.filter(pk=value).exists() else None


@requires("cases.view_child")
def child_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()
    page = page_of(request, selectors.search_children(request.user, query), 50)
    return render(
        request,
        "cases/child_list.html",
        {
            "page_obj": page,
            "q": query,
            "query": f"q={query}" if query else "",
            "can_request": request.user.has_perm("cases.record_request"),
        },
    )


@requires("cases.view_child")
def child_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk)
    record_view(request, child)
    context = child_summary(child, request.user, timezone.localdate())
    context["documents"] = document_selectors.child_documents(child)[:5]
    context["document_count"] = document_selectors.child_documents(child).count()
    return render(request, "cases/child_detail.html", context)


@requires("cases.edit_child")
def child_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.ChildForm(request.POST or None, instance=child, initial={"version": child.version})
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        child.refresh_from_db()  # the ModelForm mutated the instance; the service compares against the database
        try:
            child_services.update_child(
                child=child, by=request.user, expected_version=form.cleaned_data["version"] or 0, **fields
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(child)
    return render(request, "cases/child_edit.html", {"child": child, "form": form})


@requires("cases.make_request")
def request_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Intake: a new request, with a duplicates check before a new child record is made.

    A SENCO (who may make a request but not record others') asks for one of their school's pupils."""
    if not request.user.has_perm("cases.record_request"):
        return _school_request_new(request)
    form = forms.IntakeForm(request.POST or None)
    duplicates, hidden = None, 0
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        matches = child_services.possible_duplicates(
            first_name=data["first_name"],
            last_name=data["last_name"],
            birth_date=data["birth_date"],
            upn=data["upn"],
        )
        duplicates = selectors.only_visible(request.user, matches)  # names of others' cases stay hidden
        hidden = matches.count() - duplicates.count()
        if not matches.exists() or data["confirm_new"]:
            try:
                assessment = request_services.intake(by=request.user, today=timezone.localdate(), **data)
            except SendHubError as e:
                add_refusal(form, e)
            else:
                return redirect(assessment)
    return render(
        request, "cases/request_new.html", {"form": form, "duplicates": duplicates, "hidden": hidden}
    )


def _school_request_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = forms.SchoolRequestForm(
        request.POST or None,
        request.FILES or None,
        pupils=school_selectors.pupils_for_request(request.user),
        max_mb=settings.SENDHUB_MAX_UPLOAD_MB,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            school_request_services.request_assessment_for_pupil(
                child=data["child"],
                review_cycles=data["review_cycles"],
                support_plan=data["support_plan"],
                notional_budget_used=data["notional_budget_used"],
                summary=data["summary"],
                upload=data["file"],
                by=request.user,
                today=timezone.localdate(),
            )
        except SendHubError as e:
            add_refusal(form, e)
        else:
            messages.success(request, "Your request has been sent to the council's SEND team.")
            return redirect("cases:school_requests")
    return render(request, "cases/school_request_new.html", {"form": form})


@requires("cases.view_school_requests")
def school_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    made = school_selectors.requests_made_by_schools(request.user)
    waiting = request.GET.get("show") == "waiting"
    page = page_of(request, school_selectors.waiting_for_decision(made) if waiting else made, 50)
    return render(
        request,
        "cases/school_requests.html",
        {"page_obj": page, "waiting": waiting, "query": "show=waiting" if waiting else ""},
    )


@requires("cases.reassign_case")
def reassign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.ReassignForm(
        request.POST or None,
        officers=selectors.officers_for(request.user),
        initial={"officer": child.officer_id, "version": child.version},
    )
    if request.method == "POST" and form.is_valid():
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
            return redirect(child)
    return render(
        request,
        "cases/step_form.html",
        {"child": child, "form": form, "title": "Reassign the case", "button": "Reassign"},
    )


@requires("cases.edit_child")
def parent_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.ParentForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Add a parent or carer",
        lambda d: child_services.add_parent(child=child, by=request.user, **d),
    )


@requires("cases.edit_child")
def professional_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.ProfessionalForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Add a professional",
        lambda d: child_services.add_professional(child=child, by=request.user, **d),
    )


@requires("cases.edit_child")
def placement_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    form = forms.PlacementForm(request.POST or None)
    return _step(
        request,
        form,
        child,
        "Add a placement",
        lambda d: child_services.add_placement(child=child, by=request.user, **d),
    )


@requires("cases.edit_child")
def parent_edit(request: AuthenticatedHttpRequest, pk: int, parent_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    parent = get_object_or_404(child.parents, pk=parent_pk)
    form = forms.ParentForm(request.POST or None, initial=model_to_dict(parent, fields=PARENT_FIELDS))
    return _step(
        request,
        form,
        child,
        f"Change details of {parent.name}",
        lambda d: child_services.update_parent(parent=parent, by=request.user, **d),
    )


@requires("cases.edit_child")
def parent_remove(request: AuthenticatedHttpRequest, pk: int, parent_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    parent = get_object_or_404(child.parents, pk=parent_pk)
    return _step(
        request,
        confirm_form(request),
        child,
        f"Remove {parent.name} ({parent.relationship}) from this child's record?",
        lambda d: child_services.remove_parent(parent=parent, by=request.user),
        button="Yes, remove",
    )


@requires("cases.edit_child")
def professional_edit(request: AuthenticatedHttpRequest, pk: int, professional_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    professional = get_object_or_404(child.professionals, pk=professional_pk)
    initial = model_to_dict(professional, fields=PROFESSIONAL_FIELDS)
    return _step(
        request,
        forms.ProfessionalForm(request.POST or None, initial=initial),
        child,
        f"Change details of {professional.name}",
        lambda d: child_services.update_professional(professional=professional, by=request.user, **d),
    )


@requires("cases.edit_child")
def professional_remove(request: AuthenticatedHttpRequest, pk: int, professional_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    professional = get_object_or_404(child.professionals, pk=professional_pk)
    return _step(
        request,
        confirm_form(request),
        child,
        f"Remove {professional.name} ({professional.role}) from this child's record?",
        lambda d: child_services.remove_professional(professional=professional, by=request.user),
        button="Yes, remove",
    )


@requires("cases.edit_child")
def placement_edit(request: AuthenticatedHttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    placement = get_object_or_404(child.placements, pk=placement_pk)
    initial = model_to_dict(placement, fields=list(forms.PlacementForm.base_fields))
    return _step(
        request,
        forms.PlacementForm(request.POST or None, initial=initial),
        child,
        f"Change the placement at {placement}",
        lambda d: child_services.update_placement(placement=placement, by=request.user, **d),
    )


@requires("cases.edit_child")
def placement_remove(request: AuthenticatedHttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    child = selectors.get_child_for_user(request.user, pk, write=True)
    placement = get_object_or_404(child.placements, pk=placement_pk)
    return _step(
        request,
        confirm_form(request),
        child,
        f"Remove the placement at {placement} from {long_date(placement.start)}? "
        "Only do this if it was recorded in error: to end a placement, change it and give its end date.",
        lambda d: child_services.remove_placement(placement=placement, by=request.user),
        button="Yes, remove",
    )
