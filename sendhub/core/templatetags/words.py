"""Numbers for people in templates: `{{ n|count_of:"child" }}` ("1 child", "2 children") and
`{{ amount|pounds }}` ("£1,234.50"). The logic lives in `sendhub.lib.words`, shared with Python text."""

from __future__ import annotations

from decimal import Decimal

from django import template

from sendhub.core.vocabulary import plain_name
from sendhub.lib import words

register = template.Library()


@register.filter
def count_of(count: int, noun: str) -> str:
    """`noun` may carry its plural after a comma, for a noun the rule gets wrong: "analysis,analyses"."""
    singular, _, plural_form = noun.partition(",")
    return words.count_of(int(count), singular, plural_form)


@register.filter
def pounds(value: Decimal | int | None) -> str:
    return words.money(value)


@register.filter
def plain(code: str, vocabulary: str) -> str:
    """`{{ row.sen_status|plain:"cases.Child.sen_status" }}`: a code under its plain name ("EHC plan")."""
    return plain_name(vocabulary, code)
