"""The analyst's home page: the register by SEN status (the live figures page's own selector) and the
dashboard's pages, with when the national figures were last loaded."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.homepage import Figure, HomePanel
from sendhub.dashboard.selectors.live import SEN_STATUS_LABELS, sen_status_counts
from sendhub.dashboard.selectors.national import latest_load
from sendhub.lib.dates import long_date

SHOWN = ("ehcp", "support", "eng")


def home_panels(user: User, today: date) -> list[HomePanel]:
    if user.role != "analyst" or not user.has_perm("dashboard.view_dashboard"):
        return []
    counts = sen_status_counts()
    url = f"{reverse('dashboard:kpis')}#sen-status"
    figures = [Figure(f"Children: {SEN_STATUS_LABELS[code]}", counts.get(code, 0), url) for code in SHOWN]
    load = latest_load()
    note = (
        f"National figures last loaded {long_date(load.loaded_at.date())}."
        if load
        else "No national figures have been loaded yet."
    )
    links = [
        ("Live figures: requests, timeliness, reviews", reverse("dashboard:kpis")),
        ("Benchmarks against other areas", reverse("dashboard:benchmark")),
        ("Disproportionality", reverse("dashboard:disproportionality")),
        ("Forecast", reverse("dashboard:forecast")),
        ("Board tables", reverse("dashboard:board")),
    ]
    return [HomePanel("Performance", 10, figures, links=links, note=note)]
