"""Strategy: a board pack (HTML and PDF) for a plan of 60 actions and 40 measures with two years of values,
and the strategy pages (with the progress report, public and staff, and the dashboard pages that show the
partner measures), on a database of their own. Goals: the pack renders in under 5 s; the strategy
pages' p95 is under 200 ms."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from _common import percentile, setup_django, write_result

ACTIONS, MEASURES = 60, 40


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def getter(client: Any, url: str) -> Callable[[], Any]:
    return lambda: client.get(url)


def plan_rows() -> list[dict[str, str]]:
    rows = []
    for n in range(ACTIONS):
        priority = n % 3 + 1
        month = date(2025, 1, 1) + timedelta(days=31 * (n % 12))
        for step in range(3):
            rows.append(
                {
                    "strategy": "Benchmark strategy",
                    "year": "2025",
                    "plan_title": "Benchmark plan 2025",
                    "priority": str(priority),
                    "priority_title": f"Priority {priority} of the benchmark",
                    "number": f"{priority}.{n // 3 + 1}",
                    "title": f"Action {n} of the benchmark plan" if step == 0 else "",
                    "owner": "",
                    "partners": "",
                    "outcome": "",
                    "success_criteria": "",
                    "expected_impact": "",
                    "step": f"Step {step} of action {n}",
                    "step_by_when": f"{month:%b-%y}",
                    "step_success_criteria": "",
                }
            )
    return rows


def build() -> dict[str, Any]:
    from sendhub.accounts.models import Role, User
    from sendhub.strategy.models import OrganisationKind, PartnerMeasure, PartnerOrganisation, Unit
    from sendhub.strategy.services import board, measures, plan_io
    from sendhub.strategy.services.plan import record_update

    manager = User.objects.create_user(
        "bench-manager@example.test", full_name="Bench", role=Role.TEAM_MANAGER
    )
    plan = plan_io.import_plan(rows=plan_rows(), by=manager)
    actions = list(plan.actions.order_by("position"))
    deliveries = ["on_track", "at_risk", "off_track", "complete", "not_started"]
    for n, action in enumerate(actions):
        record_update(
            action=action,
            reported_on=date(2025, 3, 31),
            delivery=deliveries[n % 5],
            progress=f"Progress on action {n}",
            by=manager,
        )
    organisation = PartnerOrganisation.objects.create(name="Bench partner", kind=OrganisationKind.HEALTH)
    for n in range(MEASURES):
        pm = PartnerMeasure.objects.create(
            code=f"bench-{n}", name=f"Bench measure {n}", owner=organisation, unit=Unit.COUNT
        )
        for year in (2023, 2024):
            measures._save_value(
                measure=pm,
                by=manager,
                entry=measures.ValueInput(
                    period_start=date(year, 4, 1),
                    period_end=date(year + 1, 3, 31),
                    value=Decimal(100 + n + year % 2),
                    numerator=None,
                    denominator=None,
                    source="Benchmark",
                ),
            )
        measures.link_measure(
            action=actions[n % ACTIONS],
            label=f"Bench measure {n}",
            partner_measure=pm,
            target=Decimal(120),
            direction="higher",
            due=date(2025, 12, 31),
            by=manager,
        )
    meeting = board.schedule_meeting(
        board="inclusion", held_on=date(2025, 6, 1), attendees="Chair", agenda="Plan", by=manager
    )
    for n in range(10):
        board.record_item(
            meeting=meeting,
            kind="action",
            text=f"Board action {n}",
            owner="Lead",
            due=date(2025, 7, 1),
            by=manager,
        )
    return {"manager": manager, "plan": plan, "meeting": meeting, "action": actions[0]}


def measure() -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    # No setup_test_environment(): its template instrumentation copies every context and would be timed too.
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from sendhub.strategy.pack_pdf import render_pack_pdf
        from sendhub.strategy.selectors.board import board_pack

        made = build()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        today = date(2025, 6, 1)
        pack = timed(lambda: render_pack_pdf(board_pack(made["meeting"], today)), 5)
        client = Client(HTTP_HOST="localhost")
        client.force_login(made["manager"], backend="django.contrib.auth.backends.ModelBackend")
        from sendhub.strategy.services.report import publish_report

        publish_report(plan=made["plan"], by=made["manager"])
        pages = {
            "plan": "/strategy/",
            "action": f"/strategy/actions/{made['action'].pk}/",
            "meeting_html_pack": f"/strategy/board/{made['meeting'].pk}/",
            "board_meetings_and_open_actions": "/strategy/board/",
            "partner_measures": "/strategy/partner-measures/",
            "annual_report": "/strategy/annual-report/?year=2025",
            "local_offer_visits": "/strategy/local-offer-visits/",
            "self_evaluation": "/strategy/self-evaluation/",
            "dashboard_live_with_partner_measures": "/dashboard/kpis/?year=2025",
        }
        public_client = Client(HTTP_HOST="localhost")
        public_pages = {
            "public_progress_report": "/local-offer/progress-reports/2025/",
            "public_dashboard_with_partner_measures": "/dashboard/public/",
        }
        result: dict[str, Any] = {
            "database": connection.vendor,
            "actions": ACTIONS,
            "measures": MEASURES,
            "pdf_pack_max_ms": round(max(pack), 1),
            "pdf_pack_goal_ms": 5000,
        }
        for name, url in pages.items():
            assert client.get(url).status_code == 200, url
            result[f"{name}_page_p95_ms"] = round(percentile(timed(getter(client, url), 30), 95), 1)
        for name, url in public_pages.items():
            assert public_client.get(url).status_code == 200, url
            result[f"{name}_page_p95_ms"] = round(percentile(timed(getter(public_client, url), 30), 95), 1)
        result["page_goal_p95_ms"] = 200
        return result
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)


def main() -> None:
    setup_django()
    write_result("strategy_pack", measure())


if __name__ == "__main__":
    main()
