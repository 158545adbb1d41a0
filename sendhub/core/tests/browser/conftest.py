"""A real server on a seeded database, and Debian's chromium driven by Playwright.

Module-scoped: Playwright's sync API keeps an event loop running while it is open, and Django refuses ORM
calls from a thread with a running loop, so it must close before the next test module (in the same
pytest-xdist worker) touches the database.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[4]
CHROMIUM = os.environ.get("SENDHUB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _browser_database_url() -> str:
    """A database of its own, beside the one the test run uses, so the seeded data never meets test data."""
    url = os.environ.get("SENDHUB_DATABASE_URL", "")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # parallel test runs each get their own
    if url.startswith("postgres"):
        base, name = url.rsplit("/", 1)
        name = f"{name}_browser{worker}"
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f'CREATE DATABASE "{name}"'], check=True, capture_output=True
        )
        return f"{base}/{name}"
    path = ROOT / "var" / f"browser-test{worker}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def live_url() -> Iterator[str]:
    env = {
        **os.environ,
        "SENDHUB_DATABASE_URL": _browser_database_url(),
        "SENDHUB_HTTPS": "false",
        "SENDHUB_DEBUG": "false",
        "SENDHUB_DEMO": "true",
        "SENDHUB_EMAIL_BACKEND": "outbox",
        "SENDHUB_ALLOWED_HOSTS": "127.0.0.1",
    }
    sendhub = [sys.executable, "-m", "sendhub"]
    subprocess.run([*sendhub, "migrate", "--no-input"], env=env, check=True, capture_output=True)
    seeded = subprocess.run(
        [*sendhub, "demo-data", "--seed", "11", "--scale", "0.02"], env=env, capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sendhub.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("The test server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Debian chromium is needed at {CHROMIUM}: apt-get install -y chromium (make test does this)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail("axe-core is missing: run npm ci (make test does this)")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def screenshots() -> Path:
    folder = ROOT / "var" / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder
