from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sendhub.conftest import seeded_once


@pytest.fixture(scope="module")
def loaded_once(django_db_setup: Any, django_db_blocker: Any, sample_data: Path) -> Iterator[Any]:
    """The sample national data, loaded once per test module (7-13 s a load); rolled back after it."""
    from sendhub.dashboard.services import load_benchmarks

    with seeded_once(
        django_db_blocker,
        lambda: load_benchmarks(root=sample_data, by=None, now=datetime(2025, 7, 1, tzinfo=UTC)),
    ) as load:
        yield load


@pytest.fixture
def loaded(db: Any, loaded_once: Any) -> Any:
    """The national data loaded; what a test writes is rolled back to it."""
    return loaded_once


@pytest.fixture
def not_loaded(db: Any) -> None:
    """No national data, even in a module where `loaded` has already seeded it (rolled back after)."""
    from sendhub.dashboard.models import DataLoad, LocalAuthority, NationalIndicator, StatisticalNeighbour

    for model in (NationalIndicator, LocalAuthority, StatisticalNeighbour, DataLoad):
        model.objects.all().delete()
