"""Forms of the finance officer's edit pages. Each carries the version of the record it was opened at."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from sendhub.core.forms import GovukDateField
from sendhub.funding.forms import money_field, text
from sendhub.funding.models import CapitalStatus, Frequency, Line, ProvisionKind


class Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class FundingYearForm(Versioned):
    notional_threshold = money_field(
        "Notional SEN threshold",
        "Enter the notional SEN threshold",
        help_text="What a mainstream school meets from its notional SEN budget before top-up, like 11000.00",
    )
    allocation = money_field(
        "High Needs Block allocation",
        "Enter the High Needs Block allocation",
        help_text="The DSG high needs block for the year",
    )
    eng_children_target = forms.IntegerField(
        label="Children to reach with Exceptional Needs Grants",
        min_value=0,
        max_value=100000,
        initial=0,
        required=False,
        help_text="The strategy's target (for example 288); empty or 0 for none",
        error_messages={
            "invalid": "The ENG children target must be a whole number",
            "min_value": "The ENG children target cannot be negative",
            "max_value": "The ENG children target must be 100,000 or fewer",
        },
    )

    def clean_eng_children_target(self) -> int:
        return self.cleaned_data["eng_children_target"] or 0


class BudgetLineForm(Versioned):
    amount = money_field("Budget", "Enter the budget for the line")


def _ids(label: str, message: str, required: bool = True) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        coerce=int,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": message, "invalid_choice": f"{label}: select from the list"},
    )


class ClusterForm(Versioned):
    name = text("Name", "Enter the cluster's name", max_length=100)
    schools = _ids("Member schools", "Select the cluster's schools")
    lead_school = forms.TypedChoiceField(
        label="Lead school",
        coerce=int,
        error_messages={"required": "Select the lead school", "invalid_choice": "Select the lead school"},
    )
    leads = _ids("Lead SENCOs", "", required=False)
    budget = money_field("Budget for the year", "Enter the cluster's budget for the year")

    def __init__(
        self, *args: Any, schools: list[tuple[int, str]], sencos: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schools"].choices = schools  # type: ignore[attr-defined]  # set per request
        self.fields["lead_school"].choices = [("", "Select the lead school"), *schools]  # type: ignore[attr-defined]  # as above
        self.fields["leads"].choices = sencos  # type: ignore[attr-defined]  # as above


class BandForm(Versioned):
    code = forms.RegexField(
        label="Code",
        regex=r"^[A-Za-z0-9]{1,10}$",
        error_messages={
            "required": "Enter the band's code",
            "invalid": "The code must be up to 10 letters or digits, like B",
        },
    )
    descriptor = text("Descriptor", "Enter what the band describes", area=True)
    order = forms.IntegerField(
        label="Position in the framework",
        min_value=0,
        max_value=100,
        initial=0,
        error_messages={
            "required": "Enter the band's position",
            "invalid": "The position must be a whole number",
            "min_value": "The position cannot be negative",
            "max_value": "The position must be 100 or less",
        },
    )

    def __init__(self, *args: Any, settings: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.settings = settings
        for setting, label in settings:
            self.fields[f"value_{setting}"] = money_field(
                f"Annual value: {label}",
                "",
                required=False,
                help_text="Leave empty if the band is not used there",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"value_{s}") is not None for s, _ in self.settings):
            self.add_error(
                f"value_{self.settings[0][0]}", "Enter the band's value for at least one type of setting"
            )
        return data

    def values(self) -> dict[str, Decimal | None]:
        return {s: self.cleaned_data.get(f"value_{s}") for s, _ in self.settings}


class ProvisionForm(Versioned):
    school = forms.TypedChoiceField(
        label="School",
        coerce=int,
        error_messages={"required": "Select the school", "invalid_choice": "Select the school"},
    )
    kind = forms.ChoiceField(
        label="Kind of provision",
        choices=ProvisionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of provision"},
    )
    name = text("Name", "Enter the provision's name", max_length=200)
    need = forms.RegexField(
        label="Designated need",
        regex=r"^[A-Za-z]{2,4}$",
        help_text="The SEN2 code of the primary need, like ASD or SEMH",
        error_messages={
            "required": "Enter the designated need",
            "invalid": "Enter a SEN2 need code, like ASD",
        },
    )
    phase = text("Phase", "Enter the phase, like Primary", max_length=20)
    commissioned_places = forms.IntegerField(
        label="Commissioned places",
        min_value=0,
        max_value=2000,
        error_messages={
            "required": "Enter the commissioned places",
            "invalid": "Commissioned places must be a whole number",
            "min_value": "Commissioned places cannot be negative",
            "max_value": "Commissioned places must be 2,000 or fewer",
        },
    )
    place_value = money_field(
        "Annual place funding", "Enter the annual place funding", initial=Decimal("10000")
    )

    def __init__(self, *args: Any, schools: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [("", "Select the school"), *schools]  # type: ignore[attr-defined]  # set per request

    def clean_need(self) -> str:
        return str(self.cleaned_data["need"]).upper()


class TargetForm(Versioned):
    baseline_on = GovukDateField(label="Baseline date", label_text="baseline date")
    reduction_percent = forms.DecimalField(
        label="Reduction (%)",
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        error_messages={
            "required": "Enter the reduction",
            "invalid": "The reduction must be a number, like 50",
            "min_value": "The reduction cannot be negative",
            "max_value": "The reduction must be 100%% or less",
            "max_decimal_places": "The reduction can have one decimal place",
        },
    )
    target_on = GovukDateField(label="Target date", label_text="target date")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("baseline_on") and data.get("target_on") and data["target_on"] <= data["baseline_on"]:
            self.add_error("target_on", "The target date must be after the baseline date")
        return data


class CapitalGrantForm(Versioned):
    school = forms.TypedChoiceField(
        label="School",
        coerce=int,
        error_messages={"required": "Select the school", "invalid_choice": "Select the school"},
    )
    amount = money_field("Amount", "Enter the amount of the grant")
    purpose = text("Purpose", "Enter the purpose of the grant", max_length=200)
    status = forms.ChoiceField(
        label="Status",
        choices=CapitalStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the status"},
    )
    awarded_on = GovukDateField(label="Date awarded", label_text="date awarded")
    completed_on = GovukDateField(label="Date completed", label_text="date completed", required=False)
    places_delivered = forms.IntegerField(
        label="Places delivered",
        min_value=0,
        max_value=2000,
        initial=0,
        error_messages={
            "required": "Enter the places delivered, 0 if none",
            "invalid": "Places delivered must be a whole number",
            "min_value": "Places delivered cannot be negative",
            "max_value": "Places delivered must be 2,000 or fewer",
        },
    )
    adaptations = text("Adaptations delivered", "", required=False, max_length=300)

    def __init__(self, *args: Any, schools: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].choices = [("", "Select the school"), *schools]  # type: ignore[attr-defined]  # set per request

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amount") is not None and data["amount"] <= 0:
            self.add_error("amount", "The amount must be more than £0")
        if data.get("status") == CapitalStatus.COMPLETED and not data.get("completed_on"):
            self.add_error("completed_on", "Enter the date the project was completed")
        if data.get("awarded_on") and data.get("completed_on") and data["completed_on"] < data["awarded_on"]:
            self.add_error("completed_on", "The project cannot be completed before the grant was awarded")
        return data


def _line_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Select the budget line"), *Line.choices],
        error_messages={"required": "Select the budget line", "invalid_choice": "Select the budget line"},
    )


class CommitmentForm(Versioned):
    line = _line_field("Budget line")
    description = text(
        "Description",
        "Enter what the commitment pays for",
        max_length=200,
        help_text="For example, Sensory support service contract",
    )
    amount = money_field(
        "Amount", "Enter the amount", help_text="For each week, term or year, as chosen below"
    )
    frequency = forms.ChoiceField(
        label="Paid",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how often it is paid",
            "invalid_choice": "Select how often it is paid",
        },
    )
    start = GovukDateField(label="Start date", label_text="start date")
    end = GovukDateField(
        label="End date",
        label_text="end date",
        required=False,
        help_text="Leave empty while it lasts; enter a date to end it",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be on or after the start date")
        return data


class AdjustmentForm(Versioned):
    line = _line_field("Budget line")
    amount = forms.DecimalField(
        label="Change to the year's outturn",
        max_digits=12,
        decimal_places=2,
        help_text="In pounds, spread over the months from the first month to March; negative for a saving, like -5000",
        error_messages={
            "required": "Enter the change to the year's outturn",
            "invalid": "The change must be an amount of money, like 12000.00 or -5000",
            "max_decimal_places": "The change must be in pounds and pence",
            "max_digits": "The change must be less than £10,000,000,000",
        },
    )
    from_month = GovukDateField(
        label="First month",
        label_text="first month",
        help_text="Any day of the month the change starts, like 1 10 2026",
    )
    reason = text("Reason", "Enter the reason for the adjustment", max_length=200)

    def clean_amount(self) -> Decimal:
        amount: Decimal = self.cleaned_data["amount"]
        if amount == 0:
            raise forms.ValidationError("Enter a change other than £0")
        return amount
