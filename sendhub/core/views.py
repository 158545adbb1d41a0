from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from sendhub.core import health
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit_forms import AuditSearchForm
from sendhub.core.homepage import panels_for
from sendhub.core.navigation import area_by_key, items_for
from sendhub.core.paging import page_of
from sendhub.core.selectors import AuditFilter, audit_csv_rows, audit_events


@requires("core.view_home")
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What needs the person today (each app's home panels), then every area they may use."""
    today = timezone.localdate()
    return render(request, "core/home.html", {"panels": panels_for(request.user, today), "today": today})


@requires("core.view_home")
def area(request: HttpRequest, key: str) -> HttpResponse:
    """An area's page: the items of the area the person may use (the header links here for areas of two or more)."""
    found = area_by_key(key)
    items = [link for link in items_for(request.user) if found and link["area"].key == key]
    if found is None or not items:
        raise Http404("No such area")
    return render(request, "core/area.html", {"area": found, "items": items})


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Reached only if HealthProbeMiddleware is left out of MIDDLEWARE: the same answer."""
    return health.liveness()


@login_not_required
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    return health.readiness()


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "core/cookies.html")


@requires("core.view_audit")
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    criteria = form.criteria() if form.is_valid() else AuditFilter()
    events = audit_events(criteria).select_related("actor")
    page = page_of(request, events, 50)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_log.html",
        {"form": form, "page_obj": page, "query": query.urlencode(), "total": page.paginator.count},
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@requires("core.view_audit")
def audit_log_csv(request: HttpRequest) -> StreamingHttpResponse:
    form = AuditSearchForm(request.GET or None)
    criteria = form.criteria() if form.is_valid() else AuditFilter()
    writer = csv.writer(_Echo())
    rows = audit_csv_rows(criteria)
    response = StreamingHttpResponse((writer.writerow(row) for row in rows), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: the service's own page (Django's default renders without the request)."""
    return render(request, "400.html", status=400)
