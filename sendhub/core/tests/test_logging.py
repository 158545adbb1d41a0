"""Request ids on every line, one access line per request, JSON when asked, jobs at INFO."""

import json
import logging

import pytest

from sendhub.core.jobs import run_inline
from sendhub.core.logformat import JsonFormatter
from sendhub.core.requestcontext import RequestIdLogFilter


@pytest.fixture
def json_lines():
    """The access logger's lines, through the production filter and JSON formatter."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Collect()
    handler.addFilter(RequestIdLogFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("sendhub.access")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.mark.django_db
def test_a_request_id_is_made_returned_and_logged(client, json_lines):
    response = client.get("/accessibility/")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = json_lines
    assert line["request_id"] == request_id
    assert (line["method"], line["path"], line["status"], line["level"]) == (
        "GET",
        "/accessibility/",
        200,
        "INFO",
    )
    assert line["logger"] == "sendhub.access"


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_and_a_strange_one_replaced(client, json_lines):
    assert (
        client.get("/accessibility/", HTTP_X_REQUEST_ID="nginx-7f3a9c2e")["X-Request-ID"] == "nginx-7f3a9c2e"
    )
    odd = client.get("/accessibility/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert odd != "<script>" and len(odd) == 32
    assert [line["request_id"] for line in json_lines] == ["nginx-7f3a9c2e", odd]


def test_lines_outside_a_request_carry_a_dash():
    record = logging.LogRecord("sendhub.jobs", logging.INFO, __file__, 1, "hello %s", ("there",), None)
    RequestIdLogFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert (line["message"], line["request_id"]) == ("hello there", "-")


def test_inline_jobs_log_their_start_and_end_at_info(caplog):
    class Task:
        name = "test.double"

        def __call__(self, **kwargs):
            return kwargs["n"] * 2

    task = Task()
    with caplog.at_level(logging.INFO, logger="sendhub.jobs"):
        assert run_inline(task, n=21) == 42
    assert [r.getMessage().split(" in ")[0] for r in caplog.records] == [
        "Job test.double started inline",
        "Job test.double succeeded inline",
    ]


def test_json_log_format_is_a_setting_checked_on_start():
    from sendhub.core.tests.test_settings import run_sendhub

    result = run_sendhub("check", SENDHUB_LOG_FORMAT="xml")
    assert "SENDHUB_LOG_FORMAT must be text or json" in result.stderr
    assert run_sendhub("check", SENDHUB_LOG_FORMAT="json").returncode == 0


def test_job_arguments_stay_out_of_the_log():
    """An email job's arguments are the message itself: addresses and a sign-in link."""
    from sendhub.core.logformat import JobArgumentsLogFilter

    call = "core.send_email[7](payload={'to': ['family@example.test'], 'body': 'https://x/account/invitation/t/'})"
    record = logging.LogRecord(
        "procrastinate.worker", logging.INFO, __file__, 1, f"Job {call} ended with status: Success", (), None
    )
    record.job = {
        "id": 7,
        "task_name": "core.send_email",
        "task_kwargs": {"payload": {}},
        "call_string": call,
    }
    JobArgumentsLogFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "family@example.test" not in line and "invitation" not in line
    assert "Job core.send_email[7](…) ended with status: Success" in line
    assert json.loads(line)["job"] == {
        "id": 7,
        "task_name": "core.send_email",
        "call_string": "core.send_email[7](…)",
    }
