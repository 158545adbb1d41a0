"""`sendhub backup` / `sendhub restore` round-trip the database with identical row counts and checksums, and
an import killed with SIGKILL part-way leaves the database exactly as it was (both databases)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from sendhub.cases.models import Child, ParentCarer
from sendhub.cases.tests.factories import AdviceFactory, ChildFactory, ParentFactory, PlanFactory
from sendhub.core.audit import record_event
from sendhub.core.backup import backup, sqlite_file_fingerprints, table_fingerprints

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[3]


def small_data_set() -> None:
    for n in range(5):
        child = ChildFactory.create(reference=f"BK-{n:04d}", birth_date=date(2014, 1, 1 + n))
        ParentFactory.create(child=child, name=f"Parent {n}", email=f"p{n}@example.test")
        advice = AdviceFactory.create(request__child=child)
        PlanFactory.create(child=child, request=advice.request)
        record_event(actor=None, action="cases.child.viewed", target=child, data={"n": n})


def test_backup_and_restore_round_trip_with_identical_counts_and_checksums(tmp_path: Path) -> None:
    small_data_set()
    before = table_fingerprints()
    assert before["cases_child"][0] == 5 and before["core_auditevent"][0] == 5
    out = tmp_path / "sendhub.backup"
    call_command("backup", "--out", str(out))
    assert out.stat().st_size > 0

    # Change the database after the backup: more rows, fewer rows, changed rows, a new audit event.
    ChildFactory.create(reference="BK-LATER")
    ParentCarer.objects.filter(name="Parent 0").delete()
    Child.objects.filter(reference="BK-0001").update(first_name="Changed")
    record_event(actor=None, action="cases.child.viewed", target=Child.objects.get(reference="BK-0002"))
    assert table_fingerprints() != before

    call_command("restore", str(out), "--no-input")
    connection.close()
    assert table_fingerprints() == before


def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path: Path) -> None:
    small_data_set()
    before = table_fingerprints()
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(bogus), "--no-input")
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.backup"), "--no-input")
    assert table_fingerprints() == before


# A driver for the import under test: it pauses (in the middle of the import's transaction) after the Nth
# INSERT or UPDATE, says so in a marker file, and waits to be killed. Mid-way by construction, not by timing.
DRIVER = """
import os, sys, time, django
os.environ["DJANGO_SETTINGS_MODULE"] = "sendhub.settings"
django.setup()
from django.core.management import call_command
from django.db import connection
marker, pause_at, *command = sys.argv[1:]
kind, count = pause_at.split(":")
written = 0
def pause_mid_way(execute, sql, params, many, context):
    global written
    result = execute(sql, params, many, context)
    if sql.lstrip().upper().startswith(kind):
        written += 1
        if written == int(count):
            with open(marker, "w") as f:
                f.write(sql.split()[0])
            time.sleep(600)
    return result
with connection.execute_wrapper(pause_mid_way):
    call_command(*command)
"""


def database_url(tmp_path: Path) -> tuple[str, Any]:
    """A URL another process can use for this test's database, and how to fingerprint it from here."""
    if connection.vendor == "sqlite":  # the test database is in memory: copy it to a file
        path = tmp_path / "kill.sqlite3"
        backup(path)
        return f"sqlite:///{path}", lambda: sqlite_file_fingerprints(path)
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}", table_fingerprints


def kill_mid_way(tmp_path: Path, pause_at: str, *command: str) -> dict[str, tuple[int, str]]:
    url, fingerprints = database_url(tmp_path)
    before = fingerprints()
    marker = tmp_path / "mid-way"
    env = {**os.environ, "SENDHUB_DATABASE_URL": url, "SENDHUB_JOBS_INLINE": "true"}
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(marker), pause_at, *command],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            if process.poll() is not None:
                raise AssertionError(f"The import ended before it was killed: {process.communicate()[1]!r}")
            if time.monotonic() > deadline:
                raise AssertionError("The import never reached the middle")
            time.sleep(0.05)
        time.sleep(0.05)  # the marker is written; let the file close
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    connection.close()
    after = fingerprints()
    assert after == before
    return after


def test_a_gias_import_killed_mid_way_leaves_the_database_exactly_as_before(tmp_path: Path) -> None:
    small_data_set()
    from sendhub.schools.models import School

    for n in range(5):  # five schools the file renames: the import inserts, then updates
        School.objects.create(
            urn=800000 + n, name=f"Old name {n}", phase="primary", setting_type="mainstream", la_code="202"
        )
    header = (
        "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
        "PhaseOfEducation (name),UKPRN,Postcode,AdministrativeWard (name),ResourcedProvisionOnRoll\n"
    )
    rows = "".join(
        f"{800000 + n},202,Camden,Kill Test School {n},Community school,Open,Primary,,ZZ9 1AA,Belsize,\n"
        for n in range(3000)
    )
    gias = tmp_path / "gias.csv"
    gias.write_text(header + rows)
    # 2,995 new schools are inserted in batches, then the 5 renamed ones updated: killed at the update, after
    # every insert (which would have been committed without the import's one transaction).
    after = kill_mid_way(tmp_path, "UPDATE:1", "schools", "import-gias", str(gias))
    assert after["schools_school"][0] == 5


def test_a_sen2_import_killed_mid_way_leaves_the_database_exactly_as_before(tmp_path: Path) -> None:
    from sendhub.sen2.tests import casework
    from sendhub.sen2.tests.samples import VALID_2026

    small_data_set()
    casework.schools()
    path = tmp_path / "return.xml"
    path.write_text(VALID_2026)
    # The first person is saved with several rows (child, request, plan, placement, review): killed after 3.
    after = kill_mid_way(tmp_path, "INSERT:3", "sen2", "import", str(path))
    assert after["cases_child"][0] == 5
