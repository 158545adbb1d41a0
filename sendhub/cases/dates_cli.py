"""The engine's command-line contract, ``sendhub dates ...`` (pure; the management command wraps it).

Stable output used by acceptance tests:

- ``dates ehc --received YYYY-MM-DD`` → ``{"decision_to_assess_due", "notice_not_to_issue_due",
  "final_plan_due"}`` (regs 5(1), 10(1), 13(2), counted from the date received);
- ``dates annual-review --last YYYY-MM-DD`` → ``{"review_due"}`` (CFA 2014 s.44(1): the last day of
  the 12 months starting with the date the plan was made or last reviewed);
- ``dates phase-transfer --year YYYY --to school|post16`` → ``{"amended_plan_due"}`` (reg 18(1));
- ``dates working-days --from YYYY-MM-DD --days N`` → ``{"due"}`` (England and Wales bank holidays).
"""

from __future__ import annotations

import argparse
from datetime import date

from sendhub.cases import rules
from sendhub.lib.workdays import MAX_YEAR, MIN_YEAR, add_working_days


class DatesInputError(ValueError):
    """Bad input for ``sendhub dates``; the message is one line, for the user."""


def iso_date(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise DatesInputError(f"Enter a real date as YYYY-MM-DD (got {value!r})") from None
    if len(value) != 10 or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise DatesInputError(f"Enter a date as YYYY-MM-DD between {MIN_YEAR} and {MAX_YEAR} (got {value!r})")
    return parsed


def year(value: str) -> int:
    if not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
        raise DatesInputError(f"Enter a year between {MIN_YEAR} and {MAX_YEAR} (got {value!r})")
    return int(value)


def day_count(value: str) -> int:
    if not value.isdigit():
        raise DatesInputError(
            f"Enter the number of working days as a whole number, 0 or more (got {value!r})"
        )
    days = int(value)
    if days > 3650:
        raise DatesInputError("Enter at most 3650 working days")
    return days


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sub-commands of ``sendhub dates`` (shared by the management command and tests)."""
    sub = parser.add_subparsers(
        dest="which", required=True, metavar="{ehc,annual-review,phase-transfer,working-days}"
    )
    ehc = sub.add_parser("ehc", help="Statutory dates of an EHC needs assessment request (regs 5, 10, 13)")
    ehc.add_argument("--received", required=True, help="date the request was received, YYYY-MM-DD")
    review = sub.add_parser(
        "annual-review", help="Last day for the annual review of an EHC plan (CFA 2014 s.44(1))"
    )
    review.add_argument("--last", required=True, help="date the plan was made or last reviewed, YYYY-MM-DD")
    phase = sub.add_parser(
        "phase-transfer", help="Deadline for the amended plan at a phase transfer (reg 18)"
    )
    phase.add_argument("--year", required=True, help="calendar year of the transfer, YYYY")
    phase.add_argument("--to", required=True, dest="to", help="school or post16")
    work = sub.add_parser("working-days", help="A date N working days later (England and Wales)")
    work.add_argument("--from", required=True, dest="start", help="start date, YYYY-MM-DD")
    work.add_argument("--days", required=True, help="number of working days, 0 or more")


def compute(which: str, **options: str) -> dict[str, str]:
    """Validate the raw option strings and return the JSON object to print."""
    if which == "ehc":
        return rules.ehc_dates(iso_date(options["received"])).as_json()
    if which == "annual-review":
        return {"review_due": rules.annual_review_due(iso_date(options["last"])).isoformat()}
    if which == "phase-transfer":
        kind = options["to"]
        if kind not in {k.value for k in rules.TransferKind}:
            raise DatesInputError(f"--to must be school or post16 (got {kind!r})")
        due = rules.phase_transfer_amended_plan_due(year(options["year"]), kind)
        return {"amended_plan_due": due.isoformat()}
    if which == "working-days":
        due = add_working_days(iso_date(options["start"]), day_count(options["days"]))
        return {"due": due.isoformat()}
    raise DatesInputError(f"Unknown dates command {which!r}")
