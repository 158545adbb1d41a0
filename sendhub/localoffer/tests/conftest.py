from __future__ import annotations

import datetime as dt

import pytest

from sendhub.localoffer import demo


@pytest.fixture
def directory(db):
    """A small synthetic directory: 30 services with terms, places, schedules and the content pages."""
    demo.build_directory(seed=7, count=30, today=dt.date(2026, 11, 23))
    demo.load_content_pages()


@pytest.fixture
def oruk_dir():
    """../shared/oruk (spec, examples, checker), found through SENDHUB_SHARED_DATA like all shared data."""
    from sendhub.conftest import SHARED_DIR

    if (SHARED_DIR / "oruk" / "oruk_check.py").is_file():
        return SHARED_DIR / "oruk"
    pytest.fail(
        "The ORUK spec folder ../shared/oruk is missing (set SENDHUB_SHARED_DATA=/path/to/shared/data)"
    )
