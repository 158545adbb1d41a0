"""Reads for the schools register."""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from sendhub.schools.models import School


def search_schools(query: str) -> QuerySet[School]:
    """Settings matching `query`: every word in the name, a URN or LA code, the start of a postcode, or an
    LA's name; open ones first. Every setting when no query is given."""
    schools = School.objects.order_by("name", "urn")
    query = query.strip()
    if not query:
        return schools
    if is_urn(query):
        found = Q(urn__startswith=query) | Q(la_code=query)
    else:
        by_name = Q()
        for word in query.split():
            by_name &= Q(name__icontains=word)
        found = by_name | Q(postcode__istartswith=query) | Q(la_name__iexact=query)
    return schools.filter(found).order_by("-is_open", "name", "urn")


def is_urn(text: str) -> bool:
    """Digits only (ASCII), as a URN is written; at most 9 of them, so the lookup stays in range."""
    return re.fullmatch(r"[0-9]{1,9}", text) is not None


def settings_named(text: str) -> QuerySet[School]:
    """The open settings `text` (a URN or a name) can mean: the one with that URN; else those whose name is
    exactly `text` (ignoring case), or failing that those whose name contains every word of it."""
    text = " ".join(text.split())
    open_settings = School.objects.filter(is_open=True).order_by("name", "urn")
    if is_urn(text):
        return open_settings.filter(urn=int(text))
    if text.isascii() and text.isdigit():
        return open_settings.none()  # too long to be a URN
    exact = open_settings.filter(name__iexact=text)
    if exact.exists():
        return exact
    by_words = Q()
    for word in text.split():
        by_words &= Q(name__icontains=word)
    return open_settings.filter(by_words)


def urns_of(pks: list[int]) -> dict[int, int]:
    """URN of each school id in `pks`."""
    return dict(School.objects.filter(pk__in=pks).values_list("pk", "urn"))
