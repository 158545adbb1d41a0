"""Family home page latency on a synthetic area of 25,000 children (goal: p95 < 150 ms on PostgreSQL).

Builds the area with the demo generator (scaled up to 25,000 children), then requests the demo parent's
family home page (`/family/`) and their first child's page through Django's test client, signed in, so
the time includes the scoping (`Child.objects.visible_to`), each child's status from casework's one
source, and the rendering.

Only the demo loaders the pages read are run (schools, accounts, casework, then the family pages' own
demo: a thread and views sent); the later apps' demos are not needed (the funding demo refuses a grant at
this scale, which is why the first version of this script, running the whole demo, never finished).

Run with `make bench` (PostgreSQL); it uses its own database, `<db>_bench_family`, created and dropped
here. `SENDHUB_BENCH_CHILDREN` sets a smaller area for a quick trial (the result records the size).
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

TARGET_CHILDREN = int(os.environ.get("SENDHUB_BENCH_CHILDREN", "25000"))
LOADERS = ("schools", "accounts", "cases", "portal")
RUNS = 60
GOAL_MS = 150.0


def _time(client: Any, url: str) -> list[float]:
    client.get(url)  # warm
    timings = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return timings


def main() -> None:
    setup_django()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.urls import reverse

    from sendhub.accounts.models import User
    from sendhub.cases.models import Child
    from sendhub.cases.synthetic.population import EHCP_COUNT, ENG_COUNT, SUPPORT_COUNT
    from sendhub.core.demo import demo_loaders

    vendor = connection.vendor
    connection.settings_dict.setdefault("TEST", {})["NAME"] = (
        f"{connection.settings_dict['NAME']}_bench_family"
    )
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        scale = TARGET_CHILDREN / (EHCP_COUNT + ENG_COUNT + SUPPORT_COUNT)
        started = time.perf_counter()
        for label, load in demo_loaders():
            if label in LOADERS:
                with transaction.atomic():
                    load(seed=2024, scale=scale, stdout=io.StringIO())
        build_seconds = time.perf_counter() - started
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        parent = User.objects.get(email="parent@demo.sendhub.test")
        children = list(Child.objects.visible_to(parent).order_by("pk"))
        client = Client()
        client.force_login(parent, backend="django.contrib.auth.backends.ModelBackend")
        home = _time(client, reverse("portal:home"))
        child = _time(client, reverse("portal:child", args=[children[0].pk])) if children else []
        p95 = round(percentile(home, 95), 2)
        write_result(
            "family_home",
            {
                "database": vendor,
                "children": Child.objects.count(),
                "family_children": len(children),
                "build_seconds": round(build_seconds, 1),
                "runs": RUNS,
                "goal_p95_ms": GOAL_MS,
                "p95_ms": p95,
                "meets_goal": p95 < GOAL_MS,
                "home": {
                    "p50_ms": round(percentile(home, 50), 2),
                    "p95_ms": p95,
                    "max_ms": round(max(home), 2),
                },
                "child_page_p95_ms": round(percentile(child, 95), 2) if child else None,
            },
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()


if __name__ == "__main__":
    os.environ.setdefault("SENDHUB_DEMO", "true")
    main()
