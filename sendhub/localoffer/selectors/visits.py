"""Reads of the Local Offer's own page-view counts (`visits.py`): totals by year and month, top pages."""

from __future__ import annotations

from datetime import date

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from sendhub.localoffer.models import PageViewCount


def yearly_totals(first: int, last: int) -> dict[int, int]:
    """Views in each calendar year from `first` to `last` that has any."""
    rows = (
        PageViewCount.objects.filter(day__gte=date(first, 1, 1), day__lte=date(last, 12, 31))
        .annotate(year=ExtractYear("day"))
        .values("year")
        .annotate(total=Sum("views"))
    )
    return {r["year"]: r["total"] for r in rows}


def monthly_totals(year: int) -> list[tuple[int, int]]:
    """(month, views) for each month of the year with any views, in order."""
    rows = (
        PageViewCount.objects.filter(day__year=year)
        .annotate(month=ExtractMonth("day"))
        .values("month")
        .annotate(total=Sum("views"))
        .order_by("month")
    )
    return [(r["month"], r["total"]) for r in rows]


def top_pages(year: int, limit: int = 10) -> list[tuple[str, int]]:
    rows = (
        PageViewCount.objects.filter(day__year=year)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")[:limit]
    )
    return [(r["path"], r["total"]) for r in rows]
