"""Which schools and settings a plan's setting lists offer, when every setting in England is imported."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from sendhub.cases.models import Placement, Plan
from sendhub.schools.models import School

SEARCH_LIMIT = 50


def settings_to_offer(search: str, *, named: list[int | None]) -> list[School]:
    """The council's own open settings, every setting a plan or placement already names (out-of-area
    ones included), the ones this plan names, and up to SEARCH_LIMIT matches for `search` (words of
    the name, a URN, the start of a postcode, or an LA's name or code), open ones first."""
    offered = (
        Q(la_code=settings.SENDHUB_LA_CODE, is_open=True)
        | Q(pk__in=[pk for pk in named if pk])
        | Q(pk__in=Plan.objects.filter(named_setting__isnull=False).values("named_setting"))
        | Q(pk__in=Placement.objects.filter(school__isnull=False).values("school"))
    )
    pks = set(School.objects.filter(offered).values_list("pk", flat=True))
    if search:
        pks |= set(matching_settings(search).values_list("pk", flat=True)[:SEARCH_LIMIT])
    return list(School.objects.filter(pk__in=pks).order_by("name", "urn"))


def matching_settings(search: str) -> QuerySet[School]:
    words = search.split()
    if search.isdigit():
        found = Q(urn=int(search)) | Q(la_code=search)
    else:
        found = Q(postcode__istartswith=search) | Q(la_name__iexact=search)
        by_name = Q()
        for word in words:
            by_name &= Q(name__icontains=word)
        found |= by_name
    return School.objects.filter(found).order_by("-is_open", "name", "urn")
