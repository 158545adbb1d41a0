"""Providers' pages (moderators may use them too): a service's details, times, places, contacts, costs
and languages. Every change becomes a revision in the moderation queue; nothing is public until approved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.steps import step
from sendhub.localoffer import presenters, rules, selectors, services
from sendhub.localoffer.forms import ServiceEditForm
from sendhub.localoffer.forms.records import FORMS, PlaceForm, RecordForm
from sendhub.localoffer.records import KINDS, Item, Kind, find

if TYPE_CHECKING:
    from sendhub.localoffer.models import Service
from sendhub.localoffer.selectors import editing as selectors_editing

SENT = "Thank you. Your change will be published once a moderator has checked it."


@requires("localoffer.manage_own_services")
def provider_services(request: AuthenticatedHttpRequest) -> HttpResponse:
    own, today = list(selectors.services_for_provider(request.user)), timezone.localdate()
    return render(
        request,
        "localoffer/provider_services.html",
        {
            "services": own,
            "due": {s.pk for s in own if rules.is_review_due(s.last_reviewed, today)},
            "revisions": selectors_editing.sent_revisions(request.user)[:50],
            "waiting": selectors_editing.changes_waiting(request.user).count(),
            "sent_back": selectors_editing.changes_sent_back(request.user).count(),
            "organisations": selectors_editing.provider_organisations(request.user),
        },
    )


@requires("localoffer.edit_services")
def provider_service(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    service = selectors_editing.service_for_editing(request.user, pk)
    draft, pending = services.draft_data(service), services.pending_revision(service)
    current = services.service_snapshot(service)
    cards = [
        (kind, [i | {"text": kind.describe(i)} for i in draft.get(slug, [])]) for slug, kind in KINDS.items()
    ]
    return render(
        request,
        "localoffer/provider_service.html",
        {
            "service": service,
            "draft": draft,
            "pending": pending,
            "cards": cards,
            "fields": presenters.field_changes(current, draft, selectors_editing.term_names(current, draft)),
            "records": presenters.record_changes(current, draft),
            "age": rules.age_label(draft["minimum_age"], draft["maximum_age"]),
        },
    )


@requires("localoffer.edit_services")
def provider_service_edit(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    service = selectors_editing.service_for_editing(request.user, pk)
    form = ServiceEditForm(request.POST or None, initial=services.draft_data(service))
    if request.method == "POST" and form.is_valid():
        services.submit_revision(
            organisation=service.organisation, service=service, data=form.cleaned_data, by=request.user
        )
        messages.success(request, SENT)
        return redirect("localoffer:provider_service", pk=service.pk)
    return render(request, "localoffer/provider_service_edit.html", {"service": service, "form": form})


@requires("localoffer.manage_own_services")
def provider_service_new(request: AuthenticatedHttpRequest, org: str) -> HttpResponse:
    organisation = get_object_or_404(selectors_editing.provider_organisations(request.user), pk=org)
    form = ServiceEditForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submit_revision(
            organisation=organisation, service=None, data=form.cleaned_data, by=request.user
        )
        messages.success(
            request, "Thank you. The new service will be published once a moderator has checked it."
        )
        return redirect("localoffer:provider_services")
    return render(
        request,
        "localoffer/provider_service_edit.html",
        {"service": None, "form": form, "organisation": organisation},
    )


def _record_form(
    kind: str, service: Service, draft: dict[str, Any], item: Item | None, data: Any
) -> RecordForm:
    initial = FORMS[kind].initial_from(item) if item else None
    if kind == "places":
        taken = {i["location_id"] for i in draft.get("places", [])} - (
            {item["location_id"]} if item else set()
        )
        places = selectors_editing.places_to_choose(service, draft)
        return PlaceForm(data, initial=initial, places=places, taken=taken)
    return FORMS[kind](data, initial=initial)


def _load(
    request: AuthenticatedHttpRequest, pk: str, kind: str, item: str | None
) -> tuple[Service, Kind, dict[str, Any], Item | None]:
    service = selectors_editing.service_for_editing(request.user, pk)
    if kind not in KINDS:
        raise Http404("No such kind of record")
    draft = services.draft_data(service)
    found = find(draft.get(kind, []), str(item)) if item else None
    if item and found is None:
        raise Http404("No such record")
    return service, KINDS[kind], draft, found


@requires("localoffer.edit_services")
def record_edit(
    request: AuthenticatedHttpRequest, pk: str, kind: str, item: str | None = None
) -> HttpResponse:
    """Add a time, place, contact, cost or language (no `item`), or change one."""
    service, spec, draft, found = _load(request, pk, kind, item)
    form = _record_form(kind, service, draft, found, request.POST or None)
    return step(
        request,
        form,
        lambda _: services.submit_record_change(
            service=service,
            kind=kind,
            item_id=str(item) if item else None,
            values=form.values(),
            by=request.user,
        ),
        template="localoffer/provider_record_edit.html",
        context={"service": service, "kind": spec, "item": found},
        done=lambda _: redirect("localoffer:provider_service", pk=service.pk),
        success=SENT,
    )


@requires("localoffer.edit_services")
def record_remove(request: AuthenticatedHttpRequest, pk: str, kind: str, item: str) -> HttpResponse:
    service, spec, _draft, found = _load(request, pk, kind, item)
    assert found is not None
    if request.method == "POST":
        try:
            services.submit_record_change(
                service=service, kind=kind, item_id=str(item), values=None, by=request.user
            )
        except SendHubError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, SENT)
        return redirect("localoffer:provider_service", pk=service.pk)
    return render(
        request,
        "localoffer/provider_record_remove.html",
        {"service": service, "kind": spec, "text": spec.describe(found)},
    )
