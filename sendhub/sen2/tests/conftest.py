from pathlib import Path

import pytest

from sendhub.conftest import SHARED_DIR

SHARED = SHARED_DIR / "data" / "sen2-schema"


@pytest.fixture
def shared_samples() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared SEN2 samples are needed at {SHARED}")
    return SHARED
