"""One JSON object per log line (SENDHUB_LOG_FORMAT=json), for a council's log collector.

A dozen lines on orjson (already a dependency) rather than another package: the fields are the
record's time, level, logger, message, request id, any `extra` fields, and the traceback.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any

import orjson

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


_CALL_ARGS = re.compile(r"(\b[\w.]+\[\d+\])\(.*\)")


class JobArgumentsLogFilter(logging.Filter):
    """Keeps job arguments out of the log: procrastinate's worker writes each job's call, arguments
    included, and an email job's arguments are the whole message (addresses, names, sign-in links)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("procrastinate"):
            return True
        if isinstance(record.msg, str) and "](" in record.msg:
            record.msg = _CALL_ARGS.sub(r"\1(…)", record.msg)
        for key in ("job", "jobs"):
            value = getattr(record, key, None)
            if isinstance(value, dict):
                setattr(record, key, _without_arguments(value))
            elif isinstance(value, list):
                setattr(record, key, [_without_arguments(v) if isinstance(v, dict) else v for v in value])
        return True


def _without_arguments(job: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in job.items() if k not in ("task_kwargs", "call_string")}
    if "call_string" in job:
        kept["call_string"] = _CALL_ARGS.sub(r"\1(…)", str(job["call_string"]))
    return kept
