"""Family voice: how fast are reply-due and complaint dates and reference parsing, and the Duty Line
queue and reply-timeliness report on a database of their own holding a year's synthetic contacts
(`voice.demo.load` at SCALE: about 400 x SCALE contacts, with replies, complaints and surveys)."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from _common import percentile, setup_django, write_result

SCALE = float(os.environ.get("VOICE_BENCH_SCALE", "5"))


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def pure_rules() -> dict[str, float]:
    from sendhub.voice import rules

    moments = [datetime(2022, 1, 1, 8, 0) + timedelta(hours=7 * n) for n in range(10_000)]
    start = time.perf_counter()
    for m in moments:
        rules.reply_due(m)
        rules.complaint_step_due(rules.ComplaintStep.STAGE_2, m.date())
    rules_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for n in range(1, 10_001):
        rules.parse_reference(f"sen 2026 {n}")
    return {
        "rules_10k_contacts_and_complaints_ms": round(rules_ms, 1),
        "parse_10k_references_ms": round((time.perf_counter() - start) * 1000, 1),
    }


def selectors_on_synthetic_contacts() -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    from sendhub.accounts.models import Role, Team, User
    from sendhub.voice import demo
    from sendhub.voice.models import Contact
    from sendhub.voice.selectors import contacts, reports

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        team = Team.objects.create(name="Duty Line")
        officer = User.objects.create_user(
            "bench-officer@example.test", full_name="Bench officer", role=Role.CASE_OFFICER, team=team
        )
        User.objects.create_user(
            "bench-manager@example.test", full_name="Bench manager", role=Role.TEAM_MANAGER, team=team
        )
        started = time.perf_counter()
        demo.load(seed=2024, scale=SCALE, stdout=io.StringIO())
        build_seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        today = date.today()
        queue = timed(lambda: list(contacts.duty_queue(officer, today, "open")[:25]), 40)
        report = timed(lambda: reports.reply_timeliness(date(today.year - 1, 1, 1), today, today), 20)
        return {
            "database": connection.vendor,
            "contacts": Contact.objects.count(),
            "build_seconds": round(build_seconds, 1),
            "duty_queue_first_page_p95_ms": round(percentile(queue, 95), 2),
            "reply_timeliness_report_p95_ms": round(percentile(report, 95), 2),
        }
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        teardown_test_environment()


def main() -> None:
    setup_django()
    write_result("voice_deadlines", {**pure_rules(), **selectors_on_synthetic_contacts()})


if __name__ == "__main__":
    main()
