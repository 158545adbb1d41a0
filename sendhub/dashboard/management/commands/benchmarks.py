from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sendhub.core.exceptions import ImportRejected
from sendhub.dashboard import selectors, services
from sendhub.dashboard.selectors import SHOW_FIELDS


class Command(BaseCommand):
    help = "DfE national benchmarks: load the published files, list indicators, show one LA's figures"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser(
            "load", help="Load (or reload) the DfE files from a folder in the shared layout"
        )
        load.add_argument("path", type=Path, nargs="?", help="Default: the SENDHUB_NATIONAL_DATA folder")
        sub.add_parser("indicators", help="List the indicator names")
        show = sub.add_parser("show", help="Show one LA's benchmark for one indicator and year")
        show.add_argument("--la", required=True, help="3-digit DfE LA code, e.g. 202")
        show.add_argument("--indicator", required=True)
        show.add_argument("--year", required=True, help="The file's time_period, e.g. 2023 or 202324")
        show.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_load(self, *, path: Path | None, **_: Any) -> None:
        path = path or settings.SENDHUB_NATIONAL_DATA
        if not path.is_dir():
            raise CommandError(f"No such folder: {path}")

        def progress(n: int, total: int, name: str) -> None:
            filled = round(30 * n / total)
            self.stdout.write(f"[{'#' * filled}{' ' * (30 - filled)}] {n}/{total} {name}")

        try:
            load = services.load_benchmarks(root=path, by=None, now=timezone.now(), progress=progress)
        except ImportRejected as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {load.indicators} indicators, {load.values} published values, "
                f"{load.benchmarks} benchmarks from {path}"
            )
        )

    def handle_indicators(self, **_: Any) -> None:
        rows = list(selectors.indicators())
        if not rows:
            raise CommandError("No national data loaded: run `sendhub benchmarks load PATH` first")
        for row in rows:
            self.stdout.write(row.name)

    def handle_show(self, *, la: str, indicator: str, year: str, as_json: bool, **_: Any) -> None:
        if selectors.indicator_named(indicator) is None:
            raise CommandError(f"Unknown indicator {indicator!r}: see `sendhub benchmarks indicators`")
        row = selectors.benchmark(la_code=la.strip(), indicator=indicator, year=year.strip())
        if row is None:
            raise CommandError(f"No {indicator} figure for LA {la} in {year}")
        data = selectors.benchmark_dict(row)
        if as_json:
            self.stdout.write(json.dumps(data))
            return
        for key in ("indicator", "la_code", "la_name", "time_period", *SHOW_FIELDS):
            self.stdout.write(f"{key}: {data[key]}")
