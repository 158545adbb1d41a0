"""Schemathesis against the ORUK API's own OpenAPI description, in process through WSGI: whatever a client
sends that the description allows, no 5xx, and every response matches its schema. Bounded (max_examples per
operation, derandomised) so it adds seconds, not minutes, to the suite."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings


@pytest.fixture
def connection_kept_across_requests() -> Any:
    """As Django's test client does: a request must not close the test's database connection (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("connection_kept_across_requests")
def test_every_oruk_operation_never_errors_and_matches_its_description() -> None:
    schema = schemathesis.openapi.from_wsgi("/api/oruk/openapi.json", get_wsgi_application())
    results: list[Any] = list(schema.get_all_operations())  # Ok or Err: .ok() raises on a broken one
    operations = [result.ok() for result in results]
    assert len(operations) >= 3

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        def no_server_error_and_valid_response(case: Any) -> None:
            # Every check schemathesis runs by default: no 5xx, the status code and the body are the
            # documented ones, and a request the description allows is accepted (2xx).
            case.call_and_validate()

        no_server_error_and_valid_response()
