"""Runs the shared ORUK conformance checker (../shared/oruk/oruk_check.py) against a live server."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from sendhub.localoffer import demo


@pytest.mark.django_db(transaction=True)
def test_conformance_checker_passes_against_a_live_server(live_server, oruk_dir):
    demo.build_directory(seed=3, count=40, today=dt.date(2026, 11, 23))
    result = subprocess.run(
        [sys.executable, str(oruk_dir / "oruk_check.py"), f"{live_server.url}/api/oruk"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 FAIL" in result.stdout
