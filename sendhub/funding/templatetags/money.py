"""`pounds`: a Decimal as £1,234.56 (a minus sign before the pound sign for a negative amount).

Kept for the funding templates' `{% load money %}`; the logic is `sendhub.lib.words.money`, the same as
core's `words` library."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sendhub.lib.words import money

register = template.Library()


@register.filter
def pounds(value: Decimal | int | None) -> str:
    return money(value)
