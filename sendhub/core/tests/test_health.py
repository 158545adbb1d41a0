"""Load balancer probes: plain HTTP, any Host, no redirect; readiness needs the database and migrations."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from sendhub.core import health

PRODUCTION_LIKE = {"SECURE_SSL_REDIRECT": True, "ALLOWED_HOSTS": ["send.example.gov.uk"]}


@pytest.mark.django_db
@override_settings(**PRODUCTION_LIKE)
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_plain_http_on_an_ip_host(client, path):
    response = client.get(path, HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(**PRODUCTION_LIKE)
def test_other_pages_still_redirect_and_check_the_host(client):
    assert client.get("/accessibility/", HTTP_HOST="send.example.gov.uk").status_code == 301
    assert client.get("/accessibility/", HTTP_HOST="10.0.0.5", secure=True).status_code == 400


@pytest.mark.django_db
def test_readiness_names_unapplied_migrations(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health, "unapplied_migrations", lambda: ["voice.0099_future"])
    response = client.get("/readyz", HTTP_HOST="10.0.0.5")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": connection.vendor, "unapplied_migrations": 1}


@pytest.mark.django_db
def test_readiness_fails_when_the_database_does_not_answer(client, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "OperationalError"
    assert client.get("/healthz").status_code == 200, "liveness does not depend on the database"


@pytest.mark.django_db
def test_all_migrations_are_applied_in_the_test_database(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    assert health.unapplied_migrations() == []


@pytest.mark.django_db
def test_jobs_health_on_an_inline_installation_says_there_is_no_worker(capsys):
    call_command("jobs", "health")
    assert "Jobs run inline" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_jobs_health_fails_without_a_worker_on_postgresql(settings):
    if connection.vendor != "postgresql":
        pytest.skip("procrastinate's worker runs on PostgreSQL only; SQLite runs jobs inline")
    settings.SENDHUB_JOBS_INLINE = False
    with pytest.raises(CommandError, match="no worker has beaten"):
        call_command("jobs", "health")
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now())")
    call_command("jobs", "health")


@pytest.mark.django_db(transaction=True)
def test_prune_removes_only_finished_jobs_older_than_the_limit(settings):
    if connection.vendor != "postgresql":
        pytest.skip("procrastinate's job tables exist on PostgreSQL only")
    from sendhub.core.jobs import prune_finished_jobs

    settings.SENDHUB_JOBS_INLINE = False
    with connection.cursor() as cursor:
        for task, status, age in [
            ("old.done", "succeeded", 40),
            ("new.done", "succeeded", 2),
            ("old.todo", "todo", 40),
        ]:
            cursor.execute(
                "INSERT INTO procrastinate_jobs (queue_name, task_name, args, status) VALUES ('default', %s, '{}', 'todo') RETURNING id",
                [task],
            )
            (job_id,) = cursor.fetchone()
            if status != "todo":
                cursor.execute("UPDATE procrastinate_jobs SET status = 'doing' WHERE id = %s", [job_id])
                cursor.execute("UPDATE procrastinate_jobs SET status = %s WHERE id = %s", [status, job_id])
            cursor.execute(
                "UPDATE procrastinate_events SET at = now() - make_interval(days => %s) WHERE job_id = %s",
                [age, job_id],
            )
        assert prune_finished_jobs(days=30) == 1
        cursor.execute("SELECT task_name FROM procrastinate_jobs ORDER BY task_name")
        assert [row[0] for row in cursor.fetchall()] == ["new.done", "old.todo"]
    call_command("jobs", "prune", "--days", "1")
    with connection.cursor() as cursor:
        cursor.execute("SELECT task_name FROM procrastinate_jobs")
        assert [row[0] for row in cursor.fetchall()] == ["old.todo"]
