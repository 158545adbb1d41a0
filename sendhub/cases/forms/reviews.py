"""The structured annual review (regs 19-21) and the consultations with settings (CFA s.39)."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.cases import rules, vocab
from sendhub.cases.forms.fields import date_field
from sendhub.cases.models import ContributorKind, ParticipantRole, Progress
from sendhub.cases.models.plans import REVIEW_OUTCOME_CHOICES
from sendhub.lib.filecheck import ACCEPTED_LABELS
from sendhub.schools.forms import SettingField, SettingsField


def _text(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 4}))


def _file_field(label: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        help_text=ACCEPTED_LABELS,
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )


class ReviewRecordForm(forms.Form):
    """What the review found and recommends (regs 19-21); the PfA sections only from year 9."""

    at_school = forms.BooleanField(
        label="The child or young person attends a school (reg 20; otherwise reg 21)", required=False
    )
    child_views = _text("Views, wishes and feelings of the child or young person")
    parent_views = _text("Views of the parents or carers")
    meets_needs = forms.ChoiceField(
        label="Does the plan still meet the child's or young person's needs?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        required=False,
    )
    meets_needs_notes = _text("Why, or what has changed")
    recommendations = _text("Recommendations of the review")
    recommended_outcome = forms.ChoiceField(
        label="The review recommends that the authority",
        choices=REVIEW_OUTCOME_CHOICES,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, pfa_due: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if pfa_due:
            for area in rules.PfaArea:
                self.fields[f"pfa_{area.value}"] = _text(
                    f"Preparing for Adulthood: {rules.PFA_LABELS[area].lower()} (required from year 9, reg 20(6))"
                )
        for code, name in vocab.PLAN_SECTIONS:
            self.fields[f"change_{code}"] = _text(
                f"Proposed change to section {code}: {name} (leave blank to keep it)"
            )

    def pfa(self) -> dict[str, str]:
        return {a.value: self.cleaned_data.get(f"pfa_{a.value}", "") for a in rules.PfaArea}

    def changes(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"change_{code}", "") for code, _ in vocab.PLAN_SECTIONS}


class ReviewProgressForm(forms.Form):
    """Reg 20(5): progress towards each outcome of the plan reviewed."""

    def __init__(self, *args: Any, outcomes: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        for o in outcomes:
            self.fields[f"progress_{o.pk}"] = forms.ChoiceField(
                label=f"Outcome: {o.description}",
                choices=Progress.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Select the progress towards this outcome"},
            )
            self.fields[f"notes_{o.pk}"] = _text("Evidence and comments")

    def entries(self) -> list[tuple[Any, str, str]]:
        return [
            (o, self.cleaned_data[f"progress_{o.pk}"], self.cleaned_data.get(f"notes_{o.pk}", ""))
            for o in self.outcomes
        ]


class ParticipantForm(forms.Form):
    name = forms.CharField(label="Name", max_length=150, error_messages={"required": "Enter the name"})
    role = forms.ChoiceField(
        label="Who are they?",
        choices=ParticipantRole.choices,
        error_messages={"required": "Select who they are"},
    )
    attended = forms.BooleanField(label="They came to the meeting", required=False)


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who came to the meeting?", required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(self, *args: Any, participants: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.MultipleChoiceField, self.fields["attended"])
        field.choices = [(str(p.pk), str(p)) for p in participants]
        self.initial.setdefault("attended", [str(p.pk) for p in participants if p.attended])


class ContributionForm(forms.Form):
    author_name = forms.CharField(
        label="From", max_length=150, error_messages={"required": "Enter who it is from"}
    )
    kind = forms.ChoiceField(
        label="Who are they?",
        choices=ContributorKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who it is from"},
    )
    text = _text("Their views, advice or information")
    file = _file_field("A document (optional)")


class ConsultSettingsForm(forms.Form):
    """CFA s.39(2)-(3), s.40(3): consult one or more settings on the same day (each by URN or name)."""

    schools = SettingsField(
        label="Settings to consult",
        required=True,
        hint="One a line. ",
        error_messages={"required": "Choose at least one setting to consult"},
    )
    preferred = SettingField(label="The setting the parent or young person asked for (if any)")
    sent = date_field("Date the consultations were sent", "date the consultations were sent")


class ConsultationAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label="The setting's answer",
        choices=[(k.value, v) for k, v in rules.ANSWER_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the setting's answer"},
    )
    answered_on = date_field("Date of the answer", "date of the answer")
    reasons = _text("Reasons (needed unless the setting agrees)")
    file = _file_field("The setting's letter or other document (optional)")
