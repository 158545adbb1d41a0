"""Duty Line contacts, complaints and compliments."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import QuerySet

from sendhub.accounts.models import User
from sendhub.core.forms import GovukDateField
from sendhub.voice import rules
from sendhub.voice.forms.fields import text_field, textarea_field
from sendhub.voice.models import Channel, ComplaintOutcome, Relationship, Topic
from sendhub.voice.services.complaints import ComplaintAction

PUBLIC_TOPICS = [(t.value, t.label) for t in Topic if t != Topic.COMPLAINT] + [
    (Topic.COMPLAINT.value, "I want to make a complaint")
]


class PublicContactForm(forms.Form):
    name = text_field("Your full name", "Enter your full name")
    relationship = forms.ChoiceField(
        label="Who are you?",
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who you are"},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="We will send your reference and our reply to this address",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    phone = text_field(
        "Phone number", "", max_length=30, required=False, help_text="If you would like us to phone you"
    )
    child_name = text_field(
        "Child or young person's name",
        "",
        required=False,
        help_text="If your message is about a child or young person",
    )
    topic = forms.ChoiceField(
        label="What is your message about?",
        choices=PUBLIC_TOPICS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your message is about"},
    )
    message = textarea_field("Your message", "Enter your message")
    quoted_reference = text_field(
        "Your reference, if you have one",
        "",
        max_length=30,
        required=False,
        help_text="If you have contacted us about this before, for example SEN-2026-000123",
    )
    # Honeypot: hidden from everyone (display: none, so screen readers skip it too) and labelled in case
    # styles fail to load. People leave it empty; form-filling scripts do not.
    website = forms.CharField(label="Leave this empty", required=False)

    def clean_quoted_reference(self) -> str:
        text: str = self.cleaned_data["quoted_reference"].strip()
        if text and not rules.is_reference(text):
            raise forms.ValidationError("Enter a reference in the format SEN-2026-000123, or leave it empty")
        return text

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"[0-9 +()\-]{7,30}", phone):
            raise forms.ValidationError("Enter a telephone number, like 020 7946 0000 or 07700 900 982")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not data.get("email")
            and not data.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error("email", "Enter an email address or a phone number so we can reply")
        return data

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class LogContactForm(PublicContactForm):
    channel = forms.ChoiceField(
        label="How did they contact us?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they contacted us"},
    )
    topic = forms.ChoiceField(
        label="Topic",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the topic"},
    )
    summary = text_field("Summary", "Enter a short summary", help_text="One line for the Duty Line queue")
    child: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Link to a child's record",
        queryset=None,
        required=False,
        help_text="Only children whose records you can open",
    )
    field_order = [
        "channel",
        "name",
        "relationship",
        "email",
        "phone",
        "topic",
        "summary",
        "child",
        "child_name",
        "message",
        "quoted_reference",
    ]

    def __init__(self, *args: Any, children: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        self.fields["name"].label = "Name of the person who contacted us"
        self.fields["relationship"].label = "Who are they?"
        self.fields["message"].label = "What they said"
        self.fields["child"].queryset = children  # type: ignore[attr-defined]


class FindReferenceForm(forms.Form):
    reference = text_field(
        "Reference", "Enter a reference", max_length=30, help_text="For example, SEN-2026-000123"
    )

    def clean_reference(self) -> rules.Reference:
        try:
            return rules.parse_reference(self.cleaned_data["reference"])
        except rules.ReferenceError as e:
            raise forms.ValidationError(str(e)) from e


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReplyForm(VersionForm):
    body = textarea_field(
        "Your reply", "Enter your reply", help_text="Emailed to the family if we have their address"
    )
    close = forms.BooleanField(label="Close the reference after sending", required=False)


class AssignForm(VersionForm):
    assigned_to: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Assign to", queryset=None, required=False, empty_label="Nobody (the shared queue)"
    )

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = staff  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    note = textarea_field("Internal note", "Enter the note", help_text="Only staff see notes")


class OpenComplaintForm(forms.Form):
    received_on = GovukDateField(
        label="Date the complaint was received", label_text="date the complaint was received"
    )


class AdvanceComplaintForm(VersionForm):
    action = forms.ChoiceField(
        label="What has happened?",
        choices=[
            (ComplaintAction.ACKNOWLEDGE, "Complaint acknowledged"),
            (ComplaintAction.STAGE_1_RESPONSE, "Stage 1 response sent"),
            (ComplaintAction.ESCALATE, "Family asked to go to stage 2 (request acknowledged)"),
            (ComplaintAction.STAGE_2_RESPONSE, "Stage 2 response sent"),
            (ComplaintAction.CLOSE, "Closed at stage 1"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what has happened"},
    )
    on = GovukDateField(label="Date", label_text="date")
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=ComplaintOutcome.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="Needed with a response or when closing",
    )
    learning = textarea_field(
        "Learning", "", required=False, help_text="What the service will do differently"
    )


class ComplimentForm(forms.Form):
    received_on = GovukDateField(label="Date received", label_text="date received")
    channel = forms.ChoiceField(
        label="How was it received?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it was received"},
    )
    about = text_field("Who or what is it about?", "Enter who or what the compliment is about")
    summary = textarea_field("What did they say?", "Enter what they said")
    shared_with_team = forms.BooleanField(label="Shared with the team", required=False)
