"""Assessment requests: decisions, advice, exceptions, drafts and the final plan, consultation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms

from sendhub.accounts.models import Role, User
from sendhub.cases import vocab
from sendhub.cases.forms.fields import YES_NO, date_field
from sendhub.cases.models.assessments import EXCEPTION_CHOICES, SOURCE_CHOICES
from sendhub.cases.models.children import Child
from sendhub.core.forms import GovukDateField
from sendhub.schools.forms import SettingField


class RequestForm(forms.Form):
    received = date_field("Date the request was received", "date the request was received")
    source = forms.ChoiceField(
        label="Who made the request",
        choices=SOURCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who made the request"},
    )
    requester_name = forms.CharField(label="Name of the person who asked", max_length=150, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=YES_NO, widget=forms.RadioSelect, error_messages={"required": "Select yes or no"}
    )
    decided_on = date_field("Date of the decision", "date of the decision")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AdviceForm(forms.Form):
    kind = forms.ChoiceField(
        label="Advice",
        choices=vocab.ADVICE_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of advice"},
    )
    adviser = forms.ModelChoiceField(
        label="Adviser with a SEND Hub account", required=False, queryset=User.objects.none()
    )
    adviser_name = forms.CharField(label="Adviser's name (if no account)", max_length=150, required=False)
    requested_on = date_field("Date advice was requested", "date advice was requested")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["adviser"]).queryset = User.objects.filter(
            role__in=[Role.EP, Role.HEALTH, Role.SOCIAL_CARE], is_active=True
        ).order_by("full_name")


class DateForm(forms.Form):
    on = date_field("Date", "date")

    def __init__(self, *args: Any, label: str = "Date", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label
        cast(GovukDateField, self.fields["on"]).label_text = label.lower()
        self.fields["on"].error_messages["required"] = f"Enter the {label.lower()}"


class WithdrawForm(DateForm):
    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False
    )  # as opened: a later edit is refused


class ExceptionForm(forms.Form):
    reason = forms.ChoiceField(
        choices=EXCEPTION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason for the exception"},
    )
    start = date_field("Start date", "start date")
    end = date_field("End date", "end date")
    note = forms.CharField(max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be the same as or after the start date")
        return data


class SectionsForm(forms.Form):
    """Sections A-K of the plan (reg 12), plus the issue date."""

    on = date_field("Date issued", "date issued")

    def __init__(self, *args: Any, initial_sections: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, title in vocab.PLAN_SECTIONS:
            self.fields[f"section_{code}"] = forms.CharField(
                label=f"Section {code}: {title}",
                required=False,
                initial=(initial_sections or {}).get(code, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )


class AmendmentsForm(SectionsForm):
    """Amendments to a live plan: the plan's version when the form was opened, so a colleague's change
    made since is not overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FinalForm(SectionsForm):
    named_setting = SettingField(label="Named school or setting (section I)")


class ConsultationForm(forms.Form):
    consulted = date_field("Date the setting was consulted", "date the setting was consulted")
    responded = date_field("Date the setting responded", "date the setting responded", required=False)
    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False
    )  # as opened: a later edit is refused


class SchoolRequestForm(forms.Form):
    """A SENCO's request for an EHC needs assessment, with the evidence of the graduated approach."""

    child = forms.ModelChoiceField(
        label="Which pupil is the request for?",
        queryset=Child.objects.none(),
        error_messages={
            "required": "Select the pupil",
            "invalid_choice": "Select one of your school's pupils",
        },
    )
    review_cycles = forms.IntegerField(
        label="How many assess-plan-do-review cycles has the school completed?",
        min_value=0,
        max_value=99,
        error_messages={"required": "Enter the number of cycles, 0 if none"},
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}),
    )
    support_plan = forms.TypedChoiceField(
        label="Is there an SEN support plan?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes or no"},
    )
    notional_budget_used = forms.DecimalField(
        label="Notional SEN budget spent on the pupil this year, in pounds",
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        help_text="Schools meet the first £6,000 of additional support from their notional SEN budget.",
        error_messages={
            "required": "Enter the amount spent, 0 if none",
            "invalid": "Enter an amount, like 6000",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}),
    )
    summary = forms.CharField(
        label="What has the school tried, and why is it not enough?",
        max_length=20000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 8}),
        error_messages={"required": "Describe the support tried and the progress made"},
    )

    def __init__(self, *args: Any, pupils: Any, max_mb: int, **kwargs: Any) -> None:
        from sendhub.lib.filecheck import ACCEPTED_LABELS

        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["child"]).queryset = pupils
        self.fields["file"] = forms.FileField(
            label="Evidence document (optional)",
            required=False,
            help_text=f"For example the SEN support plan or the latest review. {ACCEPTED_LABELS}, {max_mb} MB at most",
            widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
        )
