"""Reads for the provider and moderator editing pages (kept apart from the search selectors)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.localoffer.models import (
    Location,
    Organisation,
    RevisionStatus,
    Service,
    ServiceRevision,
    TaxonomyTerm,
)
from sendhub.localoffer.records import KINDS as RECORD_KINDS
from sendhub.localoffer.records import Item, item_from


def service_for_editing(user: User, pk: Any) -> Service:
    """404 when there is no such service; 403 when the user may see it (it is public) but not change it."""
    service = get_object_or_404(Service.objects.select_related("organisation"), pk=pk)
    if not user.has_perm("localoffer.edit_service", service):
        raise PermissionDenied
    return service


def places_to_choose(service: Service, draft: dict[str, Any]) -> dict[str, Item]:
    """Location id -> place: the places the organisation's services use, and those in the draft."""
    places = {
        str(loc.pk): item_from(vars(loc), RECORD_KINDS["places"], "")
        for loc in Location.objects.filter(
            service_at_locations__service__organisation=service.organisation_id
        )
        .distinct()
        .order_by("name")
    }
    for item in draft.get("places", []):
        places.setdefault(item["location_id"], item)
    return places


def provider_organisations(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(members=user)


def sent_revisions(user: User) -> QuerySet[ServiceRevision]:
    """Changes to the user's organisations' services, newest first, without those replaced by later ones."""
    return (
        ServiceRevision.objects.filter(organisation__members=user)
        .exclude(status=RevisionStatus.SUPERSEDED)
        .select_related("service")
    )


def term_names(*snapshots: dict[str, Any]) -> dict[str, str]:
    """Names of the taxonomy terms the snapshots mention, for showing a change in words."""
    ids = {t for snap in snapshots for t in snap.get("term_ids", [])}
    return {str(pk): name for pk, name in TaxonomyTerm.objects.filter(pk__in=ids).values_list("pk", "name")}


def changes_waiting(user: User) -> QuerySet[ServiceRevision]:
    """The user's organisations' changes waiting for a moderator."""
    return sent_revisions(user).filter(status=RevisionStatus.PENDING)


def changes_sent_back(user: User) -> QuerySet[ServiceRevision]:
    """Changes a moderator sent back (with a reason) that the provider has not sent again since."""
    later = ServiceRevision.objects.filter(
        service=OuterRef("service"), submitted_at__gt=OuterRef("submitted_at")
    )
    return sent_revisions(user).filter(status=RevisionStatus.REJECTED).exclude(Exists(later))
