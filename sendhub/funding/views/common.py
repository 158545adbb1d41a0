"""Shared by the funding views: the financial year asked for, and a table as a download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from sendhub.core.params import parse_int
from sendhub.funding import rules, tables


def year_asked(request: HttpRequest) -> int:
    """?year=2026 (April 2026 to March 2027); the current financial year when not given."""
    raw = request.GET.get("year", "")
    if not raw:
        return rules.financial_year_of(timezone.localdate()).start_year
    year = parse_int(raw, minimum=2000, maximum=2100)  # never int(): '²' passes isdigit() and crashes it
    if year is None:
        raise Http404("No such financial year")
    return year


def download(request: HttpRequest, table: tables.Table) -> HttpResponse | None:
    """The table as CSV or XLSX when ?format= asks for one; None for the HTML page."""
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        response = HttpResponse(tables.as_csv(table), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            tables.as_xlsx(table),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "":
        return None
    else:
        raise Http404("No such format")
    response["Content-Disposition"] = f'attachment; filename="{table.key}.{fmt}"'
    return response
