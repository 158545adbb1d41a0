"""EHC plans: reviews, ceasing, audits, appeals, outcomes, provision, budgets and the named settings."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.cases import vocab
from sendhub.cases.forms.fields import date_field
from sendhub.cases.models import (
    AppealKind,
    AppealOutcome,
    AppealSubject,
    Outcome,
)
from sendhub.cases.models.plans import Grade
from sendhub.cases.rules import CeaseReason
from sendhub.schools.forms import SettingField, keep_named_settings


class ReviewOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[
            ("keep", "Maintain the plan as it is"),
            ("amend", "Amend the plan"),
            ("cease", "Cease the plan"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the decision"},
    )
    decided_on = date_field("Date of the decision", "date of the decision")


class ReviewMeetingForm(forms.Form):
    meeting = date_field("Date of the review meeting", "date of the review meeting")
    phase_transfer = forms.BooleanField(
        label="This review prepares a phase transfer (reg 18)", required=False
    )


class CeaseForm(forms.Form):
    notice = date_field("Date of the notice", "date of the notice")
    reason = forms.ChoiceField(
        choices=[(r.value, r.value.replace("_", " ").capitalize()) for r in CeaseReason],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason"},
    )
    sen2_reason = forms.ChoiceField(
        label="SEN2 cease reason",
        choices=vocab.CEASE_REASONS,
        error_messages={"required": "Select the SEN2 reason"},
    )
    consulted_parent = forms.BooleanField(
        label="The parent or young person has been informed and consulted (reg 31(1))", required=False
    )
    consulted_setting = forms.BooleanField(
        label="The head teacher or principal has been consulted (reg 31(1)(c))", required=False
    )
    reviewed_since_leaving = forms.BooleanField(
        label="The plan was reviewed after the young person left education (reg 30)", required=False
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False
    )  # as opened: a later edit is refused


class AuditForm(forms.Form):
    overall = forms.ChoiceField(
        choices=Grade.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the overall grade"},
    )
    comments = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, title in vocab.PLAN_SECTIONS:
            self.fields[f"grade_{code}"] = forms.ChoiceField(
                label=f"Section {code}: {title}",
                choices=Grade.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Grade section {code}"},
            )

    def grades(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"grade_{code}"] for code, _ in vocab.PLAN_SECTIONS}


class AppealForm(forms.Form):
    kind = forms.ChoiceField(
        choices=AppealKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select mediation or tribunal"},
    )
    subject = forms.ChoiceField(
        choices=AppealSubject.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the appeal is about"},
    )
    lodged = date_field("Date lodged", "date lodged")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AppealOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[c for c in AppealOutcome.choices if c[0] != AppealOutcome.PENDING],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    outcome_date = date_field("Date of the outcome", "date of the outcome")


class OutcomeForm(forms.Form):
    description = forms.CharField(
        label="Outcome",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the outcome"},
    )
    area = forms.ChoiceField(
        label="Preparing for adulthood area",
        required=False,
        choices=[
            ("", "None"),
            ("education", "Education and employment"),
            ("independent_living", "Independent living"),
            ("community", "Community inclusion"),
            ("health", "Good health"),
        ],
    )
    by_when = date_field("To be achieved by", "date to be achieved by", required=False)


class ProvisionForm(forms.Form):
    section = forms.ChoiceField(
        choices=[
            ("F", "F: Special educational provision"),
            ("G", "G: Health provision"),
            ("H1", "H1: Social care (CSDPA 1970 s.2)"),
            ("H2", "H2: Other social care"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the section"},
    )
    description = forms.CharField(
        label="Provision",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the provision"},
    )
    frequency = forms.CharField(label="How often and for how long", max_length=100, required=False)
    provider = forms.CharField(label="Who provides it", max_length=150, required=False)
    outcome = forms.ModelChoiceField(
        label="For which outcome", required=False, queryset=Outcome.objects.none()
    )

    def __init__(self, *args: Any, outcomes: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if outcomes is not None:
            cast(forms.ModelChoiceField, self.fields["outcome"]).queryset = outcomes


class BudgetForm(forms.Form):
    personal_budget = forms.BooleanField(label="A personal budget has been agreed", required=False)
    amount = forms.DecimalField(
        label="Amount a year, in pounds",
        required=False,
        max_digits=9,
        decimal_places=2,
        min_value=0,
        error_messages={"invalid": "Enter the amount as a number, like 1500.00"},
    )
    direct_payment = forms.ChoiceField(
        label="Direct payments",
        required=False,
        choices=[
            ("", "None"),
            ("E", "Education only"),
            ("S", "Social care only"),
            ("H", "Health only"),
            ("I", "Integrated"),
        ],
    )
    organised_arrangements = forms.BooleanField(
        label="Part of the personal budget is held as organised arrangements (the council or setting "
        "arranges the provision)",
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _setting_types(none_label: str) -> list[tuple[str, str]]:
    return [("", none_label), *vocab.SEN_SETTINGS_NO_URN]


# SEN2 items 4.7e/4.7f; each choice is the suffix of a Plan boolean (named_setting_sen_unit, ...).


UNIT_CHOICES = [("sen_unit", "SEN unit"), ("resourced_provision", "Resourced provision")]


def _units_field(legend: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=legend,
        required=False,
        choices=UNIT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only when a school is named, not a type of setting. Leave both unticked when the child "
        "is in the school's mainstream classes.",
    )


class PlanSettingForm(forms.Form):
    """Section I: the settings named (a school, perhaps its SEN unit or resourced provision, or a type of
    setting), a dual placement, residential or work-based learning. Which combinations make sense is
    `rules.named_setting_problems`."""

    named_setting = SettingField(label="School or other institution named")
    named_setting_units = _units_field("Is the place named in the school a SEN unit or resourced provision?")
    named_setting_type = forms.ChoiceField(
        label="Or the type of setting named, where no institution is",
        required=False,
        choices=_setting_types("None (an institution is named)"),
    )
    named_setting_other = forms.CharField(
        label="Description of that type of setting (needed for 'not in education or training - other')",
        required=False,
        max_length=200,
    )
    second_setting = SettingField(label="Second named setting (dual placement)")
    second_setting_units = _units_field(
        "Is the place in the second school a SEN unit or resourced provision?"
    )
    second_setting_type = forms.ChoiceField(
        label="Or the type of the second setting", required=False, choices=_setting_types("None")
    )
    second_setting_other = forms.CharField(
        label="Description of the second type of setting", required=False, max_length=200
    )
    residential = forms.ChoiceField(
        label="Residential placement named in the plan",
        required=False,
        choices=[("", "None"), ("A", "38 to 51 weeks a year"), ("B", "52 weeks a year")],
    )
    work_based = forms.ChoiceField(
        label="Work-based learning named in the plan",
        required=False,
        choices=[("", "None"), *vocab.WORK_BASED_LEARNING],
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_named_settings(self)
        for name in ("named_setting", "second_setting"):
            # One group of checkboxes per setting shows the plan's two booleans for it.
            self.initial[f"{name}_units"] = [c for c, _ in UNIT_CHOICES if self.initial.get(f"{name}_{c}")]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("named_setting", "second_setting"):
            ticked = cleaned.get(f"{name}_units") or []
            for choice, _ in UNIT_CHOICES:
                cleaned[f"{name}_{choice}"] = choice in ticked
        return cleaned
