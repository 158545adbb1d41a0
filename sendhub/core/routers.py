from typing import Any

from django.db import connections

POSTGRES_ONLY_APPS = {"procrastinate"}


class PostgresOnlyAppsRouter:
    """procrastinate's tables are PostgreSQL functions and triggers; on SQLite jobs run inline instead."""

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if app_label in POSTGRES_ONLY_APPS:
            return connections[db].vendor == "postgresql"
        return None
