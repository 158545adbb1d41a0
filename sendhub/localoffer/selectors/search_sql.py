"""Relevance ranking in SQL: the same scoring as `oruk.search.rank`, done by the database.

Plain SQL-92 (UNION ALL of constant rows, nested GROUP BY, HAVING), so it runs on SQLite and PostgreSQL.
Only one page of ids and the count come back, instead of every matching posting.
`tests/test_selectors.py` checks that it agrees with the pure Python `rank`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from django.db import connection

from sendhub.localoffer.models import SearchKey, SearchPosting, ServiceDocument
from sendhub.localoffer.oruk import search

POSTINGS = SearchPosting._meta.db_table
DOCUMENTS = ServiceDocument._meta.db_table
KEYS = SearchKey._meta.db_table


def candidate_terms(words: list[str]) -> set[str]:
    """Indexed terms that may match the query words: each word's typo keys (an indexed IN), plus whole
    terms starting with a word of 4+ letters. Plain SQL: it runs on every search, and building the same
    query through the ORM cost more CPU than running it (`tests/test_selectors.py` compares the two)."""
    keys = sorted(set().union(*(search.lookup_keys(w) for w in words)))
    where, params = [f"key IN ({', '.join(['%s'] * len(keys))})"], list(keys)
    for word in words:
        if len(word) >= search.MIN_PREFIX:
            where.append("(key = term AND key LIKE %s ESCAPE '\\')")
            params.append(connection.ops.prep_for_like_query(word) + "%")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT term FROM {KEYS} WHERE " + " OR ".join(where), params)  # noqa: S608
        return {term for (term,) in cursor.fetchall()}


def _matches(expansions: Mapping[str, Mapping[str, float]]) -> tuple[str, list[Any]]:
    rows, params = [], []
    for n, terms in enumerate(expansions.values()):
        for term, quality in terms.items():
            rows.append(
                "SELECT CAST(%s AS VARCHAR(60)) AS term, %s AS word, CAST(%s AS DOUBLE PRECISION) AS quality"
            )
            params += [term, n, quality]
    return " UNION ALL ".join(rows), params


def _scored(
    expansions: Mapping[str, Mapping[str, float]], restrict: tuple[str, tuple[Any, ...]] | None
) -> tuple[str, list[Any]]:
    """SQL of (service_id, score) for the services matching every word, and its parameters."""
    matches, params = _matches(expansions)
    where = ""
    if restrict is not None:
        where = f" WHERE p.service_id IN ({restrict[0]})"
        params += list(restrict[1])
    # Only the table name, placeholders and the caller's compiled subquery are interpolated: no user text.
    if all(len(terms) == 1 for terms in expansions.values()):
        # One term per word (the usual case): a service has one posting per term, so the best match of
        # each word is its only one and a single grouping gives the same scores.
        scored = (
            "SELECT p.service_id AS service_id, SUM(p.weight * m.quality) AS score"  # noqa: S608
            f" FROM {POSTINGS} p JOIN ({matches}) m ON p.term = m.term{where}"
            " GROUP BY p.service_id HAVING COUNT(*) = %s"
        )
        params.append(len(expansions))
        return scored, params
    scored = (
        "SELECT service_id, SUM(best) AS score FROM ("  # noqa: S608
        f" SELECT p.service_id AS service_id, m.word AS word, MAX(p.weight * m.quality) AS best"
        f" FROM {POSTINGS} p JOIN ({matches}) m ON p.term = m.term{where}"
        " GROUP BY p.service_id, m.word"
        ") per_word GROUP BY service_id HAVING COUNT(*) = %s"
    )
    params.append(len(expansions))
    return scored, params


def _uuid(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def ranked_page(
    expansions: Mapping[str, Mapping[str, float]],
    *,
    offset: int,
    limit: int,
    restrict: tuple[str, tuple[Any, ...]] | None = None,
) -> tuple[int, list[UUID]]:
    """(number of services matching every word, the ids of one page, best first; ties by id).

    `restrict` is an optional (sql, params) subquery returning the allowed service ids (other filters).
    """
    total, rows = ranked_documents(expansions, offset=offset, limit=limit, restrict=restrict, documents=False)
    return total, [service_id for service_id, _doc in rows]


def ranked_documents(
    expansions: Mapping[str, Mapping[str, float]],
    *,
    offset: int,
    limit: int,
    restrict: tuple[str, tuple[Any, ...]] | None = None,
    documents: bool = True,
) -> tuple[int, list[tuple[UUID, str | None]]]:
    """As ranked_page, each id with its stored ORUK summary (None if it has none yet), in one query."""
    scored, params = _scored(expansions, restrict)
    # One scoring pass: the window count gives the total on every row of the page.
    page = (
        f"SELECT service_id, score, COUNT(*) OVER () AS total FROM ({scored}) matched"  # noqa: S608
        " ORDER BY score DESC, service_id LIMIT %s OFFSET %s"
    )
    if documents:
        sql = (
            f"SELECT r.service_id, d.summary, r.total FROM ({page}) r"  # noqa: S608
            f" LEFT JOIN {DOCUMENTS} d ON d.service_id = r.service_id ORDER BY r.score DESC, r.service_id"
        )
    else:
        sql = f"SELECT service_id, NULL, total FROM ({page}) r ORDER BY score DESC, service_id"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
        if rows:
            total = rows[0][2]
        else:  # past the last page (or nothing matched): count on its own
            cursor.execute(f"SELECT COUNT(*) FROM ({scored}) matched", params)  # noqa: S608
            (total,) = cursor.fetchone() or (0,)
    return int(total), [(_uuid(service_id), doc) for service_id, doc, _total in rows]
