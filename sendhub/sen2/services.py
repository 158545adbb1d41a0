"""Writes for SEN2: produce the return file, and load a previous return into casework.

Import is all or nothing: the file is validated first (schema and rules, streaming) and then loaded in one
transaction; any record the database refuses rolls the whole import back with ``ImportRejected``.
``loading`` maps each person onto casework by natural keys, so a second import of the same file is a no-op.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import ImportRejected
from sendhub.sen2 import selectors, validation, xmlread, xmlwrite
from sendhub.sen2 import xmlmodel as x
from sendhub.sen2.loading import ImportSummary, import_person

__all__ = [
    "ImportSummary",
    "export_and_check",
    "export_return",
    "import_return",
    "iter_report_lines",
    "now_for_header",
]

SOFTWARE_CODE = "SEND Hub"
RELEASE = "1.0"


# ---------------------------------------------------------------- export


def export_return(
    *,
    year: int,
    out: IO[bytes] | str,
    now: datetime | None = None,
    by: User | None = None,
    action: str = "sen2.return.exported",
    check: validation.ExportCheck | None = None,
) -> int:
    """Write the year's return from casework; returns the number of persons.

    ``action`` names the audit event: "sen2.return.checked" when the file is only built to be checked.
    With ``check``, the return is validated as it is written (see ``export_and_check``).
    """
    period = selectors.Period.for_year(year)
    header = x.Header(
        year=year,
        reference_date=period.reference_date,
        lea=settings.SENDHUB_LA_CODE,
        software_code=SOFTWARE_CODE,
        release=RELEASE,
        date_time=now,
    )
    persons = (person for _, person in selectors.persons_for_return(period))
    count = xmlwrite.write_return(out, header, persons, watch=check)
    record_event(actor=by, action=action, data={"year": year, "persons": count})
    return count


def export_and_check(
    *,
    year: int,
    out: IO[bytes] | str,
    now: datetime | None = None,
    by: User | None = None,
    action: str = "sen2.return.exported",
) -> tuple[int, validation.Report]:
    """Write the return and validate it in the same pass: the report ``validation.validate_file`` gives
    for the written file, without reading the file back."""
    check = validation.ExportCheck(la_code=settings.SENDHUB_LA_CODE)
    try:
        count = export_return(year=year, out=out, now=now, by=by, action=action, check=check)
        return count, check.finish()
    finally:
        check.close()  # stops the check's worker thread when the export fails


# ---------------------------------------------------------------- import


def import_return(*, path: str, by: User | None = None, today: date | None = None) -> ImportSummary:
    """Validate then load a previous SEN2 return (any supplier); all or nothing."""
    report = validation.validate_file(path, la_code=settings.SENDHUB_LA_CODE)  # only this authority's return
    if not report.ok:
        errors = (
            [report.fatal]
            if report.fatal
            else [f"{i.who}: {i.path}: {i.message}" for i in report.issues[:50]]
        )
        raise ImportRejected(
            f"The file was not imported: it has {report.error_count} error(s). Nothing was saved.", errors
        )
    header, persons = xmlread.read_return(path)
    assert header is not None  # a valid report has a header
    summary = ImportSummary()
    try:
        with transaction.atomic():
            for person in persons:
                import_person(person, header, summary)
                summary.persons += 1
            record_event(
                actor=by,
                action="sen2.return.imported",
                data={
                    "year": header.year,
                    "lea": header.lea,
                    "persons": summary.persons,
                    "created": summary.created,
                    "updated": summary.updated,
                },
            )
    except (ValidationError, IntegrityError) as e:
        raise ImportRejected(
            f"The file was not imported: person {summary.persons + 1} could not be saved "
            f"({_first_message(e)}). Nothing was saved."
        ) from e
    return summary


def _first_message(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(e.messages[:3])
    return str(e).splitlines()[0]


def iter_report_lines(report: validation.Report) -> Iterator[str]:
    """The validation report as plain text lines (the CLI and the CSV download share it)."""
    if report.fatal:
        yield f"FATAL: {report.fatal}"
    for i in report.issues:
        where = f" (line {i.line})" if i.line else ""
        yield f"{i.who}{where} | {i.path} | {i.rule} | {i.message} Fix: {i.fix}"
    if report.truncated:
        yield f"... and {report.truncated} more"


def now_for_header() -> datetime:
    return timezone.localtime().replace(tzinfo=None, microsecond=0)
