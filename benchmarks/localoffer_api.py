"""Latency and throughput of /api/oruk/services search over 5,000 services, served by gunicorn.

Goal (issue 7): p95 under 50 ms and at least 300 requests/s on 2 cores. The script builds (once) a
separate database `<db>_localoffer_bench` with 5,000 synthetic services, starts gunicorn with 2 workers
on loopback, measures one client's latency and then 8 concurrent clients' throughput, and writes
benchmarks/results/localoffer_api.json.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import ROOT, percentile, write_result

SERVICES = 5000
SEQUENTIAL = 400
CONCURRENT_SECONDS = 15
CLIENTS = 8
QUERIES: list[dict[str, object]] = [
    {"search": "speech"}, {"search": "swiming"}, {"search": "autism support"}, {"search": "short breaks"},
    {"search": "holiday play"}, {"search": "physio"}, {"search": "youth club"}, {"search": "sensory cinema"},
    {"search": "dyslexia"}, {"search": "saturday club"}, {"search": "wheelchair"}, {"search": "occupatonal therapy"},
    {"minimum_age": 5}, {"maximum_age": 11}, {"day": "SA"}, {"start_time": "16:00", "end_time": "18:00"},
    {"search": "club", "day": "SA", "per_page": 20}, {"page": 7, "per_page": 50}, {},
]  # fmt: skip


def bench_database_url() -> str:
    url = os.environ.get("SENDHUB_DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{Path(tempfile.gettempdir()) / 'sendhub_localoffer_bench.sqlite3'}"
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_localoffer_bench"
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def environment(db_url: str) -> dict[str, str]:
    return {**os.environ, "SENDHUB_DATABASE_URL": db_url, "SENDHUB_HTTPS": "false", "SENDHUB_DEBUG": "false",
            "DJANGO_SETTINGS_MODULE": "sendhub.settings", "SENDHUB_LOG_LEVEL": "WARNING",
            "SENDHUB_SECRET_KEY": os.environ.get("SENDHUB_SECRET_KEY", "benchmark-only-key-" + "x" * 40)}  # fmt: skip


def prepare(env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    code = (
        "import django, datetime, sys; django.setup()\n"
        "from sendhub.localoffer import demo\n"
        f"n = demo.build_directory(seed=5000, count={SERVICES}, today=datetime.date.today())\n"
        "print(f'{n} services created')\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def worker_cpu_seconds(master: int) -> float:
    """CPU seconds used so far by gunicorn's workers (Linux /proc), to estimate capacity on a busy host."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == master:  # fields[1] is the parent pid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def get(base: str, params: dict[str, object]) -> float:
    url = f"{base}/api/oruk/services" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    db_url = bench_database_url()
    env = environment(db_url)
    prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "sendhub.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level",
         "warning"], cwd=ROOT, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base, {"per_page": 1})
                break
            except OSError:
                time.sleep(0.2)
        for params in QUERIES:  # warm both workers
            get(base, params)
            get(base, params)
        latencies = [get(base, params) for params in itertools.islice(itertools.cycle(QUERIES), SEQUENTIAL)]
        done: list[float] = []
        deadline = time.perf_counter() + CONCURRENT_SECONDS

        def client(offset: int) -> list[float]:
            mine, queries = [], itertools.cycle(QUERIES[offset:] + QUERIES[:offset])
            while time.perf_counter() < deadline:
                mine.append(get(base, next(queries)))
            return mine

        cpu_before, started = worker_cpu_seconds(server.pid), time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            for result in pool.map(client, range(CLIENTS)):
                done.extend(result)
        elapsed = time.perf_counter() - started
        cpu_ms = (worker_cpu_seconds(server.pid) - cpu_before) * 1000 / max(1, len(done))
    finally:
        server.terminate()
        server.wait(timeout=30)
    p95 = percentile(latencies, 95)
    throughput = len(done) / elapsed
    write_result("localoffer_api", {
        "endpoint": "/api/oruk/services (search, filters, paging mix)",
        "database": db_url.split(":", 1)[0], "services": SERVICES, "server": "gunicorn, 2 sync workers, loopback",
        "sequential": {"requests": len(latencies), "p50_ms": round(percentile(latencies, 50), 1),
                       "p95_ms": round(p95, 1), "p99_ms": round(percentile(latencies, 99), 1)},
        "concurrent": {"clients": CLIENTS, "seconds": round(elapsed, 1), "requests": len(done),
                       "requests_per_second": round(throughput, 1),
                       "p95_ms_under_load": round(percentile(done, 95), 1)},
        "server_cpu_ms_per_request": round(cpu_ms, 2),
        "capacity_estimate_rps_on_2_idle_cores": round(2000 / cpu_ms, 1) if cpu_ms else None,
        "load_average_1m_at_end": round(os.getloadavg()[0], 1),
        "goals": {"p95_under_50_ms": p95 < 50, "at_least_300_rps": throughput >= 300},
    })  # fmt: skip


if __name__ == "__main__":
    main()
