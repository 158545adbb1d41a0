"""Forms for the strategy pages: input checks only, in GOV.UK wording."""

from __future__ import annotations

from typing import Any

from django import forms

from sendhub.core.forms import GovukDateField
from sendhub.strategy.models import (
    DELIVERY_LABELS,
    BoardKind,
    InternshipOutcome,
    ItemKind,
    Measure,
    PartnerMeasure,
)
from sendhub.strategy.rules import Direction

KPI_CHOICES = [
    ("twenty_week_incl", "EHC plans issued within 20 weeks (including exceptions)"),
    ("twenty_week_excl", "EHC plans issued within 20 weeks (excluding exceptions)"),
    ("six_week", "Decisions within 6 weeks"),
    ("reviews_on_time", "Annual reviews held on time"),
    ("review_decisions", "Review decisions within 4 weeks"),
    ("phase_transfers", "Phase transfers amended on time"),
    ("requests", "Requests for an EHC needs assessment"),
    ("appeals", "Tribunal appeals and mediation"),
    ("local_offer_visits", "Local Offer visits (page views counted by SEND Hub)"),
]
KPI_LABELS = dict(KPI_CHOICES)


def _text(
    label: str, error: str, *, required: bool = True, max_length: int = 200, **kw: Any
) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=max_length, error_messages={"required": error}, **kw
    )


def _area(label: str, error: str, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": error},
    )


class UpdateForm(forms.Form):
    reported_on = GovukDateField(label="Date of the update", label_text="date of the update")
    delivery = forms.ChoiceField(
        label="How is the action going?",
        choices=list(DELIVERY_LABELS.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the action is going"},
        help_text="The RAG status follows from this and the action's by-when date (see the plan's RAG rule)",
    )
    progress = _area("Progress", "Enter the progress made")
    next_steps = _area("Next steps", "", required=False)
    evidence = _area("Evidence", "", required=False)


class CarryForwardForm(forms.Form):
    by_when = _text(
        "By when, in next year's plan",
        "Enter when the action is now due",
        max_length=40,
        help_text="For example, Dec-25 or Year 4",
    )


class MeasureForm(forms.Form):
    label = _text("What the measure shows", "Enter what the measure shows")
    kpi_key = forms.ChoiceField(
        label="Live SEND Hub measure", required=False, choices=[("", "None"), *KPI_CHOICES]
    )
    partner_measure = forms.ModelChoiceField(
        label="Or a partner measure",
        required=False,
        queryset=PartnerMeasure.objects.select_related("owner"),
        empty_label="None",
    )
    target = forms.DecimalField(
        label="Target",
        max_digits=12,
        decimal_places=2,
        error_messages={"required": "Enter the target", "invalid": "Enter the target as a number"},
    )
    direction = forms.ChoiceField(
        label="Direction",
        widget=forms.RadioSelect,
        choices=[(Direction.HIGHER, "Higher is better"), (Direction.LOWER, "Lower is better")],
        error_messages={"required": "Select whether higher or lower is better"},
    )
    due = GovukDateField(label="Due date", label_text="date the target is due")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("kpi_key")) == bool(data.get("partner_measure")):
            self.add_error("kpi_key", "Select a live SEND Hub measure or a partner measure, not both")
        return data


MAX_COUNT = 1_000_000_000


