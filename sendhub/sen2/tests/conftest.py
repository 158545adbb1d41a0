from pathlib import Path

import pytest

SHARED = Path("/work/shared/data/sen2-schema")


@pytest.fixture
def shared_samples() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared SEN2 samples are needed at {SHARED}")
    return SHARED
