from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sendhub.core.demo import load_demo_data


class Command(BaseCommand):
    help = "Load the synthetic demo data (deterministic for a seed; safe to run again)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="1.0 is a whole borough (about 1,600 EHC plans); tests use 0.02",
        )

    def handle(self, *args: Any, seed: int, scale: float, **options: Any) -> None:
        if not 0 < scale <= 20:
            raise CommandError("--scale must be more than 0 and at most 20")
        load_demo_data(seed=seed, scale=scale, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded"))
