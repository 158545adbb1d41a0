"""Load test (issue 15): signed-in staff on mixed pages plus anonymous public search, on gunicorn and PostgreSQL.

Goal: 0 errors and p95 under 300 ms with 50 concurrent staff users for 5 minutes. The script builds (once)
a separate PostgreSQL database `<db>_load_staff` loaded with the demo data, starts gunicorn as the
operator guide recommends (2 x cores + 1 sync workers) on 127.0.0.1 with a free port chosen now, and runs
a pool of virtual users, each a thread with its own `requests` session:

* staff users (case officers and team managers of the demo, signed in through a session made for them,
  so the test measures the pages, not password hashing): the worklist, a child they may see, the
  dashboard and the Local Offer, in turn, pausing a think time between pages as a person does;
* anonymous users searching the public Local Offer and the ORUK API.

Every answer but a 200 (a redirect to the sign-in or two-step page included) is an error. It fails loudly
(exit status 1) if gunicorn does not start or answer. Environment variables (defaults in brackets):
SENDHUB_LOAD_SECONDS [300], SENDHUB_LOAD_USERS [50], SENDHUB_LOAD_PUBLIC_USERS [10],
SENDHUB_LOAD_THINK_MS [1000-3000], SENDHUB_LOAD_DEMO_SCALE [1.0, only when the database is first built].
The results go to benchmarks/results/load_staff.json.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks._common import ROOT, percentile, write_result
from benchmarks.localoffer_api import admin_url, free_port

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/sendhub"
WORKERS = 2 * (os.cpu_count() or 1) + 1  # docs/operator-guide.md
P95_GOAL_MS = 300
PUBLIC_SEARCHES = [
    "/local-offer/services/?q=speech",
    "/local-offer/services/?q=autism+support",
    "/local-offer/services/?q=short+breaks",
    "/local-offer/services/?q=swiming",
    "/api/oruk/services?search=speech",
    "/api/oruk/services?search=holiday+play&per_page=20",
]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise SystemExit(f"{name} must be a whole number of 1 or more, not {raw!r}")
    return int(raw)


def think_range() -> tuple[float, float]:
    raw = os.environ.get("SENDHUB_LOAD_THINK_MS", "1000-3000")
    low, _, high = raw.partition("-")
    try:
        lo, hi = int(low), int(high or low)
    except ValueError:
        raise SystemExit(f"SENDHUB_LOAD_THINK_MS must look like 1000-3000, not {raw!r}") from None
    return lo / 1000, max(lo, hi) / 1000


def database_url() -> str:
    """The benchmark's own PostgreSQL database beside SENDHUB_DATABASE_URL's (created when missing)."""
    url = os.environ.get("SENDHUB_DATABASE_URL", "") or DEFAULT_URL
    if not url.startswith("postgres"):
        raise SystemExit(f"The load test needs PostgreSQL; SENDHUB_DATABASE_URL is {url.split(':', 1)[0]}")
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + "_load_staff"
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def environment(db_url: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("SENDHUB_")},
        "SENDHUB_DATABASE_URL": db_url,
        "SENDHUB_HTTPS": "false",
        "SENDHUB_DEBUG": "false",
        "SENDHUB_DEMO": "false",
        "SENDHUB_REQUIRE_STAFF_OTP": "false",
        "SENDHUB_JOBS_INLINE": "true",
        "SENDHUB_EMAIL_BACKEND": "locmem",
        "SENDHUB_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "sendhub.settings",
        "SENDHUB_SECRET_KEY": os.environ.get("SENDHUB_SECRET_KEY", "benchmark-only-key-" + "x" * 40),
    }


# Run in a subprocess against the benchmark database: load the demo once, then make one session per
# staff user (no authenticator, so no two-step page) with the children each may open.
PREPARE = """
import json, sys, django
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.db import connection
from importlib import import_module
from django_otp import user_has_device
from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.core.roles import Role

if not Child.objects.exists():
    call_command("demo-data", "--seed", "2024", "--scale", sys.argv[1])
    connection.cursor().execute("VACUUM ANALYZE")
