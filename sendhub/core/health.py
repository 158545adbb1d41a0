"""Liveness and readiness for load balancers, answered before the security middleware.

A load balancer probes gunicorn directly: over plain HTTP, by IP address, without `X-Forwarded-Proto`.
SecurityMiddleware would answer 301 (SSL redirect) and CommonMiddleware 400 (a Host not in ALLOWED_HOSTS),
so `HealthProbeMiddleware` sits before both and answers these two paths itself. They reveal nothing
but "ok" and the database vendor, and never read the Host header.

* `/healthz`: the process answers (liveness; no database, so a database outage does not restart it).
* `/readyz`: the database answers and every migration in the code is applied (readiness).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

_migrations_applied = False  # once true in this process it stays true: the code's migrations cannot change


def unapplied_migrations() -> list[str]:
    global _migrations_applied
    if _migrations_applied:
        return []
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    names = [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
    _migrations_applied = not names
    return names


def liveness() -> JsonResponse:
    return _no_store(JsonResponse({"status": "ok"}))


def readiness() -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        pending = unapplied_migrations()
    except DatabaseError as e:
        return _no_store(JsonResponse({"status": "error", "database": type(e).__name__}, status=503))
    if pending:
        return _no_store(
            JsonResponse(
                {"status": "error", "database": connection.vendor, "unapplied_migrations": len(pending)},
                status=503,
            )
        )
    return _no_store(JsonResponse({"status": "ok", "database": connection.vendor}))


def _no_store(response: JsonResponse) -> JsonResponse:
    response["Cache-Control"] = "no-store"
    return response


PROBES: dict[str, Callable[[], JsonResponse]] = {"/healthz": liveness, "/readyz": readiness}


class HealthProbeMiddleware:
    """Answers GET/HEAD on the probe paths on any Host and scheme; every other request passes on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe()
        return self.get_response(request)
