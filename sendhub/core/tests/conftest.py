from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def lo_directory(db):
    """The Local Offer test directory (30 services), for the cross-app hostile-input tests."""
    from sendhub.localoffer import demo

    demo.build_directory(seed=7, count=30, today=dt.date(2026, 11, 23))
    demo.load_content_pages()
