"""How a moderator reads a change to a service's records (pure: no database)."""

from __future__ import annotations

import pytest

from sendhub.localoffer import rules
from sendhub.localoffer.records import KINDS, diff

TIME = {
    "id": "a",
    "kind": "regular",
    "byday": "MO,WE",
    "opens_at": "09:00",
    "closes_at": "15:30",
    "valid_from": None,
    "valid_to": None,
    "description": "",
}


@pytest.mark.parametrize(
    ("byday", "text"),
    [
        ("MO", "Monday"),
        ("MO,WE", "Monday and Wednesday"),
        ("MO,WE,FR", "Monday, Wednesday and Friday"),
        ("MO,TU,WE,TH,FR", "Monday to Friday"),
        ("MO,TU,WE,TH,FR,SA,SU", "Every day"),
    ],
)
def test_days_text(byday, text):
    assert rules.days_text(byday) == text


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (TIME, "Monday and Wednesday, 9am to 3:30pm"),
        (
            TIME
            | {
                "kind": "holiday",
                "valid_from": "2026-07-27",
                "valid_to": "2026-08-28",
                "description": "Club",
            },
            "Monday and Wednesday, 9am to 3:30pm in the school holidays, 27 July 2026 to 28 August 2026 (Club)",
        ),
        (TIME | {"valid_to": "2026-03-31"}, "Monday and Wednesday, 9am to 3:30pm, until 31 March 2026"),
    ],
)
def test_schedule_in_words(item, text):
    assert KINDS["schedules"].describe(item) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("5.00", "Per session: £5.00 per child"),
        ("0.00", "Per session: Free per child"),
        (None, "Per session: No amount per child"),
    ],
)
def test_cost_in_words(amount, text):
    item = {"id": "c", "option": "Per session", "amount": amount, "amount_description": "per child"}
    assert KINDS["costs"].describe(item) == text


def test_diff_matches_records_by_id():
    kind = KINDS["languages"]
    old = [{"id": "1", "name": "Polish", "code": "pl"}, {"id": "2", "name": "Urdu", "code": ""}]
    new = [
        {"id": "1", "name": "Polish", "code": "pl"},
        {"id": "2", "name": "Urdu", "code": "ur"},
        {"id": "3", "name": "Somali", "code": "so"},
    ]
    assert [(c.action, c.before, c.after) for c in diff(kind, old, new)] == [
        ("Changed", "Urdu", "Urdu (ur)"),
        ("Added", "", "Somali (so)"),
    ]
    assert [(c.action, c.before) for c in diff(kind, new, new[:1])] == [
        ("Removed", "Urdu (ur)"),
        ("Removed", "Somali (so)"),
    ]
    assert diff(kind, old, old) == []
