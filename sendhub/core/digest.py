"""A digest of exactly the rows and columns a computation reads, for keeping its result until one changes.

`rows_digest(queryset, fields)` is a one-row queryset (usable as a `Subquery`) whose single value changes
whenever any of the rows the queryset selects, or any of the named columns of those rows, changes: a row
added, removed, edited or leaving the filter. It reads the data itself, not timestamps or counters, so it
is right however the change was made (a service, a bulk update, the admin, another process).

PostgreSQL returns the number of rows and the sum of a 64-bit hash of each row (so the digest does not
depend on the order the rows are read in, and needs no sort); SQLite returns the text itself, which
`digest_value` hashes in Python. A change of order in SQLite can only change the digest of unchanged
data, which costs a recomputation, never a stale answer.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Aggregate, F, QuerySet, TextField, Value

SEPARATOR = "|"
NULL = "~"


class _RowsDigest(Aggregate):
    """On PostgreSQL, the number of rows and the sum of a 64-bit hash of each row's text (hashtextextended,
    PostgreSQL 11 on; ten times cheaper than md5): no sort, and independent of the order the rows are read
    in. Elsewhere, the rows' text joined with commas (hashed in Python by `digest_value`)."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def _parts(self, compiler: Any) -> tuple[list[str], list[Any]]:
        sqls, params = [], []
        for expression in self.source_expressions:
            sql, sql_params = compiler.compile(expression)
            sqls.append(sql)
            params.extend(sql_params)
        return sqls, params

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> Any:
        sqls, params = self._parts(compiler)
        row = f" || '{SEPARATOR}' || ".join(f"COALESCE(CAST({sql} AS TEXT), '{NULL}')" for sql in sqls)
        return f"GROUP_CONCAT({row}, ',')", params

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        sqls, params = self._parts(compiler)
        row = f"ROW({', '.join(sqls)})::text"
        hashed = f"hashtextextended({row}, 0)"
        return f"COUNT(*)::text || ':' || COALESCE(SUM({hashed})::text, '')", params


def rows_digest(queryset: QuerySet[Any], fields: list[str]) -> QuerySet[Any]:
    """A one-row, one-column queryset: the digest of the primary key and `fields` of every row selected."""
    return (
        queryset.order_by()
        .annotate(_all=Value(1))
        .values("_all")
        .annotate(digest=_RowsDigest(*(F(name) for name in ["pk", *fields])))
        .values("digest")
    )


def digest_value(value: str | None) -> str:
    """The digest's value as a short string (None, for no rows, is a value too)."""
    if value is None:
        return "-"
    if len(value) < 64:  # already short: PostgreSQL's count and sum
        return value
    return hashlib.md5(value.encode(), usedforsecurity=False).hexdigest()
