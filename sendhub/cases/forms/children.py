"""Children and young people: details, intake, people around them, placements, transfers, caseloads."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.accounts.models import User
from sendhub.cases import vocab
from sendhub.cases.forms.fields import date_field
from sendhub.cases.la_codes import ENGLISH_LAS
from sendhub.cases.models import (
    Child,
    ContactPreference,
    TransferDirection,
)
from sendhub.cases.models.assessments import SOURCE_CHOICES
from sendhub.cases.models.children import EDITABLE_FIELDS
from sendhub.schools.forms import SettingField, keep_named_settings


class ChildForm(forms.ModelForm):
    school = SettingField(label="Current school or setting (if any)")
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
        keep_named_settings(self)

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
    school = SettingField(label="Current school or setting (if any)")
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


class TransferForm(forms.Form):
    direction = forms.ChoiceField(
        choices=TransferDirection.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the direction"},
    )
    other_la = forms.ChoiceField(
        label="Other local authority",
        choices=[
            *sorted(ENGLISH_LAS.items(), key=lambda item: item[1]),
            ("XXX", "Outside England or unknown"),
        ],
    )
    notified_on = date_field("Date notified", "date notified")
    transferred_on = date_field("Date transferred", "date transferred", required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PlanTransferForm(forms.Form):
    """A child with a plan moving to another authority in England (SEND Regulations 2014 reg 15)."""

    new_authority = forms.CharField(
        label="The local authority the family is moving to",
        help_text="Its name or its three-digit DfE code, for example Barnet or 302",
        max_length=120,
        error_messages={"required": "Enter the local authority the family is moving to"},
    )
    moved_on = date_field("Date of the move", "date of the move")
    aware_on = date_field(
        "Date we became aware of the move",
        "date we became aware of the move",
        help_text="The day the family or anyone else told us. For example, 27 3 2025",
    )
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
    school = SettingField(label="School or setting")
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
        keep_named_settings(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("school") and not data.get("sen_setting") and "school" not in self.errors:
            self.add_error("school", "Choose the school or setting, or the type of setting if it has no URN")
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The end date must be the same as or after the start date")
        if "rank" in data:
            data["rank"] = int(data["rank"])
        return data
