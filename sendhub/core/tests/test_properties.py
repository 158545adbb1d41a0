"""Property-based tests (hypothesis), bounded: the statutory dates, working days, the retention rules, the
SEN2 reader and the GIAS importer. Each property holds for every input hypothesis tries, not only the
table tests' examples; a failure prints the smallest input that breaks it."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendhub.cases.rules import assessment, periods, reviews
from sendhub.core.exceptions import ImportRejected
from sendhub.lib import workdays
from sendhub.privacy.rules import RetentionPeriods, add_years, child_keep_until
from sendhub.sen2.tests.samples import VALID_2026
from sendhub.sen2.validation import validate_file

# Small and without deadlines: the whole file adds a few seconds to the suite.
bounded = settings(max_examples=60, deadline=None, derandomize=True)
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2095, 12, 31))


@bounded
@given(start=dates, days=st.integers(min_value=0, max_value=60))
def test_working_days_round_trip_and_land_on_working_days(start: date, days: int) -> None:
    end = workdays.add_working_days(start, days)
    assert workdays.working_days_between(start, end) == days
    if days:
        assert workdays.is_working_day(end)
        assert end > start
        # Every day between is either a non-working day or counted: no working day is skipped.
        assert workdays.add_working_days(start, days - 1) < end
    else:
        assert end == start


@bounded
@given(start=dates, months=st.integers(min_value=1, max_value=36))
def test_a_period_beginning_with_a_day_ends_the_day_before_the_corresponding_date(
    start: date, months: int
) -> None:
    """CFA 2014 s.44(1): a period "starting with" a date; clamped to a short month's last day."""
    end = periods.months_beginning_with(start, months)
    corresponding = periods.add_months(start, months)
    assert start < end <= corresponding
    assert end == corresponding - timedelta(days=1) or (
        end == corresponding and corresponding.day < start.day
    )


@bounded
@given(received=dates)
def test_statutory_deadlines_keep_their_order_and_lengths(received: date) -> None:
    """SEND Regulations 2014 regs 5(1), 10(1), 13(2): 6, 16 and 20 calendar weeks from the request."""
    decision = assessment.decision_to_assess_due(received)
    not_to_issue = assessment.notice_not_to_issue_due(received)
    final = assessment.final_plan_due(received)
    assert (decision - received, not_to_issue - received, final - received) == (
        timedelta(weeks=6),
        timedelta(weeks=16),
        timedelta(weeks=20),
    )
    assert assessment.latest_draft_for_final_on_time(received) < final


@bounded
@given(issued=dates, reviewed_after=st.one_of(st.none(), st.integers(min_value=-400, max_value=400)))
def test_an_annual_review_is_due_within_a_year_of_the_plan_or_the_last_review(
    issued: date, reviewed_after: int | None
) -> None:
    last = issued + timedelta(days=reviewed_after) if reviewed_after is not None else None
    due = reviews.annual_review_due(issued, last)
    start = last if last is not None and last > issued else issued
    assert start + timedelta(days=363) <= due <= start + timedelta(days=365)


@bounded
@given(birth=dates, had_ehc=st.booleans(), looked_after=st.booleans())
def test_a_childs_record_is_never_due_before_their_25th_birthday(
    birth: date, had_ehc: bool, looked_after: bool
) -> None:
    kind, until = child_keep_until(
        birth, had_ehc=had_ehc, looked_after=looked_after, periods=RetentionPeriods()
    )
    assert until >= add_years(birth, 25)
    assert kind == ("child_looked_after" if looked_after else "child_ehc" if had_ehc else "child_support")


@bounded
@given(data=st.binary(max_size=2000))
def test_the_sen2_reader_explains_any_bytes_and_never_crashes(data: bytes) -> None:
    report = validate_file(io.BytesIO(data), la_code="202")
    assert not report.ok
    assert report.fatal or report.issues


@bounded
@given(
    cut=st.integers(min_value=0, max_value=len(VALID_2026)),
    length=st.integers(min_value=0, max_value=40),
    insert=st.text(max_size=40),
)
def test_the_sen2_reader_explains_a_damaged_return_and_never_crashes(
    cut: int, length: int, insert: str
) -> None:
    damaged = VALID_2026[:cut] + insert + VALID_2026[cut + length :]
    report = validate_file(io.BytesIO(damaged.encode()), la_code="202")
    if not report.ok:
        messages = [report.fatal] if report.fatal else [i.message for i in report.issues]
        assert all(isinstance(m, str) and m.strip() for m in messages)


GIAS_HEADER = (
    "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),UKPRN,Postcode,AdministrativeWard (name),ResourcedProvisionOnRoll\n"
)
GOOD_ROW = "900101,202,Camden,Test Primary,Community school,Open,Primary,10000001,ZZ9 1AA,Belsize,"
cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(replacements=st.dictionaries(st.integers(min_value=0, max_value=10), cells, max_size=4), extra=cells)
def test_the_gias_importer_imports_or_refuses_with_a_clear_error(
    replacements: dict[int, str], extra: str
) -> None:
    from sendhub.schools.services import import_gias

    row = GOOD_ROW.split(",")
    for index, value in replacements.items():
        row[index] = value
    text = GIAS_HEADER + ",".join(row) + "\n" + extra
    try:
        summary = import_gias(lines=io.StringIO(text).readlines())
    except ImportRejected as e:
        assert str(e).strip()
    else:
        assert summary.created + summary.updated + summary.unchanged >= 0
