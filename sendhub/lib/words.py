"""Numbers written for people: counts with their noun in the right number ("1 child", "2 children") and
money ("£1,234.50", "\u2212£20.00"). Templates get the same through the `count_of` and `pounds` filters
(`core/templatetags/words.py`)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
# Nouns whose plural no spelling rule gives (the ones SEND Hub's pages count).
IRREGULAR = {
    "child": "children",
    "child or young person": "children and young people",
    "person": "people",
    "young person": "young people",
}


def plural(noun: str) -> str:
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return f"{noun}es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{noun[:-1]}ies"
    return f"{noun}s"


def count_of(count: int, noun: str, plural_form: str = "") -> str:
    """ "1 child", "2 children", "0 children"; ``plural_form`` where the rule above gets it wrong."""
    word = noun if count == 1 else plural_form or plural(noun)
    return f"{count:,} {word}"


def money(value: Decimal | int | float | None, *, empty: str = "Not set") -> str:
    """ "£1,234.50"; a negative amount "\u2212£20.00" (a true minus sign before the pound sign)."""
    if value is None:
        return empty
    amount = Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)
    sign = "\u2212" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
