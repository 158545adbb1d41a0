"""`pounds`: a Decimal as £1,234.56 (a minus sign before the pound sign for a negative amount)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sendhub.funding.rules import round_penny

register = template.Library()


@register.filter
def pounds(value: Decimal | int | None) -> str:
    if value is None:
        return "Not set"
    amount = round_penny(Decimal(value))
    sign = "\u2212" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
