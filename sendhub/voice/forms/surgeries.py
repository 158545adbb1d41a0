"""SEN surgeries: sessions, changes and cancellations, and booking."""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from django import forms
from django.utils import timezone

from sendhub.core.forms import GovukDateField
from sendhub.voice.forms.fields import text_field, textarea_field


class SessionForm(forms.Form):
    title = text_field("Title", "Enter a title")
    venue = text_field(
        "Where", "Enter where the surgery is", help_text="An address, or 'Online' or 'By phone'"
    )
    on = GovukDateField(label="Date", label_text="date of the surgery")
    first_slot = text_field(
        "Time of the first slot",
        "Enter the time of the first slot",
        max_length=5,
        help_text="For example, 09:30",
    )
    slot_count = forms.IntegerField(
        label="Number of slots",
        min_value=1,
        max_value=24,
        error_messages={"required": "Enter the number of slots"},
    )
    minutes = forms.IntegerField(
        label="Minutes per slot",
        min_value=5,
        max_value=120,
        initial=20,
        error_messages={"required": "Enter the minutes per slot"},
    )
    description = textarea_field("Description", "", required=False)

    def clean_first_slot(self) -> time:
        match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", self.cleaned_data["first_slot"].strip())
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise forms.ValidationError("Enter a time in the 24-hour format, like 09:30")
        return time(int(match.group(1)), int(match.group(2)))


class BookingForm(forms.Form):
    slot = forms.TypedChoiceField(
        label="Choose a time",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a time"},
    )
    name = text_field("Your full name", "Enter your full name")
    email = forms.EmailField(
        label="Email address",
        help_text="We will send your booking and a reminder to this address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = text_field("Phone number", "", max_length=30, required=False)
    about = textarea_field("What would you like to talk about?", "", required=False)
    needs = text_field("Do you need an interpreter or any adjustments?", "", max_length=300, required=False)

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot_field: Any = self.fields["slot"]
        slot_field.choices = [
            (s.pk, f"{timezone.localtime(s.starts_at):%H:%M} ({s.minutes} minutes)") for s in slots
        ]


class SessionDetailsForm(forms.Form):
    title = text_field("Title", "Enter a title")
    venue = text_field(
        "Where",
        "Enter where the surgery is",
        help_text="An address, or 'Online' or 'By phone'. Families who have booked are emailed if this changes.",
    )
    description = textarea_field("Description", "", required=False)


class SessionCancelForm(forms.Form):
    reason = textarea_field(
        "Why is the session cancelled?",
        "Enter why the session is cancelled",
        help_text="We email this to every family who has booked, with a link to book another time.",
        max_length=1000,
    )
