"""Forms for funding: input checks only, in GOV.UK wording."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from sendhub.core.forms import GovukDateField
from sendhub.funding.models import Line, Outcome, PackageKind, ReviewOutcome
from sendhub.lib.filecheck import ACCEPTED_LABELS


def money_field(label: str, message: str, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        error_messages={
            "required": message,
            "invalid": f"{label} must be an amount of money, like 1250.00",
            "min_value": f"{label} must be £0 or more",
            "max_decimal_places": f"{label} must be in pounds and pence",
        },
        **kwargs,
    )


def text(
    label: str, message: str, *, area: bool = False, required: bool = True, **kwargs: Any
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 4}) if area else forms.TextInput,
        error_messages={"required": message},
        **kwargs,
    )


class PlanBandForm(forms.Form):
    value = forms.TypedChoiceField(
        label="Band and type of setting", coerce=int, error_messages={"required": "Select a band"}
    )
    start = GovukDateField(label="Band starts", label_text="date the band starts")
    decided_on = GovukDateField(label="Date decided", label_text="date the band was decided")
    forum = text(
        "Where it was decided", "Enter where the band was decided", max_length=100, initial="EHCP panel"
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].choices = [("", "Select a band"), *choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("start")
            and data.get("decided_on")
            and data["decided_on"] > data["start"].replace(year=data["start"].year + 1)
        ):
            self.add_error("start", "The band must start within a year of the decision")
        return data


class ApplicationForm(forms.Form):
    child = forms.TypedChoiceField(label="Child", coerce=int, error_messages={"required": "Select the child"})
    needs = text("The child's needs", "Describe the child's needs", area=True)
    provision = text("The provision the grant will pay for", "Describe the provision", area=True)
    graduated_approach = text(
        "The graduated approach so far",
        "Describe what the school has assessed, planned, done and reviewed",
        area=True,
        help_text="Assess, plan, do, review: what the school has tried from its own resources",
    )
    evidence = text(
        "Evidence",
        "",
        area=True,
        required=False,
        help_text="The documents that support the application, one a line",
    )
    amount_requested = money_field("Amount asked for", "Enter the amount asked for")

    def __init__(self, *args: Any, children: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", "Select the child"), *children]  # type: ignore[attr-defined]

    def clean_amount_requested(self) -> Decimal:
        amount = self.cleaned_data["amount_requested"]
        if amount <= 0:
            raise forms.ValidationError("Amount asked for must be more than £0")
        return amount


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    reasons = text("Reasons", "Enter the reasons for the decision", area=True)
    amount = money_field(
        "Amount granted",
        "Enter the amount granted",
        required=False,
        help_text="For the whole period; leave empty for a decline or referral",
    )
    start = GovukDateField(label="Grant starts", label_text="date the grant starts", required=False)
    end = GovukDateField(label="Grant ends", label_text="date the grant ends", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") in (Outcome.APPROVE, Outcome.PART):
            if not data.get("amount"):
                self.add_error("amount", "Enter the amount granted")
            if not data.get("start"):
                self.add_error("start", "Enter the date the grant starts")
            if not data.get("end"):
                self.add_error("end", "Enter the date the grant ends")
            if data.get("start") and data.get("end") and data["end"] < data["start"]:
                self.add_error("end", "The grant must end after it starts")
        return data


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Review outcome",
        choices=ReviewOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the review"},
    )
    notes = text("What the review found", "Enter what the review found", area=True)


class PackageForm(forms.Form):
    child = forms.CharField(
        label="Case reference", max_length=20, error_messages={"required": "Enter the child's case reference"}
    )
    kind = forms.ChoiceField(
        label="Kind of package",
        choices=PackageKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of package"},
    )
    provider = text("Provider", "Enter the provider", max_length=200)
    hours_per_week = forms.DecimalField(
        label="Hours a week",
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("0.5"),
        max_value=Decimal("60"),
        error_messages={
            "required": "Enter the hours a week",
            "min_value": "Hours a week must be at least 0.5",
            "max_value": "Hours a week must be 60 or fewer",
            "invalid": "Hours a week must be a number, like 15",
        },
    )
    weekly_cost = money_field("Weekly cost", "Enter the weekly cost")
    start = GovukDateField(label="Start date", label_text="start date")
    end = GovukDateField(label="End date", label_text="end date", required=False)
    reason = text("Reason", "Enter the reason for the package", max_length=300)
    review_date = GovukDateField(label="Review date", label_text="review date")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be on or after the start date")
        if data.get("start") and data.get("review_date") and data["review_date"] < data["start"]:
            self.add_error("review_date", "The review date must be on or after the start date")
        return data


class ScenarioForm(forms.Form):
    name = text("Name", "Enter a name for the scenario", max_length=100)
    description = text("Description", "", required=False, max_length=300)
    line = forms.ChoiceField(
        label="Budget line it changes",
        choices=Line.choices,
        error_messages={"required": "Select a budget line"},
    )
    percent = forms.DecimalField(
        label="Change to the line's forecast (%)",
        max_digits=5,
        decimal_places=1,
        min_value=Decimal("-100"),
        max_value=Decimal("500"),
        required=False,
        help_text="For example, -10 for 10% fewer placements",
        error_messages={
            "invalid": "The change must be a number, like -10",
            "min_value": "The change cannot be below -100%%",  # %% : Django formats the message with the limit
            "max_value": "The change must be 500%% or less",
        },
    )
    places = forms.IntegerField(
        label="New places",
        min_value=0,
        max_value=1000,
        required=False,
        error_messages={
            "invalid": "New places must be a whole number",
            "min_value": "New places cannot be negative",
        },
    )
    value_per_place = money_field("Annual cost of a place", "", required=False)
    places_from = GovukDateField(label="Places open on", label_text="date the places open", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("percent") and not data.get("places"):
            self.add_error("percent", "Enter a change to the line or a number of new places")
        if data.get("places") and not data.get("value_per_place"):
            self.add_error("value_per_place", "Enter the annual cost of a place")
        return data


class EvidenceForm(forms.Form):
    """An evidence document for an ENG application (checked by casework's documents when stored)."""

    file = forms.FileField(
        label="File",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )
    title = forms.CharField(
        label="Title (optional)",
        max_length=200,
        required=False,
        help_text="For example, Speech and language therapy report. Leave blank to use the file's name.",
    )

    def __init__(self, *args: Any, max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"{ACCEPTED_LABELS}, {max_mb} MB at most"
