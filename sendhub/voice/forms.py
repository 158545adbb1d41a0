"""Input checking for family voice, in GOV.UK wording."""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from django import forms
from django.utils import timezone

from sendhub.core.forms import GovukDateField
from sendhub.voice import rules
from sendhub.voice.models import Channel, ComplaintOutcome, QuestionKind, Relationship, Topic, Trigger
from sendhub.voice.models.surveys import SCALE_LABELS
from sendhub.voice.services.complaints import ComplaintAction

PUBLIC_TOPICS = [(t.value, t.label) for t in Topic if t != Topic.COMPLAINT] + [
    (Topic.COMPLAINT.value, "I want to make a complaint")
]


def _text(
    label: str, error: str, *, max_length: int = 200, required: bool = True, help_text: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages={"required": error, "max_length": f"{label} must be {max_length} characters or fewer"},
    )


def _textarea(
    label: str, error: str, *, required: bool = True, help_text: str = "", max_length: int = 5000
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": error, "max_length": f"{label} must be {max_length} characters or fewer"},
    )


class PublicContactForm(forms.Form):
    name = _text("Your full name", "Enter your full name")
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
    phone = _text(
        "Phone number", "", max_length=30, required=False, help_text="If you would like us to phone you"
    )
    child_name = _text(
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
    message = _textarea("Your message", "Enter your message")
    quoted_reference = _text(
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
    summary = _text("Summary", "Enter a short summary", help_text="One line for the Duty Line queue")
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
    reference = _text(
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
    body = _textarea(
        "Your reply", "Enter your reply", help_text="Emailed to the family if we have their address"
    )
    close = forms.BooleanField(label="Close the reference after sending", required=False)


class AssignForm(VersionForm):
    assigned_to: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Assign to", queryset=None, required=False, empty_label="Nobody (the shared queue)"
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = staff  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    note = _textarea("Internal note", "Enter the note", help_text="Only staff see notes")


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
    learning = _textarea("Learning", "", required=False, help_text="What the service will do differently")


class ComplimentForm(forms.Form):
    received_on = GovukDateField(label="Date received", label_text="date received")
    channel = forms.ChoiceField(
        label="How was it received?",
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it was received"},
    )
    about = _text("Who or what is it about?", "Enter who or what the compliment is about")
    summary = _textarea("What did they say?", "Enter what they said")
    shared_with_team = forms.BooleanField(label="Shared with the team", required=False)


class SurveyForm(forms.Form):
    title = _text("Survey title", "Enter a title")
    introduction = _textarea("Introduction", "", required=False, help_text="Shown at the top of the survey")
    trigger = forms.ChoiceField(
        label="When is it sent?",
        choices=Trigger.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when the survey is sent"},
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of question",
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of question"},
    )
    text = _text("Question", "Enter the question", max_length=300)
    hint = _text("Hint", "", max_length=300, required=False)
    choices = _textarea(
        "Options", "", required=False, help_text="For radios and checkboxes: one option on each line"
    )
    required = forms.BooleanField(label="Families must answer this question", required=False, initial=True)
    measures_satisfaction = forms.BooleanField(
        label="Counts towards the 75% satisfaction target (1 to 5 scales only)", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        options = [c.strip() for c in data.get("choices", "").splitlines() if c.strip()]
        data["choices"] = options
        if data.get("kind") in {QuestionKind.RADIOS, QuestionKind.CHECKBOXES} and len(options) < 2:
            self.add_error("choices", "Enter at least 2 options, one on each line")
        if data.get("measures_satisfaction") and data.get("kind") != QuestionKind.SCALE:
            self.add_error("measures_satisfaction", "Only a 1 to 5 scale question can measure satisfaction")
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Family's email address",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class ThemesForm(forms.Form):
    themes = _text("Themes", "", required=False, max_length=400, help_text="Separate themes with commas")

    def clean_themes(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["themes"].split(",") if t.strip()]


class YouSaidWeDidForm(forms.Form):
    you_said = _textarea("You said", "Enter what families said", max_length=1000)
    we_did = _textarea("We did", "Enter what the service did", max_length=1000)
    publish = forms.BooleanField(label="Publish now on the public page", required=False)


def answer_form_class(questions: list[Any]) -> type[forms.Form]:
    """A form with one GOV.UK field per survey question (radios, checkboxes, textarea or 1 to 5 scale)."""
    fields: dict[str, forms.Field] = {}
    for q in questions:
        common: dict[str, Any] = {"label": q.text, "help_text": q.hint, "required": q.required}
        if q.kind == QuestionKind.SCALE:
            fields[f"q{q.pk}"] = forms.TypedChoiceField(
                choices=list(SCALE_LABELS.items()),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Select an answer from 1 to 5"},
                **common,
            )
        elif q.kind == QuestionKind.RADIOS:
            fields[f"q{q.pk}"] = forms.ChoiceField(
                choices=[(c, c) for c in q.choices],
                widget=forms.RadioSelect,
                error_messages={"required": "Select an answer"},
                **common,
            )
        elif q.kind == QuestionKind.CHECKBOXES:
            fields[f"q{q.pk}"] = forms.MultipleChoiceField(
                choices=[(c, c) for c in q.choices],
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": "Select at least one answer"},
                **common,
            )
        else:
            fields[f"q{q.pk}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=5000,
                error_messages={"required": "Enter your answer"},
                **common,
            )
    return type("SurveyAnswerForm", (forms.Form,), fields)


class SessionForm(forms.Form):
    title = _text("Title", "Enter a title")
    venue = _text("Where", "Enter where the surgery is", help_text="An address, or 'Online' or 'By phone'")
    on = GovukDateField(label="Date", label_text="date of the surgery")
    first_slot = _text(
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
    description = _textarea("Description", "", required=False)

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
    name = _text("Your full name", "Enter your full name")
    email = forms.EmailField(
        label="Email address",
        help_text="We will send your booking and a reminder to this address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    phone = _text("Phone number", "", max_length=30, required=False)
    about = _textarea("What would you like to talk about?", "", required=False)
    needs = _text("Do you need an interpreter or any adjustments?", "", max_length=300, required=False)

    def __init__(self, *args: Any, slots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot_field: Any = self.fields["slot"]
        slot_field.choices = [
            (s.pk, f"{timezone.localtime(s.starts_at):%H:%M} ({s.minutes} minutes)") for s in slots
        ]


class SessionDetailsForm(forms.Form):
    title = _text("Title", "Enter a title")
    venue = _text(
        "Where",
        "Enter where the surgery is",
        help_text="An address, or 'Online' or 'By phone'. Families who have booked are emailed if this changes.",
    )
    description = _textarea("Description", "", required=False)


class SessionCancelForm(forms.Form):
    reason = _textarea(
        "Why is the session cancelled?",
        "Enter why the session is cancelled",
        help_text="We email this to every family who has booked, with a link to book another time.",
        max_length=1000,
    )


class SurveySettingsForm(SurveyForm):
    is_active = forms.BooleanField(
        label="Active: sent automatically at its key point", required=False, initial=True
    )
