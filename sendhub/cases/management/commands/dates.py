"""`sendhub dates ehc|phase-transfer|working-days`: the statutory engine from the command line.

Prints one JSON object; invalid input exits non-zero with a one-line error. The contract
is described in docs/domains/cases.md and used by acceptance tests.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.cases.dates_cli import DatesInputError, add_arguments, compute


class Command(BaseCommand):
    help = "Statutory SEND dates: EHC timeline, phase-transfer deadline, working days (JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_arguments(parser)

    def handle(self, *args: Any, which: str, **options: Any) -> None:
        raw = {
            k: v
            for k, v in options.items()
            if k in {"received", "year", "to", "start", "days"} and v is not None
        }
        try:
            result = compute(which, **{k: str(v) for k, v in raw.items()})
        except DatesInputError as e:
            raise CommandError(str(e)) from None
        self.stdout.write(json.dumps(result))
