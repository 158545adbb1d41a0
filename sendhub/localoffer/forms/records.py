"""Forms for a service's times, places, contacts, costs and languages, in GOV.UK wording.

Each form turns a record (a plain dict, see records.py) into initial values and its cleaned data back
into the record's fields (`values()`).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal
from typing import Any

from django import forms

from sendhub.core.forms import DateInput, GovukDateField
from sendhub.localoffer.models import ScheduleKind
from sendhub.localoffer.records import Item
from sendhub.localoffer.rules import DAY_NAMES

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
PHONE_CHARS = re.compile(r"^\+?[0-9 ()-]+$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
NEW_PLACE = "new"


class Radios(forms.RadioSelect):
    """Radios whose error-summary link lands on the first option (GOV.UK error summary guidance)."""

    def id_for_label(self, id_: str, index: str | None = "0") -> str:
        return super().id_for_label(id_, index)


class Checkboxes(forms.CheckboxSelectMultiple):
    def id_for_label(self, id_: str, index: str | None = "0") -> str:
        return super().id_for_label(id_, index)


class DayMonthYear(DateInput):
    """The GOV.UK date input; the error-summary link lands on the day box."""

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_0" if id_ else ""


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M", "%H:%M:%S"],
        help_text="Use the 24-hour clock, like 09:30",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": f"Enter the {label.lower()} time",
            "invalid": f"Enter the {label.lower()} time in the 24-hour format, like 09:30",
        },
    )


class RecordForm(forms.Form):
    @classmethod
    def initial_from(cls, item: Item) -> dict[str, Any]:
        return dict(item)

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class ScheduleForm(RecordForm):
    kind = forms.ChoiceField(
        label="When do these times apply?",
        choices=ScheduleKind.choices,
        widget=Radios,
        error_messages={"required": "Select when these times apply"},
    )
    days = forms.MultipleChoiceField(
        label="Days",
        choices=list(DAY_NAMES.items()),
        widget=Checkboxes,
        error_messages={"required": "Select at least one day"},
    )
    opens_at = _time("Opening")
    closes_at = _time("Closing")
    valid_from = GovukDateField(
        label="First day (optional)",
        label_text="first day",
        required=False,
        widget=DayMonthYear,
        help_text="For example, the first day of the summer holiday club, like 27 7 2026",
    )
    valid_to = GovukDateField(
        label="Last day (optional)", label_text="last day", required=False, widget=DayMonthYear
    )
    description = forms.CharField(
        label="Anything else about these times (optional)",
        required=False,
        max_length=300,
        help_text="For example, 'Term time only' or 'Booking needed for Saturdays'",
    )

    @classmethod
    def initial_from(cls, item: Item) -> dict[str, Any]:
        dates = {k: dt.date.fromisoformat(item[k]) if item[k] else None for k in ("valid_from", "valid_to")}
        return item | {"days": item["byday"].split(",")} | dates

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The closing time must be after the opening time")
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "The last day must be the same as or after the first day")
        return data

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        days = data.pop("days")
        data["byday"] = ",".join(d for d in DAY_NAMES if d in days)
        return data


class ContactForm(RecordForm):
    name = forms.CharField(label="Name (optional)", required=False, max_length=120)
    title = forms.CharField(
        label="Job title or team (optional)",
        required=False,
        max_length=120,
        help_text="For example, 'Duty worker' or 'Bookings team'",
    )
    phone = forms.CharField(
        label="Telephone number (optional)",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE_CHARS.match(phone) or not 10 <= len(digits) <= 13):
            raise forms.ValidationError("Enter a telephone number, like 020 7946 0000 or 07700 900 982")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name") and not data.get("title") and "title" not in self.errors:
            self.add_error("name", "Enter a name, or a job title or team")
        if not data.get("phone") and not data.get("email") and not self.errors.keys() & {"phone", "email"}:
            self.add_error("phone", "Enter a telephone number or an email address")
        return data


class CostForm(RecordForm):
    option = forms.CharField(
        label="What is charged for",
        max_length=200,
        help_text="For example, 'Per session' or 'A term'",
        error_messages={"required": "Enter what the cost is for"},
    )
    amount = forms.DecimalField(
        label="Amount in pounds (£)",
        required=False,
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
        error_messages={
            "invalid": "Enter the amount in pounds, like 5 or 12.50",
            "min_value": "Enter an amount of more than £0, or select 'This is free'",
            "max_digits": "Enter an amount of less than £1,000,000",
            "max_decimal_places": "Enter the amount in pounds and pence, like 12.50",
        },
    )
    free = forms.BooleanField(label="This is free", required=False)
    amount_description = forms.CharField(
        label="More about the cost (optional)",
        required=False,
        max_length=200,
        help_text="For example, 'per child' or 'free for siblings'",
    )

    @classmethod
    def initial_from(cls, item: Item) -> dict[str, Any]:
        free = item["amount"] is not None and Decimal(item["amount"]) == 0
        return item | {"free": free, "amount": None if free else item["amount"]}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "amount" in self.errors:
            return data
        if data.get("free") and data.get("amount") is not None:
            self.add_error("amount", "Leave the amount empty if this is free")
        elif not data.get("free") and data.get("amount") is None:
            self.add_error("amount", "Enter the amount, or select 'This is free'")
        return data

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if data.pop("free"):
            data["amount"] = Decimal("0.00")
        return data


class LanguageForm(RecordForm):
    name = forms.CharField(
        label="Language",
        max_length=60,
        help_text="A language staff can use with families, like Bengali",
        error_messages={"required": "Enter the language"},
    )
    code = forms.CharField(
        label="Language code (optional)",
        required=False,
        max_length=3,
        help_text="The ISO 639 code, like bn for Bengali",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={"max_length": "Enter a language code of 2 or 3 letters, like bn"},
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().lower()
        if code and not LANGUAGE_CODE.match(code):
            raise forms.ValidationError("Enter a language code of 2 or 3 letters, like bn")
        return code


class PlaceForm(RecordForm):
    location_id = forms.ChoiceField(
        label="Where is the service?",
        widget=Radios,
        error_messages={"required": "Select a place, or 'A new place'"},
    )
    name = forms.CharField(
        label="Name of the new place",
        required=False,
        max_length=200,
        help_text="Only if you chose 'A new place'",
    )
    address_1 = forms.CharField(label="Address line 1", required=False, max_length=200)
    city = forms.CharField(label="Town or city", required=False, max_length=100)
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "autocomplete": "postal-code"}),
    )

    def __init__(self, *args: Any, places: dict[str, Item], taken: set[str], **kwargs: Any) -> None:
        """`places`: location id -> place the provider may choose; `taken`: places the service is already at."""
        super().__init__(*args, **kwargs)
        self.places, self.taken = places, taken
        field = self.fields["location_id"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(pk, f"{p['name']}, {p['postcode']}") for pk, p in places.items()] + [
            (NEW_PLACE, "A new place")
        ]

    @classmethod
    def initial_from(cls, item: Item) -> dict[str, Any]:
        return {"location_id": item["location_id"]}

    def clean_postcode(self) -> str:
        postcode = re.sub(r"\s+", " ", self.cleaned_data["postcode"].strip().upper())
        if postcode and not POSTCODE.match(postcode):
            raise forms.ValidationError("Enter a full UK postcode, like NW1 2DB")
        return postcode

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("location_id")
        if chosen == NEW_PLACE:
            for name, message in [
                ("name", "Enter the name of the new place"),
                ("address_1", "Enter the first line of the address"),
                ("postcode", "Enter the postcode"),
            ]:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        elif chosen in self.taken:
            self.add_error("location_id", "The service is already at this place")
        return data

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if data["location_id"] == NEW_PLACE:
            return data | {"location_id": str(uuid.uuid4())}
        return dict(self.places[data["location_id"]]) | {"location_id": data["location_id"]}


FORMS: dict[str, type[RecordForm]] = {
    "schedules": ScheduleForm,
    "places": PlaceForm,
    "contacts": ContactForm,
    "costs": CostForm,
    "languages": LanguageForm,
}