class ValueForm(forms.Form):
    period_start = GovukDateField(label="Period start", label_text="start of the period")
    period_end = GovukDateField(label="Period end", label_text="end of the period")
    value = forms.DecimalField(
        label="Value",
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text="Leave blank when you enter a numerator and denominator",
        error_messages={"invalid": "Enter the value as a number"},
    )
    # Bounded so a 20-digit count is a form error, not an overflow when it is saved.
    numerator = forms.IntegerField(
        label="Numerator",
        required=False,
        min_value=0,
        max_value=MAX_COUNT,
        error_messages={
            "invalid": "Enter the numerator as a whole number",
            "min_value": "Enter a numerator from 0 to 1,000,000,000",
            "max_value": "Enter a numerator from 0 to 1,000,000,000",
        },
    )
    denominator = forms.IntegerField(
        label="Denominator",
        required=False,
        min_value=1,
        max_value=MAX_COUNT,
        error_messages={
            "invalid": "Enter the denominator as a whole number",
            "min_value": "Enter a denominator from 1 to 1,000,000,000",
            "max_value": "Enter a denominator from 1 to 1,000,000,000",
        },
    )
    source = _text(
        "Source", "Enter where the figure comes from", help_text="For example, GP practice returns"
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file of values",
        error_messages={"required": "Select a CSV file"},
        help_text="Columns: measure, period_start, period_end, value, numerator, denominator, source",
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > 2_000_000:
            raise forms.ValidationError("The file must be smaller than 2 MB")
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise forms.ValidationError("The file must be a CSV file saved as UTF-8") from None


class MeetingForm(forms.Form):
    board = forms.ChoiceField(
        label="Board",
        choices=BoardKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the board"},
    )
    held_on = GovukDateField(label="Date of the meeting", label_text="date of the meeting")
    attendees = _area("Attendees", "Enter who attends")
    agenda = _area("Agenda", "Enter the agenda")


class ItemForm(forms.Form):
    kind = forms.ChoiceField(
        label="Decision or action",
        choices=ItemKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select decision or action"},
    )
    text = _area("What was decided or agreed", "Enter what was decided or agreed")
    owner = _text("Owner (for an action)", "", required=False)
    due = GovukDateField(label="Due (for an action)", label_text="date the action is due", required=False)


class InternshipForm(forms.Form):
    reference = _text(
        "Young person's case reference", "Enter the young person's case reference", max_length=20
    )
    employer = _text("Employer", "Enter the employer")
    provider = _text("Provider", "Enter the provider (the college or supported employment service)")
    start = GovukDateField(label="Start", label_text="start date")
    end = GovukDateField(label="End", label_text="end date", required=False)
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=InternshipOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )


class PfaReviewForm(forms.Form):
    reference = _text(
        "Young person's case reference", "Enter the young person's case reference", max_length=20
    )
    held_on = GovukDateField(label="Date of the review", label_text="date of the review")
    year_group = forms.IntegerField(
        label="Year group",
        min_value=9,
        max_value=14,
        error_messages={
            "required": "Enter the year group (9 to 14)",
            "min_value": "Enter a year group from 9 to 14",
            "max_value": "Enter a year group from 9 to 14",
        },
    )
    ehcp = forms.TypedChoiceField(
        label="Support",
        choices=[("1", "EHC plan"), ("0", "SEN Support")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": "Select EHC plan or SEN Support"},
    )
    young_person_participated = forms.BooleanField(
        label="The young person took part in the review", required=False
    )
    pfa_planning_started = forms.BooleanField(
        label="Preparing for Adulthood planning has started", required=False
    )
    pfa_outcomes_included = forms.BooleanField(
        label="The plan includes Preparing for Adulthood outcomes", required=False
    )
    employment_discussed = forms.BooleanField(label="Employment discussed", required=False)
    independent_living_discussed = forms.BooleanField(label="Independent living discussed", required=False)
    community_discussed = forms.BooleanField(
        label="Friends, relationships and community discussed", required=False
    )
    health_discussed = forms.BooleanField(label="Good health discussed", required=False)


class MeasureChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.action.plan.year} action {obj.action.number}: {obj.label}"


class SefSectionForm(forms.Form):
    strengths = _area("Strengths", "", required=False)
    areas_for_development = _area("Areas for development", "", required=False)
    evidence = _area("Evidence", "", required=False)
    measures = MeasureChoiceField(
        label="Measures that show it",
        required=False,
        queryset=Measure.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, measures: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = measures  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f) for f in ("strengths", "areas_for_development", "evidence")):
            self.add_error("strengths", "Enter the strengths, the areas for development or the evidence")
        return data


class CompleteItemForm(forms.Form):
    completed_on = GovukDateField(label="Completed on", label_text="date the action was completed")
