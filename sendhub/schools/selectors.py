"""Reads for the schools register."""

from __future__ import annotations

from django.db.models import QuerySet

from sendhub.schools.models import School


def search_schools(query: str) -> QuerySet[School]:
    """Schools by name, those whose name contains `query` or whose URN starts with it when one is given."""
    schools = School.objects.order_by("name")
    if query:
        schools = schools.filter(name__icontains=query) | schools.filter(urn__startswith=query.strip())
    return schools
