"""`sendhub jobs health|prune`: is a worker running the background jobs; remove old finished job rows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connection
from django.db.models import Q
from django.utils import timezone

from sendhub.core.health import unapplied_migrations
from sendhub.core.jobs import jobs_run_inline, prune_finished_jobs


class Command(BaseCommand):
    help = "Background jobs: check the worker is alive and keeping up; remove old finished job rows."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        health = sub.add_parser(
            "health",
            help="Exit 0 if a worker beat recently and no job waits too long, else 1 (for monitoring)",
        )
        health.add_argument(
            "--heartbeat-seconds",
            type=int,
            default=60,
            help="A worker's last heartbeat must be this recent (default 60; workers beat every 10 s)",
        )
        health.add_argument(
            "--waiting-minutes",
            type=int,
            default=15,
            help="No job due to run may have waited longer than this (default 15)",
        )
        prune = sub.add_parser("prune", help="Delete finished job rows older than --days (default 30)")
        prune.add_argument("--days", type=int, default=30, help="Keep this many days of finished jobs")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if jobs_run_inline():
            self.stdout.write(
                f"Jobs run inline in the web and command processes ({connection.vendor}): no worker to check"
            )
            return
        if action == "prune":
            if options["days"] < 1:
                raise CommandError("--days must be at least 1")
            removed = prune_finished_jobs(days=options["days"])
            self.stdout.write(self.style.SUCCESS(f"Done: {removed} finished job row(s) removed"))
            return
        problems = self.health_problems(
            heartbeat=timedelta(seconds=options["heartbeat_seconds"]),
            waiting=timedelta(minutes=options["waiting_minutes"]),
        )
        if problems:
            raise CommandError("; ".join(problems))
        self.stdout.write(self.style.SUCCESS("Jobs: OK"))

    def health_problems(self, *, heartbeat: timedelta, waiting: timedelta) -> list[str]:
        from procrastinate.contrib.django.models import ProcrastinateJob, ProcrastinateWorker

        now = timezone.now()
        cutoff = now - waiting
        try:
            pending = unapplied_migrations()
            if pending:
                return [f"{len(pending)} migration(s) not applied: run `sendhub migrate`"]
            workers = ProcrastinateWorker.objects.filter(last_heartbeat__gte=now - heartbeat).count()
            # A job without scheduled_at is due as soon as it is queued (its "deferred" event).
            stale_jobs = (
                ProcrastinateJob.objects.filter(status="todo")
                .filter(
                    Q(scheduled_at__lt=cutoff)
                    | Q(
                        scheduled_at__isnull=True,
                        procrastinateevent__type="deferred",
                        procrastinateevent__at__lt=cutoff,
                    )
                )
                .distinct()
                .count()
            )
        except DatabaseError as e:
            return [f"database: {type(e).__name__}: {e}"]
        problems = []
        if not workers:
            problems.append(f"no worker has beaten in the last {int(heartbeat.total_seconds())} s")
        else:
            self.stdout.write(f"{workers} worker(s) alive")
        if stale_jobs:
            problems.append(f"{stale_jobs} job(s) waiting more than {waiting} to start")
        return problems
