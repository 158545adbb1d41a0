"""Family voice: how fast are reply-due and complaint dates, reference parsing, and the read-only
Duty Line queue and report selectors on whatever data the database holds (nothing is written)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from _common import percentile, setup_django, write_result


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    setup_django()
    from sendhub.accounts.models import Role, User
    from sendhub.voice import rules
    from sendhub.voice.selectors import contacts, reports

    moments = [datetime(2022, 1, 1, 8, 0) + timedelta(hours=7 * n) for n in range(10_000)]
    start = time.perf_counter()
    for m in moments:
        rules.reply_due(m)
        rules.complaint_step_due(rules.ComplaintStep.STAGE_2, m.date())
    rules_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for n in range(1, 10_001):
        rules.parse_reference(f"sen 2026 {n}")
    parse_ms = (time.perf_counter() - start) * 1000

    today = date.today()
    user = User.objects.filter(role=Role.CASE_OFFICER, is_active=True).first()
    queue = timed(lambda: list(contacts.duty_queue(user, today, "open")[:25]), 20) if user else []
    report = timed(lambda: reports.reply_timeliness(date(today.year - 1, 1, 1), today, today), 10)
    write_result(
        "voice_deadlines",
        {
            "rules_10k_contacts_and_complaints_ms": round(rules_ms, 1),
            "parse_10k_references_ms": round(parse_ms, 1),
            "duty_queue_first_page_p95_ms": round(percentile(queue, 95), 2) if queue else None,
            "reply_timeliness_report_p95_ms": round(percentile(report, 95), 2),
        },
    )


if __name__ == "__main__":
    main()
