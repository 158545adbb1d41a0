"""Funding on the finance officer's home page: this financial year's High Needs Block position, the same
`forecast.position` the position page shows."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.homepage import Figure, HomePanel
from sendhub.funding import rules
from sendhub.funding.selectors import forecast
from sendhub.lib.words import money


def home_panels(user: User, today: date) -> list[HomePanel]:
    # Only the finance officer's home page carries the position: it is their daily work, and the whole
    # forecast is the most expensive figure on any home page (the others reach it from the Funding area).
    if user.role != "finance" or not user.has_perm("funding.view_funding"):
        return []
    year = rules.financial_year_of(today)
    url = reverse("funding:position")
    if year.start_year not in forecast.funding_years():
        return [
            HomePanel(f"High Needs Block {year.label}", 10, note="No budget is set up for this year yet.")
        ]
    position = forecast.position(forecast.get_funding_year(year.start_year))
    figures = [
        Figure("Budget", 0, url, money(position.budget)),
        Figure("Forecast outturn", 0, url, money(position.forecast_outturn)),
        Figure("Variance (negative is an overspend)", 0, url, money(position.variance)),
        Figure("In-year deficit", 0, url, money(position.deficit)),
    ]
    links = [
        ("Exceptional Needs Grants", reverse("funding:cluster_list")),
        ("Packages", reverse("funding:package_list")),
        ("Banding", reverse("funding:banding")),
    ]
    return [HomePanel(f"High Needs Block {year.label}", 10, figures, links=links)]
