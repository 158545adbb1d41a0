"""`sendhub dates ehc|annual-review|phase-transfer|working-days`: the statutory engine from the command line.

Prints one JSON object; invalid input exits non-zero with a one-line error. The contract
is described in docs/domains/cases.md and used by acceptance tests.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.cases.dates_cli import DatesInputError, add_arguments, compute


class Command(BaseCommand):
    help = "Statutory SEND dates: EHC timeline, annual review, phase-transfer deadline, working days (JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_arguments(parser)

    def run_from_argv(self, argv: list[str]) -> None:
        # Parse once with parsers that raise CommandError (not argparse's usage screen), so a missing or
        # unknown option is also a one-line error on the command line.
        parser = self.create_parser(argv[0], argv[1])
        try:
            parser.parse_args(argv[2:])
        except CommandError as e:
            self.stderr.write(f"CommandError: {e}")
            sys.exit(2)
        super().run_from_argv(argv)

    def handle(self, *args: Any, which: str, **options: Any) -> None:
        raw = {
            k: v
            for k, v in options.items()
            if k in {"received", "last", "year", "to", "start", "days"} and v is not None
        }
        try:
            result = compute(which, **{k: str(v) for k, v in raw.items()})
        except DatesInputError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(json.dumps(result))
