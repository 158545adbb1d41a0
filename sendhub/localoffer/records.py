"""A service's sub-records (times, places, contacts, costs, languages) as they travel in a revision.

A revision's `data` holds the whole proposed service: its own fields and, under each kind's `key`, a list
of plain dicts (strings, numbers, None) with an `id`. Moderators see `diff()` of two such snapshots in
words; `services.records.apply_records()` writes an approved snapshot to the tables. Pure: no ORM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sendhub.localoffer import rules

Item = dict[str, Any]


def _day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _schedule(item: Item) -> str:
    opens, closes = dt.time.fromisoformat(item["opens_at"]), dt.time.fromisoformat(item["closes_at"])
    text = rules.schedule_text(item["byday"], opens, closes)
    if item["kind"] == "holiday":
        text += " in the school holidays"
    dates = [_day(d) for d in (item["valid_from"], item["valid_to"]) if d]
    if item["valid_from"] and item["valid_to"]:
        text += f", {dates[0]} to {dates[1]}"
    elif item["valid_from"]:
        text += f", from {dates[0]}"
    elif item["valid_to"]:
        text += f", until {dates[0]}"
    return text + (f" ({item['description']})" if item["description"] else "")


def _contact(item: Item) -> str:
    parts = [item["name"], item["title"], item["phone"], item["email"]]
    return ", ".join(p for p in parts if p) or "A contact with no details"


def _cost(item: Item) -> str:
    amount = item["amount"]
    price = "Free" if amount is not None and Decimal(amount) == 0 else f"£{amount}" if amount else "No amount"
    return ": ".join(p for p in [item["option"], price] if p) + (
        f" {item['amount_description']}" if item["amount_description"] else ""
    )


def _language(item: Item) -> str:
    return f"{item['name']} ({item['code']})" if item["code"] else item["name"]


def _place(item: Item) -> str:
    return ", ".join(p for p in [item["name"], item["address_1"], item["city"], item["postcode"]] if p)


@dataclass(frozen=True)
class Kind:
    slug: str  # in URLs and as the key of the list in a revision's data
    singular: str  # "schedule": "Add a schedule", "Remove this schedule"
    heading: str  # the summary card's title
    fields: tuple[str, ...]
    describe: Callable[[Item], str]

    @property
    def a_singular(self) -> str:
        return f"{'an' if self.singular[0] in 'aeiou' else 'a'} {self.singular}"


KINDS: dict[str, Kind] = {
    k.slug: k
    for k in [
        Kind(
            "schedules",
            "opening time",
            "Opening times",
            ("kind", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "description"),
            _schedule,
        ),
        Kind("places", "place", "Places", ("location_id", "name", "address_1", "city", "postcode"), _place),
        Kind("contacts", "contact", "Contacts", ("name", "title", "email", "phone"), _contact),
        Kind("costs", "cost", "Costs", ("option", "amount", "amount_description"), _cost),
        Kind("languages", "language", "Languages", ("name", "code"), _language),
    ]
}


def to_plain(value: Any) -> Any:
    """A model value as it is kept in JSON: times 'HH:MM', dates ISO, amounts '5.00', ids as strings."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def item_from(values: dict[str, Any], kind: Kind, item_id: str) -> Item:
    return {"id": item_id} | {name: to_plain(values.get(name)) for name in kind.fields}


@dataclass(frozen=True)
class Change:
    action: str  # "Added", "Changed", "Removed"
    before: str
    after: str


def diff(kind: Kind, old: list[Item], new: list[Item]) -> list[Change]:
    """What changes between two lists of one kind, matched by id, in words a moderator can check."""
    before = {item["id"]: item for item in old}
    after = {item["id"]: item for item in new}
    changes = [Change("Removed", kind.describe(item), "") for pk, item in before.items() if pk not in after]
    for pk, item in after.items():
        if pk not in before:
            changes.append(Change("Added", "", kind.describe(item)))
        elif before[pk] != item:
            changes.append(Change("Changed", kind.describe(before[pk]), kind.describe(item)))
    return changes


def find(items: list[Item], item_id: str) -> Item | None:
    return next((item for item in items if item["id"] == item_id), None)
