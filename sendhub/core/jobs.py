"""Background jobs: procrastinate on PostgreSQL, inline on SQLite (or when SENDHUB_JOBS_INLINE is on).

Tasks are declared with `@app.task` and started with `defer(task, **kwargs)`, never `task.defer` directly,
so the same code runs on both databases.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.db import connection
from procrastinate import App
from procrastinate.contrib.django import app

log = logging.getLogger("sendhub.jobs")


def jobs_run_inline() -> bool:
    return bool(settings.SENDHUB_JOBS_INLINE) or connection.vendor != "postgresql"


def defer(task: Any, **kwargs: Any) -> Any:
    if jobs_run_inline():
        return run_inline(task, **kwargs)
    return task.defer(**kwargs)


def run_inline(task: Any, **kwargs: Any) -> Any:
    """Run a task now, with the start and end at INFO as the procrastinate worker logs them."""
    name = getattr(task, "name", repr(task))
    log.info("Job %s started inline", name)
    started = time.perf_counter()
    try:
        result = task(**kwargs)
    except Exception:
        log.exception("Job %s failed inline after %.2f s", name, time.perf_counter() - started)
        raise
    log.info("Job %s succeeded inline in %.2f s", name, time.perf_counter() - started)
    return result


def on_app_ready(procrastinate_app: App) -> App:
    return procrastinate_app


FINISHED_JOB_STATUSES = ("succeeded", "failed", "cancelled", "aborted")


def prune_finished_jobs(*, days: int) -> int:
    """Delete job rows (and their events) finished more than `days` ago; returns how many went.

    The last run of each periodic task stays: procrastinate's periodic_defers row refers to it.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            """
            DELETE FROM procrastinate_jobs
             WHERE status = ANY(%s::procrastinate_job_status[])
               AND NOT EXISTS (SELECT 1 FROM procrastinate_events e
                                WHERE e.job_id = procrastinate_jobs.id
                                  AND e.at >= now() - make_interval(days => %s))
               AND id NOT IN (SELECT job_id FROM procrastinate_periodic_defers WHERE job_id IS NOT NULL)
            """,
            [list(FINISHED_JOB_STATUSES), days],
        )
        return int(cursor.rowcount)


__all__ = ["app", "defer", "jobs_run_inline", "prune_finished_jobs"]
