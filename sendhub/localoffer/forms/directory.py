"""Input checking for the Local Offer pages, in GOV.UK wording."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from sendhub.localoffer.models import Area, CostKind, TaxonomyKind, TaxonomyTerm
from sendhub.localoffer.selectors import DAYS, ServiceFilters

DAY_NAMES = dict(
    zip(DAYS, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], strict=True)
)
TIMES = {
    "morning": ("Morning (before 12pm)", dt.time(6), dt.time(12)),
    "afternoon": ("Afternoon (12pm to 5pm)", dt.time(12), dt.time(17)),
    "evening": ("Evening (after 5pm)", dt.time(17), dt.time(23)),
}


def _term_choices(kind: str) -> list[tuple[str, str]]:
    terms = TaxonomyTerm.objects.filter(taxonomy__kind=kind).order_by("name")
    return [("", "Any")] + [(str(t.pk), t.name) for t in terms]


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for support",
        required=False,
        max_length=100,
        help_text="For example, speech therapy, swimming or short breaks",
    )
    category = forms.ChoiceField(label="Kind of support", required=False)
    need = forms.ChoiceField(label="Need or disability", required=False)
    age = forms.IntegerField(
        label="Age of child or young person",
        required=False,
        min_value=0,
        max_value=25,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter the age as a number, like 8",
            "min_value": "Age must be 0 or more",
            "max_value": "Age must be 25 or less",
        },
    )
    cost = forms.ChoiceField(label="Cost", required=False, choices=[("", "Any"), *CostKind.choices])
    day = forms.ChoiceField(label="Day", required=False, choices=[("", "Any day"), *DAY_NAMES.items()])
    time = forms.ChoiceField(
        label="Time of day",
        required=False,
        choices=[("", "Any time")] + [(k, v[0]) for k, v in TIMES.items()],
    )
    area = forms.ChoiceField(label="Area", required=False, choices=[("", "Anywhere"), *Area.choices])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, kind in (("category", TaxonomyKind.CATEGORY), ("need", TaxonomyKind.NEED)):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = _term_choices(kind)

    def filters(self) -> ServiceFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        time = TIMES.get(data.get("time") or "")
        return ServiceFilters(
            text=data.get("q") or "",
            term_ids=tuple(t for t in (data.get("category"), data.get("need")) if t),
            age=data.get("age"),
            cost=data.get("cost") or "",
            day=data.get("day") or "",
            start_time=time[1] if time else None,
            end_time=time[2] if time else None,
            area=data.get("area") or "",
            public_only=True,
        )


class ProblemReportForm(forms.Form):
    what_is_wrong = forms.CharField(
        label="What is wrong with this page?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example, the phone number is out of date. Do not include personal details about a child.",
        error_messages={"required": "Tell us what is wrong with the page"},
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Only if you would like a reply",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )


class ShortlistEmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="We will send the list to this address once. We do not keep it.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class ServiceEditForm(forms.Form):
    name = forms.CharField(
        label="Name of the service",
        max_length=200,
        error_messages={"required": "Enter the name of the service"},
    )
    description = forms.CharField(
        label="What the service does",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe what the service does"},
    )
    eligibility = forms.CharField(
        label="Who it is for", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    how_to_access = forms.CharField(
        label="How to use it", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    referral_needed = forms.BooleanField(label="A referral is needed", required=False)
    how_decisions_are_made = forms.CharField(
        label="How places are decided", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    support_for_send = forms.CharField(
        label="How you support children with SEND", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    how_to_give_feedback = forms.CharField(
        label="How families can give feedback or complain",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minimum_age = forms.IntegerField(label="Youngest age", required=False, min_value=0, max_value=25)
    maximum_age = forms.IntegerField(label="Oldest age", required=False, min_value=0, max_value=25)
    cost_kind = forms.ChoiceField(label="Cost", choices=CostKind.choices, widget=forms.RadioSelect)
    fees = forms.CharField(label="What it costs, in words", required=False, max_length=300)
    area = forms.ChoiceField(label="Area served", choices=Area.choices)
    url = forms.URLField(label="Website", required=False, assume_scheme="https")
    email = forms.EmailField(label="Email address", required=False)
    term_ids = forms.MultipleChoiceField(
        label="Categories and needs", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        terms = TaxonomyTerm.objects.select_related("taxonomy").order_by("taxonomy__kind", "name")
        field = self.fields["term_ids"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(t.pk), t.name) for t in terms]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "Oldest age must be the same as or more than the youngest age")
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Why the change is rejected",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The provider will see this",
        error_messages={"required": "Enter the reason for rejecting the change"},
    )


class ContentPageForm(forms.Form):
    title = forms.CharField(label="Title", max_length=150, error_messages={"required": "Enter a title"})
    summary = forms.CharField(label="Summary", max_length=300, error_messages={"required": "Enter a summary"})
    body = forms.CharField(
        label="Page text",
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text="Leave a blank line between paragraphs. Start a line with ## for a heading.",
        error_messages={"required": "Enter the page text"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
