"""Latency and throughput of /api/oruk/services (search, filters, paging) over 5,000 services.

Goal (issue 7): p95 under 50 ms and at least 300 requests/s on 2 cores. The script builds (once) a
separate database `<db>_localoffer_bench` with 5,000 synthetic services, starts gunicorn as the operator
guide recommends (2 x cores + 1 sync workers) on loopback, and measures, for two server configurations:

* `cache_on`: the default; each worker keeps response bodies for the current directory version, so a
  query seen before costs a version lookup and a copy;
* `cache_off` (`SENDHUB_ORUK_CACHE_SIZE=0`): every request searches and assembles its page, i.e. the
  cost of queries never seen before.

For each: one client's latency (p50/p95/p99), 8 concurrent connections' requests/s, and the CPU time per
request of gunicorn AND of the PostgreSQL backends serving the benchmark database (from /proc), which
does not depend on what else the machine is doing. The load generator is `wrk` when installed (C, little
CPU; `make bench` installs it), else a Python client. The results JSON says what the machine was doing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import ROOT, percentile, write_result

SERVICES = 5000
SEQUENTIAL_SECONDS = 10
CONCURRENT_SECONDS = 15
CONNECTIONS = 8
WORKERS = 2 * (os.cpu_count() or 1) + 1  # docs/operator-guide.md
QUERIES: list[dict[str, object]] = [
    {"search": "speech"},
    {"search": "swiming"},
    {"search": "autism support"},
    {"search": "short breaks"},
    {"search": "holiday play"},
    {"search": "physio"},
    {"search": "youth club"},
    {"search": "sensory cinema"},
    {"search": "dyslexia"},
    {"search": "saturday club"},
    {"search": "wheelchair"},
    {"search": "occupatonal therapy"},
    {"minimum_age": 5},
    {"maximum_age": 11},
    {"day": "SA"},
    {"start_time": "16:00", "end_time": "18:00"},
    {"search": "club", "day": "SA", "per_page": 20},
    {"page": 7, "per_page": 50},
    {},
]
PATHS = ["/api/oruk/services" + (f"?{urllib.parse.urlencode(q)}" if q else "") for q in QUERIES]
TICK = os.sysconf("SC_CLK_TCK")


def bench_database_url() -> str:
    url = os.environ.get("SENDHUB_DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{Path(tempfile.gettempdir()) / 'sendhub_localoffer_bench.sqlite3'}"
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_localoffer_bench"
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def admin_url(url: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/postgres"))


def environment(db_url: str, cache_size: int = 512) -> dict[str, str]:
    return {
        **os.environ,
        "SENDHUB_DATABASE_URL": db_url,
        "SENDHUB_HTTPS": "false",
        "SENDHUB_DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "sendhub.settings",
        "SENDHUB_LOG_LEVEL": "WARNING",
        "SENDHUB_ORUK_CACHE_SIZE": str(cache_size),
        "SENDHUB_SECRET_KEY": os.environ.get("SENDHUB_SECRET_KEY", "benchmark-only-key-" + "x" * 40),
    }


def prepare(env: dict[str, str]) -> None:
    """Migrate, build the 5,000 services once, render any missing API documents, refresh statistics."""
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    code = (
        "import django, datetime; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.db import connection\n"
        "from sendhub.localoffer import demo\n"
        "from sendhub.localoffer.models import Service, ServiceDocument\n"
        f"n = demo.build_directory(seed=5000, count={SERVICES}, today=datetime.date.today())\n"
        "print(f'{n} services created')\n"
        "if ServiceDocument.objects.count() != Service.objects.count():\n"
        "    call_command('localoffer', 'reindex')\n"
        "if connection.vendor == 'postgresql':  # what autovacuum does on a live server\n"
        "    connection.cursor().execute('VACUUM ANALYZE')\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pid_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def gunicorn_cpu(master: int) -> float:
    """CPU seconds of the gunicorn master and its workers so far."""
    total = pid_cpu(master)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:  # parent pid
                total += pid_cpu(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return total


def postgres_cpu(db_url: str) -> float:
    """CPU seconds of the PostgreSQL backends connected to the benchmark database (same machine only)."""
    if not db_url.startswith("postgres"):
        return 0.0
    import psycopg

    name = urllib.parse.urlsplit(db_url).path.lstrip("/")
    with psycopg.connect(admin_url(db_url), autocommit=True) as conn:
        pids = [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [name])]
    return sum(pid_cpu(pid) for pid in pids)


def machine_busy_seconds() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / TICK  # everything but idle and iowait


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %%d, "seconds": %%f, "p50_ms": %%f, "p95_ms": %%f, ' ..
    '"p99_ms": %%f, "errors": %%d}\\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def load_wrk(base: str, connections: int, seconds: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in PATHS))
    threads = min(connections, 2)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "-s", script.name, base]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    os.unlink(script.name)
    if status != 0 or "RESULT " not in out:
        raise RuntimeError(f"wrk failed: {out}")
    result = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])
    result["client_cpu_s"] = usage.ru_utime + usage.ru_stime
    return result


def load_python(base: str, connections: int, seconds: int) -> dict[str, Any]:
    """Fallback client (new connection per request, like urllib users); uses far more CPU than wrk."""
    latencies: list[float] = []
    errors = [0]
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        i = offset
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(base + PATHS[i % len(PATHS)], timeout=30) as response:
                    response.read()
            except OSError:
                errors[0] += 1
            latencies.append((time.perf_counter() - start) * 1000)
            i += 1

    cpu, started = time.process_time(), time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "requests": len(latencies),
        "seconds": time.perf_counter() - started,
        "errors": errors[0],
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "client_cpu_s": time.process_time() - cpu,
    }


def load(base: str, connections: int, seconds: int) -> dict[str, Any]:
    return (load_wrk if shutil.which("wrk") else load_python)(base, connections, seconds)


def measure(db_url: str, cache_size: int) -> dict[str, Any]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sendhub.wsgi",
            "-w",
            str(WORKERS),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(db_url, cache_size),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/oruk/services?per_page=1", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        for path in PATHS * WORKERS:  # every worker connects to the database and sees every query once
            urllib.request.urlopen(base + path, timeout=30).read()
        sequential = load(base, 1, SEQUENTIAL_SECONDS)
        before = (gunicorn_cpu(server.pid), postgres_cpu(db_url), machine_busy_seconds(), time.perf_counter())
        concurrent = load(base, CONNECTIONS, CONCURRENT_SECONDS)
        after = (gunicorn_cpu(server.pid), postgres_cpu(db_url), machine_busy_seconds(), time.perf_counter())
    finally:
        server.terminate()
        server.wait(timeout=30)
    n = max(1, concurrent["requests"])
    app_ms, db_ms = (after[0] - before[0]) * 1000 / n, (after[1] - before[1]) * 1000 / n
    wall = after[3] - before[3]
    ours = after[0] - before[0] + after[1] - before[1] + concurrent["client_cpu_s"]
    rps = concurrent["requests"] / concurrent["seconds"]
    return {
        "response_cache_entries_per_worker": cache_size,
        "sequential": {k: round(sequential[k], 1) for k in ("requests", "p50_ms", "p95_ms", "p99_ms")},
        "concurrent": {
            "connections": CONNECTIONS,
            "seconds": round(concurrent["seconds"], 1),
            "requests": concurrent["requests"],
            "errors": concurrent["errors"],
            "requests_per_second": round(rps, 1),
            "p95_ms_under_load": round(concurrent["p95_ms"], 1),
        },
        "cpu_ms_per_request": {
            "gunicorn": round(app_ms, 2),
            "postgres": round(db_ms, 2),
            "total": round(app_ms + db_ms, 2),
            "load_generator": round(concurrent["client_cpu_s"] * 1000 / n, 2),
        },
        "capacity_estimate_rps_on_2_idle_cores": round(2000 / (app_ms + db_ms), 1)
        if app_ms + db_ms
        else None,
        "other_processes_cores_busy_during_run": round(max(0.0, (after[2] - before[2] - ours) / wall), 2),
        "goals": {"p95_under_50_ms": sequential["p95_ms"] < 50, "at_least_300_rps": rps >= 300},
    }


def main() -> None:
    db_url = bench_database_url()
    prepare(environment(db_url))
    load_before = os.getloadavg()[0]
    configs = {"cache_on": measure(db_url, 512), "cache_off": measure(db_url, 0)}
    write_result(
        "localoffer_api",
        {
            "endpoint": "/api/oruk/services (search with typos, filters, paging: a mix of 19 queries)",
            "database": db_url.split(":", 1)[0],
            "services": SERVICES,
            "server": f"gunicorn, {WORKERS} sync workers (2 x cores + 1), loopback",
            "load_generator": "wrk" if shutil.which("wrk") else "python urllib threads (wrk not installed)",
            "machine_load_average_1m": {
                "before": round(load_before, 1),
                "after": round(os.getloadavg()[0], 1),
            },
            "note": "The load generator shares the machine's cores with the server. CPU per request is measured "
            "from /proc for gunicorn and for the PostgreSQL backends of the benchmark database only; "
            "capacity = 2 cores / (gunicorn + postgres CPU per request).",
            **configs,
        },
    )


if __name__ == "__main__":
    main()
