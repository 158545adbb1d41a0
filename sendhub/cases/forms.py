"""Casework forms: input checks in GOV.UK wording; the rules and services do the rest."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.accounts.models import Role, User
from sendhub.cases import vocab
from sendhub.cases.models import (
    AppealKind,
    AppealOutcome,
    AppealSubject,
    Child,
    ContactPreference,
    Outcome,
    PanelOutcome,
    PanelQuestion,
    TransferDirection,
)
from sendhub.cases.models.assessments import EXCEPTION_CHOICES, SOURCE_CHOICES
from sendhub.cases.models.children import EDITABLE_FIELDS
from sendhub.cases.models.plans import Grade
from sendhub.cases.rules import CeaseReason
from sendhub.core.forms import GovukDateField
from sendhub.schools.models import School

YES_NO = [("yes", "Yes"), ("no", "No")]


def date_field(label: str, what: str, *, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(
        label=label, label_text=what, required=required, help_text=help_text or "For example, 27 3 2025"
    )


class ChildForm(forms.ModelForm):
    birth_date = date_field("Date of birth", "date of birth")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Child
        fields = EDITABLE_FIELDS
        widgets = {"sex": forms.RadioSelect, "sen_status": forms.RadioSelect}
        error_messages = {
            "first_name": {"required": "Enter the first name"},
            "last_name": {"required": "Enter the last name"},
            "sex": {"required": "Select the sex recorded for SEN2"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = School.objects.order_by("name")
        self.fields["school"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("secondary_need") and data.get("secondary_need") == data.get("primary_need"):
            self.add_error("secondary_need", "The secondary need must differ from the primary need")
        return data


class IntakeForm(forms.Form):
    """A new request for an EHC needs assessment, with the child's identifying details."""

    first_name = forms.CharField(max_length=100, error_messages={"required": "Enter the child's first name"})
    last_name = forms.CharField(max_length=100, error_messages={"required": "Enter the child's last name"})
    birth_date = date_field("Date of birth", "date of birth")
    sex = forms.ChoiceField(
        choices=[("M", "Male"), ("F", "Female")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the sex recorded for SEN2"},
    )
    upn = forms.CharField(label="UPN (if known)", max_length=13, required=False)
    school = forms.ModelChoiceField(
        label="Current school or setting (if any)", required=False, queryset=School.objects.order_by("name")
    )
    received = date_field("Date the request was received", "date the request was received")
    source = forms.ChoiceField(
        label="Who made the request",
        choices=SOURCE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who made the request"},
    )
    requester_name = forms.CharField(label="Name of the person who asked", max_length=150, required=False)
    confirm_new = forms.BooleanField(
        label="None of the records listed is this child: create a new record", required=False
    )


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


class FinalForm(SectionsForm):
    named_setting = forms.ModelChoiceField(
        label="Named school or setting (section I)", required=False, queryset=School.objects.order_by("name")
    )


class ConsultationForm(forms.Form):
    consulted = date_field("Date the setting was consulted", "date the setting was consulted")
    responded = date_field("Date the setting responded", "date the setting responded", required=False)


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


class ReviewOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[
            ("keep", "Keep the plan as it is"),
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


class TransferForm(forms.Form):
    direction = forms.ChoiceField(
        choices=TransferDirection.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the direction"},
    )
    other_la = forms.ChoiceField(
        label="Other local authority",
        choices=[*sorted(vocab.LA_CODES_LONDON.items()), ("XXX", "Outside London or unknown")],
    )
    notified_on = date_field("Date notified", "date notified")
    transferred_on = date_field("Date transferred", "date transferred", required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReassignForm(forms.Form):
    officer = forms.ModelChoiceField(
        label="Case officer",
        queryset=User.objects.none(),
        error_messages={"required": "Choose a case officer"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, officers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["officer"]).queryset = (
            officers if officers is not None else User.objects.none()
        )


class ParentForm(forms.Form):
    name = forms.CharField(max_length=150, error_messages={"required": "Enter the name"})
    relationship = forms.CharField(
        max_length=60, initial="Parent", error_messages={"required": "Enter the relationship"}
    )
    parental_responsibility = forms.BooleanField(
        label="Has parental responsibility", required=False, initial=True
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    phone = forms.CharField(label="Phone number", max_length=30, required=False)
    address = forms.CharField(max_length=200, required=False)
    contact_preference = forms.ChoiceField(
        label="How they prefer to be contacted",
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how they prefer to be contacted"},
    )
    language = forms.CharField(label="Preferred language", max_length=60, required=False, initial="English")
    interpreter_needed = forms.BooleanField(label="Needs an interpreter", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        preference = data.get("contact_preference")
        if preference == "email" and not data.get("email"):
            self.add_error("email", "Enter an email address, or choose another way to contact them")
        if preference in {"phone", "text"} and not data.get("phone"):
            self.add_error("phone", "Enter a phone number, or choose another way to contact them")
        if preference == "post" and not data.get("address"):
            self.add_error("address", "Enter an address, or choose another way to contact them")
        return data


class ConfirmForm(forms.Form):
    """No fields: a confirmation page's POST is the confirmation."""


class ProfessionalForm(forms.Form):
    name = forms.CharField(max_length=150, error_messages={"required": "Enter the name"})
    role = forms.CharField(max_length=100, error_messages={"required": "Enter their role"})
    organisation = forms.CharField(max_length=150, required=False)
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", max_length=30, required=False)


class PlacementForm(forms.Form):
    school = forms.ModelChoiceField(label="School or setting", required=False, queryset=School.objects.none())
    sen_setting = forms.ChoiceField(
        label="Type of setting, if it has no URN",
        required=False,
        choices=[("", "Not applicable"), *vocab.SEN_SETTINGS_NO_URN],
    )
    rank = forms.ChoiceField(
        choices=[("1", "Primary placement"), ("2", "Secondary placement")],
        widget=forms.RadioSelect,
        initial="1",
        error_messages={"required": "Select primary or secondary placement"},
    )
    start = date_field("Start date", "start date")
    end = date_field("End date", "end date", required=False)
    sen_unit = forms.BooleanField(label="In a SEN unit", required=False)
    resourced_provision = forms.BooleanField(label="In resourced provision", required=False)
    work_based = forms.ChoiceField(
        label="Work-based learning",
        required=False,
        choices=[("", "None"), *vocab.WORK_BASED_LEARNING],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["school"]).queryset = School.objects.order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("school") and not data.get("sen_setting"):
            self.add_error("school", "Choose the school or setting, or the type of setting if it has no URN")
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be the same as or after the start date")
        if "rank" in data:
            data["rank"] = int(data["rank"])
        return data


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

    named_setting = forms.ModelChoiceField(
        label="School or other institution named", required=False, queryset=School.objects.none()
    )
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
    second_setting = forms.ModelChoiceField(
        label="Second named setting (dual placement)", required=False, queryset=School.objects.none()
    )
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
        for name in ("named_setting", "second_setting"):
            cast(forms.ModelChoiceField, self.fields[name]).queryset = School.objects.order_by("name")
            # One group of checkboxes per setting shows the plan's two booleans for it.
            self.initial[f"{name}_units"] = [c for c, _ in UNIT_CHOICES if self.initial.get(f"{name}_{c}")]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("named_setting", "second_setting"):
            ticked = cleaned.get(f"{name}_units") or []
            for choice, _ in UNIT_CHOICES:
                cleaned[f"{name}_{choice}"] = choice in ticked
        return cleaned
