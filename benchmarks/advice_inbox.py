"""Advice inbox latency on a synthetic area of 25,000 children (goal: p95 < 150 ms on PostgreSQL).

Builds the area with the casework demo generator (scaled up to 25,000 children); the demo gives all the
area's outstanding advice of each kind to the one demo adviser of that kind (the educational psychologist,
the health adviser, the social care adviser), so each inbox is a whole service's workload: the worst case.
Times `/advice/` as each of them, the whole page (queries and template) through the test client, and the
inbox selector alone.

Run with `make bench` (PostgreSQL); it uses its own database, `<db>_bench_advice`, created and dropped here.
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
ADVISERS = [
    ("ep", "ep@demo.sendhub.test"),
    ("health", "health@demo.sendhub.test"),
    ("social_care", "socialcare@demo.sendhub.test"),
]


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.urls import reverse
    from django.utils import timezone

    from sendhub.accounts.models import User
    from sendhub.cases.models import AdviceRequest, Child
    from sendhub.cases.selectors.advice import advice_inbox
    from sendhub.cases.synthetic.population import EHCP_COUNT, ENG_COUNT, SUPPORT_COUNT
    from sendhub.core.demo import demo_loaders

    vendor = connection.vendor
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        f"{connection.settings_dict['NAME']}_bench_advice"
    )
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        scale = TARGET_CHILDREN / (EHCP_COUNT + ENG_COUNT + SUPPORT_COUNT)
        started = time.perf_counter()
        # The loaders up to casework only (schools, accounts, cases): the inbox reads nothing else, and the
        # later apps' demos are not needed (the funding demo refuses a grant at this scale).
        for label, load in demo_loaders():
            with transaction.atomic():
                load(seed=2024, scale=scale, stdout=io.StringIO())
            if label == "cases":
                break
        build_seconds = time.perf_counter() - started
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        today = timezone.localdate()
        url = reverse("cases:advice_inbox")
        results: dict[str, dict[str, Any]] = {}
        page_p95s: list[float] = []
        for label, email in ADVISERS:
            user = User.objects.get(email=email)
            client = Client()
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            assert client.get(url).status_code == 200  # warm up (and check the page works)
            page_ms, selector_ms = [], []
            for _run in range(RUNS):
                t0 = time.perf_counter()
                response = client.get(url)
                page_ms.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200
                t0 = time.perf_counter()
                inbox = advice_inbox(user, today)
                selector_ms.append((time.perf_counter() - t0) * 1000)
            page_p95s.append(round(percentile(page_ms, 95), 2))
            results[label] = {
                "asked_of_them": AdviceRequest.objects.filter(adviser=user).count(),
                "outstanding": len(inbox.outstanding),
                "overdue": inbox.overdue_count,
                "answered_shown": len(inbox.answered),
                "page_p50_ms": round(percentile(page_ms, 50), 2),
                "page_p95_ms": round(percentile(page_ms, 95), 2),
                "page_max_ms": round(max(page_ms), 2),
                "selector_p95_ms": round(percentile(selector_ms, 95), 2),
            }
        p95 = max(page_p95s)
        write_result(
            "advice_inbox",
            {
                "database": vendor,
                "children": Child.objects.count(),
                "advice_requests": AdviceRequest.objects.count(),
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
