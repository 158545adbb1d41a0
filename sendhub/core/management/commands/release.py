"""`sendhub version` (or `sendhub release`): the release installed (semantic versioning; CHANGELOG.md has the upgrade notes)."""

from __future__ import annotations

import platform
from typing import Any

import django
from django.core.management.base import BaseCommand, CommandParser

import sendhub


class Command(BaseCommand):
    help = "Print the SEND Hub version (and, with --all, Python's and Django's)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Also print the Python and Django versions")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(sendhub.__version__)
        if options["all"]:
            self.stdout.write(f"Python {platform.python_version()}, Django {django.get_version()}")
