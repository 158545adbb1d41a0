"""The weekly panel: its decisions, letter templates, the agenda's date and listing a request."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.accounts.models import Role, User
from sendhub.cases.forms.fields import date_field
from sendhub.cases.models import (
    PanelOutcome,
    PanelQuestion,
)


class PanelDecisionForm(forms.Form):
    question = forms.ChoiceField(
        choices=PanelQuestion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the question decided"},
    )
    outcome = forms.ChoiceField(
        choices=PanelOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reasons for the decision"},
    )
    held_on = date_field("Date of the panel", "date of the panel")
    members = forms.ModelMultipleChoiceField(
        label="Members present",
        required=False,
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    other_attendees = forms.CharField(
        label="Other members present (no account)", max_length=300, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["members"]).queryset = User.objects.filter(
            role__in=[Role.CASE_OFFICER, Role.TEAM_MANAGER, Role.EP, Role.HEALTH, Role.SOCIAL_CARE],
            is_active=True,
        ).order_by("full_name")


class LetterTemplateForm(forms.Form):
    subject = forms.CharField(max_length=200, error_messages={"required": "Enter the subject"})
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}), error_messages={"required": "Enter the letter"}
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class PanelDateForm(forms.Form):
    """Read from the query string: the agenda opens at the next panel when no date is given."""

    on = date_field("Show the agenda for the panel on", "date of the panel", required=False)


class PanelListingForm(forms.Form):
    panel_on = date_field("Panel meeting", "date of the panel meeting", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
