from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from sendhub.conftest import seeded_once
from sendhub.localoffer import demo


def _build_directory() -> None:
    demo.build_directory(seed=7, count=30, today=dt.date(2026, 11, 23))
    demo.load_content_pages()


@pytest.fixture(scope="module")
def directory_once(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Built once per test module (half a second each time it was built per test, for 80 tests)."""
    with seeded_once(django_db_blocker, _build_directory):
        yield


@pytest.fixture
def directory(db: Any, directory_once: None) -> None:
    """A small synthetic directory: 30 services with terms, places, schedules and the content pages.
    What a test writes is rolled back to it."""


@pytest.fixture
def oruk_dir():
    """../shared/oruk (spec, examples, checker), found through SENDHUB_SHARED_DATA like all shared data."""
    from sendhub.conftest import SHARED_DIR

    if (SHARED_DIR / "oruk" / "oruk_check.py").is_file():
        return SHARED_DIR / "oruk"
    pytest.fail(
        "The ORUK spec folder ../shared/oruk is missing (set SENDHUB_SHARED_DATA=/path/to/shared/data)"
    )
