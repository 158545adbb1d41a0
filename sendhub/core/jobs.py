"""Background jobs: procrastinate on PostgreSQL, inline on SQLite (or when SENDHUB_JOBS_INLINE is on).

Tasks are declared with `@app.task` and started with `defer(task, **kwargs)`, never `task.defer` directly,
so the same code runs on both databases.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection
from procrastinate import App
from procrastinate.contrib.django import app


def jobs_run_inline() -> bool:
    return bool(settings.SENDHUB_JOBS_INLINE) or connection.vendor != "postgresql"


def defer(task: Any, **kwargs: Any) -> Any:
    if jobs_run_inline():
        return task(**kwargs)
    return task.defer(**kwargs)


def on_app_ready(procrastinate_app: App) -> App:
    return procrastinate_app


__all__ = ["app", "defer", "jobs_run_inline"]