store = import_module(settings.SESSION_ENGINE).SessionStore
users = []
staff = User.objects.filter(role__in=[Role.CASE_OFFICER, Role.TEAM_MANAGER], is_active=True).order_by("pk")
for user in staff:
    if user_has_device(user, confirmed=True):
        continue
    children = list(Child.objects.visible_to(user).order_by("pk").values_list("pk", flat=True)[:20])
    if not children:
        continue
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    users.append({"email": user.email, "session": session.session_key, "children": children})
print("USERS " + json.dumps({"cookie": settings.SESSION_COOKIE_NAME, "users": users}))
"""


def prepare(env: dict[str, str], scale: str) -> dict[str, Any]:
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [sys.executable, "-c", PREPARE, scale], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    data: dict[str, Any] = json.loads(out.split("USERS ", 1)[1].splitlines()[0])
    if not data["users"]:
        raise SystemExit("No demo case officer or team manager without an authenticator to sign in as")
    return data


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
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
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if server.poll() is not None:
            break
        try:
            if requests.get(base + "/healthz", timeout=5).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.kill()
    server.wait(timeout=30)
    tail = log.read_text(errors="replace")[-3000:]
    raise SystemExit(f"LOAD TEST FAILED: gunicorn did not start on 127.0.0.1:{port}.\n{tail}")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    def add(self, kind: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(ms)
            if error:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.examples) < 10:
                    self.examples.append(error)


def fetch(session: requests.Session, base: str, kind: str, path: str, tally: Tally) -> None:
    start = time.perf_counter()
    error = None
    try:
        response = session.get(base + path, timeout=60, allow_redirects=False)
        response.content  # noqa: B018 (read the whole body, as a browser does)
        if response.status_code != 200:
            error = f"{response.status_code} {path}"
    except requests.RequestException as e:
        error = f"{type(e).__name__} {path}"
    tally.add(kind, (time.perf_counter() - start) * 1000, error)


def staff_user(
    base: str, cookie: str, user: dict[str, Any], deadline: float, tally: Tally, seed: int
) -> None:
    rng = random.Random(seed)
    lo, hi = think_range()
    session = requests.Session()
    session.cookies.set(cookie, user["session"], domain="127.0.0.1", path="/")
    pages = [
        ("worklist", lambda: "/cases/"),
        ("child", lambda: f"/cases/children/{rng.choice(user['children'])}/"),
        ("dashboard", lambda: "/dashboard/"),
        ("local_offer", lambda: "/local-offer/services/?q=" + rng.choice(["speech", "play", "autism"])),
    ]
    i = rng.randrange(len(pages))
    time.sleep(rng.uniform(0, hi))  # people arrive over the first seconds, not all at once
    while time.perf_counter() < deadline:
        kind, path = pages[i % len(pages)]
        fetch(session, base, kind, path(), tally)
        i += 1
        time.sleep(rng.uniform(lo, hi))


def public_user(base: str, deadline: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    lo, hi = think_range()
    session = requests.Session()
    time.sleep(rng.uniform(0, hi))
    while time.perf_counter() < deadline:
        fetch(session, base, "public_search", rng.choice(PUBLIC_SEARCHES), tally)
        time.sleep(rng.uniform(lo, hi))


def main() -> None:
    seconds = env_int("SENDHUB_LOAD_SECONDS", 300)
    staff_count = env_int("SENDHUB_LOAD_USERS", 50)
    public_count = env_int("SENDHUB_LOAD_PUBLIC_USERS", 10)
    scale = os.environ.get("SENDHUB_LOAD_DEMO_SCALE", "1.0")
    db_url = database_url()
    env = environment(db_url)
    prepared = prepare(env, scale)
    port = free_port()
    log = ROOT / "var" / "load_staff_gunicorn.log"
    log.parent.mkdir(exist_ok=True)
    server = start_server(env, port, log)
    base = f"http://127.0.0.1:{port}"
    tally = Tally()
    try:
        # Check every kind of page once before the clock starts: a sign-in that did not hold is a setup fault.
        first = prepared["users"][0]
        probe = Tally()
        staff_user_pages = ["/cases/", f"/cases/children/{first['children'][0]}/", "/dashboard/"]
        with requests.Session() as session:
            session.cookies.set(prepared["cookie"], first["session"], domain="127.0.0.1", path="/")
            # Once per worker and then some, so each worker has loaded its code and connected to the
            # database before the clock starts (the first request of a cold worker takes seconds).
            for _ in range(WORKERS * 2):
                for path in [*staff_user_pages, "/local-offer/services/?q=speech", PUBLIC_SEARCHES[-1]]:
                    fetch(session, base, "probe", path, probe)
        if probe.errors:
            raise SystemExit(f"LOAD TEST FAILED: a signed-in staff page did not answer 200: {probe.examples}")
        deadline = time.perf_counter() + seconds
        users = prepared["users"]
        threads = [
            threading.Thread(
                target=staff_user, args=(base, prepared["cookie"], users[n % len(users)], deadline, tally, n)
            )
            for n in range(staff_count)
        ] + [
            threading.Thread(target=public_user, args=(base, deadline, tally, 1000 + n))
            for n in range(public_count)
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    everything = [ms for values in tally.latencies.values() for ms in values]
    if not everything:
        raise SystemExit("LOAD TEST FAILED: no request was made")
    errors = sum(tally.errors.values())
    p95 = percentile(everything, 95)
    by_page = {
        kind: {
            "requests": len(values),
            "errors": tally.errors.get(kind, 0),
            "p50_ms": round(percentile(values, 50), 1),
            "p95_ms": round(percentile(values, 95), 1),
            "max_ms": round(max(values), 1),
        }
        for kind, values in sorted(tally.latencies.items())
    }
    result = {
        "what": "signed-in staff on mixed pages (worklist, a child, dashboard, Local Offer) plus anonymous "
        "public search (Local Offer pages and the ORUK API)",
        "database": "postgresql (demo data)",
        "server": f"gunicorn, {WORKERS} sync workers (2 x cores + 1), 127.0.0.1:{port}",
        "staff_users": staff_count,
        "distinct_staff_accounts": min(staff_count, len(users)),
        "public_users": public_count,
        "think_time_s": list(think_range()),
        "seconds": round(elapsed, 1),
        "requests": len(everything),
        "requests_per_second": round(len(everything) / elapsed, 1),
        "errors": errors,
        "error_examples": tally.examples,
        "p50_ms": round(percentile(everything, 50), 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "by_page": by_page,
        "machine_load_average_1m_after": round(os.getloadavg()[0], 1),
        "goals": {"no_errors": errors == 0, f"p95_under_{P95_GOAL_MS}_ms": p95 < P95_GOAL_MS},
    }
    write_result("load_staff", result)
    if errors or p95 >= P95_GOAL_MS:
        print(
            f"LOAD TEST MISSED ITS GOALS: {errors} errors, p95 {p95:.0f} ms (goal 0 and < {P95_GOAL_MS} ms)"
        )


if __name__ == "__main__":
    main()
