"""SEN2 export and validation of 25,000 persons (goal: within 3x of lxml parsing and schema-validating the
same file on its own; memory flat).

Builds 25,000 synthetic children with a request each (70% with an active plan, a placement, needs and an
annual review; the rest decided not to assess) in its own test database, then times:

- export: `services.export_return` (database -> streaming XML writer),
- validate: `validation.validate_file` (streaming, per-person XSD plus the cross-field rules),
- the floor: `etree.parse` + `XMLSchema.validate` of the same file, whole tree in memory, in a child
  process so its memory does not count against ours.

Peak memory is the process's maximum resident set size (libxml2 allocates outside Python's tracemalloc).
Run with `make bench`; writes benchmarks/results/sen2_export.json.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import setup_django, write_result

PERSONS = 25_000
YEAR = 2026
GOAL_RATIO = 3.0


def floor(path: str, year: int, queue: Any) -> None:
    from lxml import etree

    from sendhub.sen2.schema import load_schema

    schema = load_schema(year)
    started = time.perf_counter()
    doc = etree.parse(path)
    ok = schema.validate(doc)
    seconds = time.perf_counter() - started
    queue.put((seconds, ok, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def build(n: int) -> None:
    from sendhub.cases.models import AnnualReview, AssessmentRequest, Child, Placement, Plan, RequestStatus
    from sendhub.schools.models import School

    rng = random.Random(2026)
    schools = School.objects.bulk_create(
        School(
            urn=700000 + i,
            name=f"Bench school {i}",
            phase="primary",
            setting_type="mainstream",
            la_code="202",
        )
        for i in range(50)
    )
    needs = ["ASD", "SLCN", "SEMH", "MLD", "SPLD", "PD"]
    for start in range(0, n, 2000):
        rows = range(start, min(n, start + 2000))
        children = Child.objects.bulk_create(
            Child(
                reference=f"B{i:07d}",
                first_name="Bench",
                last_name=f"Person{i}",
                birth_date=date(2008, 1, 1) + timedelta(days=rng.randint(0, 3650)),
                sex=rng.choice("MF"),
                ethnicity="WBRI",
                upn=f"B{202000000000 + i:012d}",
                postcode="NW1 0AA",
                primary_need=rng.choice(needs[:3]),
                secondary_need=rng.choice(["", *needs[3:]]),
            )
            for i in rows
        )
        requests, plans, placements, decided = [], [], [], []
        for child in children:
            received = date(2025, 1, 6) + timedelta(days=rng.randint(0, 150))
            if rng.random() < 0.7:
                req = AssessmentRequest(
                    child=child,
                    received=received,
                    source="parent",
                    status=RequestStatus.ISSUED,
                    decided_to_assess=received + timedelta(weeks=6),
                    final_issued=received + timedelta(weeks=19),
                )
                plans.append((child, req))
            else:
                req = AssessmentRequest(
                    child=child,
                    received=received,
                    source="school",
                    status=RequestStatus.NOT_ASSESSED,
                    decided_not_to_assess=received + timedelta(weeks=6),
                )
            requests.append(req)
            decided.append(req)
        AssessmentRequest.objects.bulk_create(requests)
        made = Plan.objects.bulk_create(
            Plan(
                child=child,
                request=req,
                status="active",
                start_date=req.final_issued,
                named_setting=rng.choice(schools),
                personal_budget=rng.random() < 0.1,
            )
            for child, req in plans
        )
        for plan in made:
            placements.append(
                Placement(child=plan.child, school=plan.named_setting, start=date(2022, 9, 1), rank=1)
            )
        Placement.objects.bulk_create(placements)
        AnnualReview.objects.bulk_create(
            AnnualReview(plan=plan, meeting=date(2025, 12, 1), decision_on=date(2025, 12, 8), outcome="keep")
            for plan in made
        )


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from sendhub.sen2 import services, validation

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        started = time.perf_counter()
        build(PERSONS)
        build_seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "sen2.xml")
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            count = services.export_return(year=YEAR, out=path, now=services.now_for_header())
            export_seconds = time.perf_counter() - started
            started = time.perf_counter()
            report = validation.validate_file(path, year=YEAR, la_code="202")
            validate_seconds = time.perf_counter() - started
            rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            size = os.path.getsize(path)
            print(
                f"export {export_seconds:.2f}s, validate {validate_seconds:.2f}s, {size / 1e6:.1f} MB",
                flush=True,
            )
            spawn = multiprocessing.get_context("spawn")  # a fresh process: its memory is its own
            queue = spawn.Queue()
            child = spawn.Process(target=floor, args=(path, YEAR, queue))
            child.start()
            floor_seconds, floor_ok, floor_rss = queue.get()
            child.join()
            validate_only = validate_seconds / floor_seconds
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    total = export_seconds + validate_seconds
    write_result(
        "sen2_export",
        {
            "database": connection.vendor,
            "persons": count,
            "file_mb": round(size / 1e6, 1),
            "build_seconds": round(build_seconds, 1),
            "export_seconds": round(export_seconds, 2),
            "validate_seconds": round(validate_seconds, 2),
            "export_and_validate_seconds": round(total, 2),
            "floor_lxml_parse_and_xsd_seconds": round(floor_seconds, 2),
            "ratio_export_and_validate_to_floor": round(total / floor_seconds, 2),
            "ratio_validate_only_to_floor": round(validate_only, 2),
            "goal_ratio": GOAL_RATIO,
            "meets_goal": total / floor_seconds <= GOAL_RATIO,
            "valid": report.ok and floor_ok,
            "errors": report.error_count,
            "peak_rss_mb_ours": round(rss_ours / 1024, 1),
            "peak_rss_mb_before_export": round(rss_before / 1024, 1),
            "peak_rss_mb_floor_process": round(floor_rss / 1024, 1),
        },
    )


if __name__ == "__main__":
    main()
