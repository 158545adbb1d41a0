"""`sendhub funding forecast --year 2026 [--json]`: the High Needs Block position for a financial year.

Bad input exits non-zero with one line on stderr (no usage dump), so scripts can report it as it is.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError

from sendhub.funding import rules
from sendhub.funding.models import FundingYear
from sendhub.funding.selectors.forecast import position


class Command(BaseCommand):
    help = "High Needs Block figures. `forecast --year 2026` is April 2026 to March 2027."

    def add_arguments(self, parser: ArgumentParser) -> None:
        from_cli = bool(getattr(parser, "called_from_command_line", False))
        if from_cli:  # call_command() keeps Django's CommandError instead
            parser.error = _one_line_error  # type: ignore[method-assign]
        sub = parser.add_subparsers(dest="action", required=True, metavar="forecast")
        forecast = sub.add_parser(
            "forecast", help="The year's budget, commitments, forecast outturn and variance"
        )
        if from_cli:
            forecast.error = _one_line_error  # type: ignore[method-assign]
        forecast.add_argument(
            "--year", required=True, help="The financial year's first calendar year, e.g. 2026"
        )
        forecast.add_argument("--json", action="store_true", help="Print JSON (pounds as strings)")

    def handle(self, *args: Any, action: str, year: str, json: bool, **options: Any) -> None:
        if not year.strip().isdigit():
            raise CommandError(f"--year must be a year like 2026, not {year!r}")
        try:
            rules.financial_year(int(year))
        except rules.FundingError as e:
            raise CommandError(str(e)) from None
        funding_year = FundingYear.objects.filter(start_year=int(year)).first()
        if funding_year is None:
            raise CommandError(f"No High Needs Block budget is set for {year}-{str(int(year) + 1)[-2:]}")
        result = position(funding_year)
        if json:
            self.stdout.write(_dumps(result.as_json()))
            return
        self.stdout.write(f"High Needs Block {result.year.label}")
        width = max(len(row.name) for row in result.lines)
        self.stdout.write(
            f"{'Line':<{width}}  {'Budget':>15} {'Committed':>15} {'Forecast':>15} {'Variance':>15}"
        )
        for row in result.lines:
            self.stdout.write(
                f"{row.name:<{width}}  {row.budget:>15,.2f} {row.committed:>15,.2f} "
                f"{row.forecast_outturn:>15,.2f} {row.variance:>15,.2f}"
            )
        self.stdout.write(
            f"{'Total':<{width}}  {result.budget:>15,.2f} {result.committed:>15,.2f} "
            f"{result.forecast_outturn:>15,.2f} {result.variance:>15,.2f}"
        )
        self.stdout.write(f"In-year deficit: {result.deficit:,.2f}")


def _one_line_error(message: str) -> NoReturn:
    sys.stderr.write(f"sendhub funding: {message}\n")
    sys.exit(2)


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2)
