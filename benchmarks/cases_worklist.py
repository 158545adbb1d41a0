"""Caseload worklist latency on a synthetic area of 25,000 children (goal: p95 < 150 ms on PostgreSQL).

Builds the area with the casework demo generator (scaled up to 25,000 children, spread over the demo
case officers), then times the worklist page's queries as a case officer and as a team manager:
the four worklist counts plus the first page of each list and its rows (links to each next step), as
`views.children.worklist` runs them; and, for the manager, the caseloads table (`selectors.caseloads`).

Run with `make bench` (PostgreSQL); it uses its own database, `<db>_bench_cases`, created and dropped here.
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
RUNS = 60
GOAL_MS = 150.0


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.utils import timezone

    from sendhub.accounts.models import Role, User
    from sendhub.cases import presenters, selectors
    from sendhub.cases.models import Child
    from sendhub.cases.synthetic.population import EHCP_COUNT, ENG_COUNT, SUPPORT_COUNT

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
        today = timezone.localdate()
        results: dict[str, dict[str, Any]] = {}
        p95_by_user: list[float] = []
        for label, email in [
            ("case_officer", "officer@demo.sendhub.test"),
            ("team_manager", "manager@demo.sendhub.test"),
        ]:
            user = User.objects.get(email=email)
            timings = []
            caseload_timings = []
            for run in range(RUNS):
                which = list(selectors.WORKLISTS)[run % len(selectors.WORKLISTS)]
                t0 = time.perf_counter()
                counts = selectors.worklist_counts(user, today)
                # The page's rows: the first 50 children and the link to each one's next step.
                rows = presenters.worklist_rows(list(selectors.worklist(user, today, which)[:50]))
                timings.append((time.perf_counter() - t0) * 1000)
                if label == "team_manager":
                    t0 = time.perf_counter()
                    selectors.caseloads(user, today)
                    caseload_timings.append((time.perf_counter() - t0) * 1000)
            p95_by_user.append(round(percentile(timings, 95), 2))
            results[label] = {
                "caseload": Child.objects.visible_to(user).count(),
                "counts": counts,
                "rows_on_first_page": len(rows),
                "p50_ms": round(percentile(timings, 50), 2),
                "p95_ms": round(percentile(timings, 95), 2),
                "max_ms": round(max(timings), 2),
            }
            if caseload_timings:  # the caseloads page's table (every officer's counts and schools)
                results[label]["caseloads_p95_ms"] = round(percentile(caseload_timings, 95), 2)
        p95 = max(p95_by_user)
        write_result(
            "cases_worklist",
            {
                "database": vendor,
                "children": Child.objects.count(),
                "case_officers": User.objects.filter(role=Role.CASE_OFFICER).count(),
                "build_seconds": round(build_seconds, 1),
                "runs_per_user": RUNS,
                "goal_p95_ms": GOAL_MS,
                "p95_ms": p95,
                "meets_goal": p95 < GOAL_MS,
                "by_user": results,
                "settings": {"la": settings.SENDHUB_LA_CODE},
            },
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()


if __name__ == "__main__":
    os.environ.setdefault("SENDHUB_DEMO", "true")
    main()
