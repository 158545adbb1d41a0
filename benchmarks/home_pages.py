"""Home page latency for every demo role on a synthetic area of 25,000 children (goal: p95 < 150 ms).

Builds the area with the demo generator (scaled up to 25,000 children, as `cases_worklist.py` does), then
signs in as each demo role and times the whole home page (`GET /`: every app's home panels, the header's
navigation, the template), as the person would load it.

Run with `make bench` (PostgreSQL); it uses its own test database (`test_<db>`), created and dropped here.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import percentile, setup_django, write_result

TARGET_CHILDREN = 25_000
RUNS = 40
GOAL_MS = 150.0
ROLES = [
    "officer",
    "manager",
    "ep",
    "health",
    "socialcare",
    "senco",
    "provider",
    "parent",
    "analyst",
    "admin",
    "moderator",
    "finance",
    "partner",
]


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from sendhub.accounts.demo import demo_email
    from sendhub.accounts.models import User
    from sendhub.cases.models import Child
    from sendhub.cases.synthetic.population import EHCP_COUNT, ENG_COUNT, SUPPORT_COUNT

    settings.ALLOWED_HOSTS = ["testserver"]
    vendor = connection.vendor
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        scale = TARGET_CHILDREN / (EHCP_COUNT + ENG_COUNT + SUPPORT_COUNT)
        started = time.perf_counter()
        call_command("demo-data", "--seed", "2024", "--scale", f"{scale:.3f}", stdout=io.StringIO())
        build_seconds = time.perf_counter() - started
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        results: dict[str, dict[str, Any]] = {}
        for local in ROLES:
            user = User.objects.get(email=demo_email(local))
            client = Client()
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            first = client.get("/")
            assert first.status_code == 200, (local, first.status_code)
            timings = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                client.get("/")
                timings.append((time.perf_counter() - t0) * 1000)
            results[local] = {
                "role": user.role,
                "p50_ms": round(percentile(timings, 50), 1),
                "p95_ms": round(percentile(timings, 95), 1),
                "max_ms": round(max(timings), 1),
            }
        p95 = max(r["p95_ms"] for r in results.values())
        write_result(
            "home_pages",
            {
                "database": vendor,
                "children": Child.objects.count(),
                "build_seconds": round(build_seconds, 1),
                "runs_per_role": RUNS,
                "goal_p95_ms": GOAL_MS,
                "p95_ms": p95,
                "meets_goal": p95 < GOAL_MS,
                "by_role": results,
            },
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()


if __name__ == "__main__":
    os.environ.setdefault("SENDHUB_DEMO", "true")
    main()
