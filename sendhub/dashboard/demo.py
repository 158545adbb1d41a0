"""Demo data for the dashboard: the real published national figures shipped in `data/` (not synthetic,
and not scaled: they are public aggregates). The live KPIs read the synthetic casework the cases app makes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from sendhub.dashboard.models import DataLoad, NationalIndicator
from sendhub.dashboard.national.catalogue import CATALOGUE
from sendhub.dashboard.national.lait_all import other_measures
from sendhub.dashboard.national.readers import lait_codes, read_lait_dictionary
from sendhub.dashboard.services import load_benchmarks


def load(*, seed: int, scale: float, stdout: Any) -> None:
    # Idempotent: the national data are loaded once; `sendhub benchmarks load` refreshes them.
    data = settings.SENDHUB_NATIONAL_DATA
    expected = len(CATALOGUE) + len(other_measures(read_lait_dictionary(data), lait_codes(data)))
    if DataLoad.objects.exists() and NationalIndicator.objects.count() == expected:
        stdout.write("Dashboard: national data already loaded")
        return
    result = load_benchmarks(root=data, by=None, now=datetime.now(UTC))
    stdout.write(
        f"Dashboard: loaded {result.indicators} national indicators ({result.benchmarks} benchmarks)"
    )
