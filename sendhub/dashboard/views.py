from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.dashboard import presenters, selectors
from sendhub.dashboard.national.catalogue import BOARDS
from sendhub.dashboard.presenters import live as live_presenters
from sendhub.dashboard.presenters import public
from sendhub.dashboard.presenters.exports import (
    Sheet,
    board_csv,
    board_pdf,
    board_xlsx,
    sheets_csv,
    sheets_xlsx,
)
from sendhub.dashboard.providers import ProvidedTable, provided_tables
from sendhub.dashboard.selectors import live
from sendhub.dashboard.tiles import tiles_for

EXPORTS = {
    "csv": (board_csv, "text/csv; charset=utf-8"),
    "xlsx": (board_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (board_pdf, "application/pdf"),
}


def _download(request: HttpRequest, name: str, sheets: list[Sheet]) -> HttpResponse | None:
    """`?format=csv` or `?format=xlsx` on a dashboard page: its tables as a file (None: show the page)."""
    fmt = request.GET.get("format")
    if fmt is None:
        return None
    if fmt == "csv":
        body, content_type = sheets_csv(sheets), EXPORTS["csv"][1]
    elif fmt == "xlsx":
        body, content_type = sheets_xlsx(sheets), EXPORTS["xlsx"][1]
    else:
        raise Http404("Unknown format")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="send-{name}.{fmt}"'
    return response


@requires("dashboard.view_dashboard")
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "boards": BOARDS,
        "load": selectors.latest_load(),
        "la_code": settings.SENDHUB_LA_CODE,
        "tiles": tiles_for(request.user, _today()),
    }
    return render(request, "dashboard/index.html", context)


@requires("dashboard.view_dashboard")
def benchmark(request: HttpRequest) -> HttpResponse:
    page = presenters.benchmark_page(request.GET, default_la=settings.SENDHUB_LA_CODE)
    if page is not None:
        name = f"benchmark-{page.indicator.name}-{page.la_code}"
        download = _download(request, name, presenters.benchmark_sheets(page))
        if download is not None:
            return download
    return render(request, "dashboard/benchmark.html", {"page": page, "load": selectors.latest_load()})


def _board_args(request: HttpRequest) -> tuple[str, str]:
    board = request.GET.get("board", "ehcp")
    if board not in BOARDS:
        raise Http404("No such board table")
    la_code = request.GET.get("la", settings.SENDHUB_LA_CODE)
    if la_code not in dict(selectors.local_authorities()):
        la_code = settings.SENDHUB_LA_CODE
    return board, la_code


@requires("dashboard.view_dashboard")
def board(request: HttpRequest) -> HttpResponse:
    key, la_code = _board_args(request)
    context = {
        "table": presenters.board_table(key, la_code),
        "boards": BOARDS,
        "authorities": selectors.local_authorities(),
        "load": selectors.latest_load(),
    }
    return render(request, "dashboard/board.html", context)


@requires("dashboard.view_dashboard")
def board_download(request: HttpRequest) -> HttpResponse:
    key, la_code = _board_args(request)
    fmt = request.GET.get("format", "csv")
    if fmt not in EXPORTS:
        raise Http404("Unknown format")
    make, content_type = EXPORTS[fmt]
    response = HttpResponse(make(presenters.board_table(key, la_code)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="send-board-{key}-{la_code}.{fmt}"'
    return response


@requires("dashboard.view_dashboard")
def forecast(request: HttpRequest) -> HttpResponse:
    page = presenters.forecast_page(
        settings.SENDHUB_LA_CODE, by_age=live_presenters.age_forecast(today=_today())
    )
    download = _download(request, "forecast", presenters.forecast_sheets(page))
    if download is not None:
        return download
    context = {"page": page, "load": selectors.latest_load()}
    return render(request, "dashboard/forecast.html", context)


@login_not_required
def public_dashboard(request: HttpRequest) -> HttpResponse:
    page = public.public_page(settings.SENDHUB_LA_CODE)
    live_figures = live_presenters.public_live_figures(today=_today())
    header = ["Measure", "Year", page.la_name, "Similar areas", "England"]
    published = [[f.label, f.period, f.value, f.sn_average, f.england] for f in page.figures]
    partners = provided_tables(public=True, today=_today())
    sheets: list[Sheet] = [
        ("Education, health and care plans", header, published),
        (
            "Up-to-date figures from our SEND service",
            ["Measure", "Figure", "Period covered"],
            [[f.label, f.value, f.period] for f in live_figures],
        ),
        *_provided_sheets(partners),
    ]
    download = _download(request, "public-dashboard", sheets)
    if download is not None:
        return download
    context = {
        "page": page,
        "live": live_figures,
        "pairs": public.side_by_side(page, live_figures),
        "load": selectors.latest_load(),
        "provided": partners,
    }
    return render(request, "dashboard/public.html", context)


def _provided_sheets(tables: list[ProvidedTable]) -> list[Sheet]:
    return [(t.title, t.header, [list(r) for r in t.rows]) for t in tables]


def _today() -> date:
    return timezone.localdate()


@requires("dashboard.view_dashboard")
def kpis(request: HttpRequest) -> HttpResponse:
    year = live_presenters.year_choice(request.GET.get("year"), _today())
    page = live_presenters.kpi_page(year=year, today=_today())
    partners = provided_tables(public=False, today=_today())
    download = _download(
        request, f"live-figures-{year}", [*live_presenters.kpi_sheets(page), *_provided_sheets(partners)]
    )
    if download is not None:
        return download
    can_drill = request.user.has_perm("dashboard.view_kpi_cases")
    context = {
        "page": page,
        "can_drill": can_drill,
        "trend_header": live_presenters.TREND_HEADER,
        "provided": partners,
    }
    return render(request, "dashboard/kpis.html", context)


@requires("dashboard.view_kpi_cases")
def kpi_cases(request: AuthenticatedHttpRequest) -> HttpResponse:
    year = live_presenters.year_choice(request.GET.get("year"), _today())
    part = "denominator" if request.GET.get("part") == "denominator" else "numerator"
    found = live_presenters.kpi_cases(
        key=request.GET.get("kpi", "requests"), part=part, year=year, today=_today()
    )
    if found is None:
        raise Http404("No such KPI")
    kpi, ids = found
    children = live.visible_children(request.user, ids)
    context = {"kpi": kpi, "part": part, "year": year, "children": children, "total": len(ids)}
    return render(request, "dashboard/kpi_cases.html", context)


@requires("dashboard.view_dashboard")
def disproportionality(request: HttpRequest) -> HttpResponse:
    tables = live_presenters.disproportionality_tables(today=_today())
    download = _download(request, "disproportionality", live_presenters.disproportionality_sheets(tables))
    if download is not None:
        return download
    return render(request, "dashboard/disproportionality.html", {"tables": tables})
