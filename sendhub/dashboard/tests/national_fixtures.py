"""Session fixtures for the national data, registered by the root conftest (`pytest_plugins`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sendhub.dashboard.tests.sample import write_sample


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The national data cut down to Camden, its neighbours and the national rows (loads in a second)."""
    return write_sample(tmp_path_factory.mktemp("national"))


@pytest.fixture(autouse=True, scope="session")
def demo_reads_the_sample_national_data(sample_data: Path) -> Iterator[None]:
    """The demo loads the full national files (20 s: 630,000 rows) unless told otherwise; in the tests it
    loads the sample, so each test module that seeds the demo pays for its casework, not for every
    LA's LAIT history. The browser sweep's own demo server still reads the full files."""
    from django.test.utils import override_settings

    with override_settings(SENDHUB_NATIONAL_DATA=sample_data):
        yield
