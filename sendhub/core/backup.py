"""`sendhub backup` / `sendhub restore`: the whole database to one file and back.

PostgreSQL: pg_dump's custom format without ownership (restores as whichever role owns the target), restored
with pg_restore in one transaction, so a failed restore leaves the database as it was. SQLite: the online
backup API, a consistent copy while the service runs. `table_fingerprints` gives each table's row count and
a checksum of its rows, to prove a round trip (tests) and to check a restore by hand.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection

SQLITE_HEADER = b"SQLite format 3\x00"
PGDUMP_HEADER = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why and what to do."""


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    args = []
    if s.get("HOST"):
        args += ["--host", str(s["HOST"])]
    if s.get("PORT"):
        args += ["--port", str(s["PORT"])]
    if s.get("USER"):
        args += ["--username", str(s["USER"])]
    return env, [*args, "--dbname", str(s["NAME"])]


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as e:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client tools") from e
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def backup(out: Path) -> None:
    """Write the whole database to `out` (written beside it first, then renamed: never half a file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    try:
        if connection.vendor == "postgresql":
            env, args = _pg_env_and_args()
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(partial), *args], env)
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(partial)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            raise BackupError(f"Backups of {connection.vendor} databases are not supported")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def restore(path: Path) -> None:
    """Replace the whole database with the backup in `path`, or refuse and change nothing."""
    if not path.is_file():
        raise BackupError(f"No such file: {path}")
    with path.open("rb") as f:
        header = f.read(16)
    if connection.vendor == "postgresql":
        if not header.startswith(PGDUMP_HEADER):
            raise BackupError(
                f"{path} is not a PostgreSQL backup made by `sendhub backup` (pg_dump custom format)"
            )
        env, args = _pg_env_and_args()
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(path),
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        if header != SQLITE_HEADER:
            raise BackupError(f"{path} is not a SQLite backup made by `sendhub backup`")
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported")


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table_fingerprints(cursor: Any = None, tables: list[str] | None = None) -> dict[str, tuple[int, str]]:
    """{table: (row count, SHA-256 of its rows in key order)} for every table in the database."""
    own_cursor = cursor is None
    if own_cursor:
        cursor = connection.cursor()
    try:
        names = tables if tables is not None else sorted(connection.introspection.table_names(cursor))
        result = {}
        # Table names come from the database's own catalogue and are quoted; nothing here comes from a user.
        for name in names:
            cursor.execute(f"SELECT * FROM {_quote(name)} LIMIT 0")  # noqa: S608
            width = len(cursor.description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            cursor.execute(f"SELECT * FROM {_quote(name)} ORDER BY {order}")  # noqa: S608
            digest = hashlib.sha256()
            count = 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(row)).encode())
                count += 1
            result[name] = (count, digest.hexdigest())
        return result
    finally:
        if own_cursor:
            cursor.close()


def sqlite_file_fingerprints(path: Path) -> dict[str, tuple[int, str]]:
    """The same fingerprints for a SQLite file, read without Django (a database another process wrote)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = db.cursor()
        names = [
            r[0]
            for r in cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        result = {}
        for name in names:
            cursor.execute(f'SELECT * FROM "{name}" LIMIT 0')  # noqa: S608 (names from sqlite_master)
            order = ", ".join(str(i) for i in range(1, len(cursor.description) + 1))
            rows = cursor.execute(f'SELECT * FROM "{name}" ORDER BY {order}').fetchall()  # noqa: S608
            digest = hashlib.sha256()
            for row in rows:
                digest.update(repr(tuple(row)).encode())
            result[name] = (len(rows), digest.hexdigest())
        return result
    finally:
        db.close()
