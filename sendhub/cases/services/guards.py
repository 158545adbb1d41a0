"""Checks shared by the assessment services: the request is still open, and a date is in the right place."""

from __future__ import annotations

from datetime import date

from sendhub.cases.models import AssessmentRequest, RequestStatus
from sendhub.core.exceptions import CaseStateError
from sendhub.lib.dates import long_date


def require_open(request: AssessmentRequest) -> None:
    if request.status != RequestStatus.OPEN:
        raise CaseStateError("This request is closed; no further steps can be recorded")


# ``field``: the form field the date was entered in, so the refusal shows on it (core.forms.add_refusal).
def not_before(when: date, earliest: date | None, what: str, field: str = "on") -> None:
    if earliest is not None and when < earliest:
        raise CaseStateError(f"The date cannot be before {what} ({long_date(earliest)})", field=field)


def not_future(when: date, today: date, field: str = "on") -> None:
    if when > today:
        raise CaseStateError("The date cannot be in the future", field=field)
