"""The forms for a service's times, places, contacts, costs and languages: what they accept and refuse."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sendhub.localoffer.forms.records import (
    ContactForm,
    CostForm,
    LanguageForm,
    PlaceForm,
    ScheduleForm,
)

SCHEDULE = {"kind": "regular", "days": ["MO", "WE"], "opens_at": "09:00", "closes_at": "15:30"}
HOLIDAY = SCHEDULE | {
    "kind": "holiday",
    "valid_from_0": "27",
    "valid_from_1": "7",
    "valid_from_2": "2026",
    "valid_to_0": "28",
    "valid_to_1": "8",
    "valid_to_2": "2026",
}


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        (SCHEDULE, None, None),
        (HOLIDAY, None, None),
        (SCHEDULE | {"opens_at": "9.30"}, None, None),  # a dot is read as a colon
        (SCHEDULE | {"closes_at": "08:00"}, "closes_at", "The closing time must be after the opening time"),
        (SCHEDULE | {"closes_at": "09:00"}, "closes_at", "The closing time must be after the opening time"),
        (
            SCHEDULE | {"opens_at": "9am"},
            "opens_at",
            "Enter the opening time in the 24-hour format, like 09:30",
        ),
        (
            SCHEDULE | {"opens_at": "25:00"},
            "opens_at",
            "Enter the opening time in the 24-hour format, like 09:30",
        ),
        (SCHEDULE | {"closes_at": ""}, "closes_at", "Enter the closing time"),
        (SCHEDULE | {"days": []}, "days", "Select at least one day"),
        (SCHEDULE | {"kind": ""}, "kind", "Select when these times apply"),
        (
            HOLIDAY | {"valid_to_1": "6"},
            "valid_to",
            "The last day must be the same as or after the first day",
        ),
        (HOLIDAY | {"valid_to_0": "31", "valid_to_1": "2"}, "valid_to", "The last day must be a real date"),
        (HOLIDAY | {"valid_from_2": ""}, "valid_from", "The first day must include a day, month and year"),
    ],
)
def test_schedule_form(data, field, error):
    form = ScheduleForm(data)
    assert form.is_valid() == (error is None), form.errors
    if error:
        assert form.errors[field] == [error]


def test_schedule_form_gives_rfc_5545_days_in_week_order():
    form = ScheduleForm(SCHEDULE | {"days": ["FR", "MO"]})
    assert form.is_valid()
    assert form.values()["byday"] == "MO,FR" and form.values()["opens_at"] == dt.time(9)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"option": "Per session", "amount": "5"}, None),
        ({"option": "Per session", "amount": "12.50"}, None),
        ({"option": "Sibling place", "free": "on"}, None),
        ({"option": "Per session"}, "Enter the amount, or select 'This is free'"),
        ({"option": "Per session", "amount": "5", "free": "on"}, "Leave the amount empty if this is free"),
        (
            {"option": "Per session", "amount": "0"},
            "Enter an amount of more than £0, or select 'This is free'",
        ),
        (
            {"option": "Per session", "amount": "-3"},
            "Enter an amount of more than £0, or select 'This is free'",
        ),
        ({"option": "Per session", "amount": "five"}, "Enter the amount in pounds, like 5 or 12.50"),
        ({"option": "Per session", "amount": "5.555"}, "Enter the amount in pounds and pence, like 12.50"),
    ],
)
def test_cost_form(data, error):
    form = CostForm(data)
    assert form.is_valid() == (error is None), form.errors
    if error:
        assert form.errors["amount"] == [error]


def test_cost_form_records_free_as_nought_pounds_and_shows_it_as_free():
    form = CostForm({"option": "Sibling place", "free": "on"})
    assert form.is_valid() and form.values()["amount"] == Decimal("0.00")
    initial = CostForm.initial_from(
        {"id": "x", "option": "Sibling place", "amount": "0.00", "amount_description": ""}
    )
    assert initial["free"] is True and initial["amount"] is None


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"title": "Duty worker", "phone": "020 7946 0000"}, None, None),
        ({"name": "Sam", "email": "sam@example.org"}, None, None),
        ({"title": "Bookings", "phone": "+44 (0)20 7946 0000"}, None, None),
        ({"title": "Duty worker"}, "phone", "Enter a telephone number or an email address"),
        ({"phone": "020 7946 0000"}, "name", "Enter a name, or a job title or team"),
        (
            {"title": "Duty", "phone": "call us"},
            "phone",
            "Enter a telephone number, like 020 7946 0000 or 07700 900 982",
        ),
        (
            {"title": "Duty", "phone": "12345"},
            "phone",
            "Enter a telephone number, like 020 7946 0000 or 07700 900 982",
        ),
        (
            {"title": "Duty", "email": "not-an-email"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
    ],
)
def test_contact_form(data, field, error):
    form = ContactForm(data)
    assert form.is_valid() == (error is None), form.errors
    if error:
        assert form.errors[field] == [error]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"name": "Bengali", "code": "bn"}, None),
        ({"name": "British Sign Language", "code": "BFI"}, None),  # lower-cased
        ({"name": "Polish"}, None),
        ({"name": ""}, "Enter the language"),
        ({"name": "Polish", "code": "p1"}, "Enter a language code of 2 or 3 letters, like bn"),
        ({"name": "Polish", "code": "polish"}, "Enter a language code of 2 or 3 letters, like bn"),
    ],
)
def test_language_form(data, error):
    form = LanguageForm(data)
    assert form.is_valid() == (error is None), form.errors
    if error:
        assert error in [e for errors in form.errors.values() for e in errors]


PLACES = {
    "11111111-1111-1111-1111-111111111111": {
        "name": "Hall",
        "address_1": "1 Road",
        "city": "London",
        "postcode": "NW1 1ZA",
    }
}


@pytest.mark.parametrize(
    ("data", "taken", "field", "error"),
    [
        ({"location_id": "11111111-1111-1111-1111-111111111111"}, set(), None, None),
        (
            {"location_id": "new", "name": "Pool", "address_1": "2 Lane", "postcode": "nw1 2db"},
            set(),
            None,
            None,
        ),
        (
            {"location_id": "11111111-1111-1111-1111-111111111111"},
            set(PLACES),
            "location_id",
            "The service is already at this place",
        ),
        ({"location_id": ""}, set(), "location_id", "Select a place, or 'A new place'"),
        (
            {"location_id": "new", "name": "Pool", "address_1": "2 Lane"},
            set(),
            "postcode",
            "Enter the postcode",
        ),
        (
            {"location_id": "new", "name": "Pool", "address_1": "2 Lane", "postcode": "NW1"},
            set(),
            "postcode",
            "Enter a full UK postcode, like NW1 2DB",
        ),
        (
            {"location_id": "new", "address_1": "2 Lane", "postcode": "NW1 2DB"},
            set(),
            "name",
            "Enter the name of the new place",
        ),
    ],
)
def test_place_form(data, taken, field, error):
    form = PlaceForm(data, places=PLACES, taken=taken)
    assert form.is_valid() == (error is None), form.errors
    if error:
        assert form.errors[field] == [error]


def test_place_form_gives_a_new_place_its_own_id_and_normalises_the_postcode():
    form = PlaceForm(
        {"location_id": "new", "name": "Pool", "address_1": "2 Lane", "postcode": "nw1  2db"},
        places=PLACES,
        taken=set(),
    )
    assert form.is_valid()
    values = form.values()
    assert values["postcode"] == "NW1 2DB" and values["location_id"] not in PLACES
