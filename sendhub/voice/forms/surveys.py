"""Surveys: building them, sending them, answering them, themes and "you said, we did"."""

from __future__ import annotations

from typing import Any

from django import forms

from sendhub.voice.forms.fields import text_field, textarea_field
from sendhub.voice.models import QuestionKind, Trigger
from sendhub.voice.models.surveys import SCALE_LABELS


class SurveyForm(forms.Form):
    title = text_field("Survey title", "Enter a title")
    introduction = textarea_field(
        "Introduction", "", required=False, help_text="Shown at the top of the survey"
    )
    trigger = forms.ChoiceField(
        label="When is it sent?",
        choices=Trigger.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when the survey is sent"},
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of question",
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of question"},
    )
    text = text_field("Question", "Enter the question", max_length=300)
    hint = text_field("Hint", "", max_length=300, required=False)
    choices = textarea_field(
        "Options", "", required=False, help_text="For radios and checkboxes: one option on each line"
    )
    required = forms.BooleanField(label="Families must answer this question", required=False, initial=True)
    measures_satisfaction = forms.BooleanField(
        label="Counts towards the 75% satisfaction target (1 to 5 scales only)", required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        options = [c.strip() for c in data.get("choices", "").splitlines() if c.strip()]
        data["choices"] = options
        if data.get("kind") in {QuestionKind.RADIOS, QuestionKind.CHECKBOXES} and len(options) < 2:
            self.add_error("choices", "Enter at least 2 options, one on each line")
        if data.get("measures_satisfaction") and data.get("kind") != QuestionKind.SCALE:
            self.add_error("measures_satisfaction", "Only a 1 to 5 scale question can measure satisfaction")
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Family's email address",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


class ThemesForm(forms.Form):
    themes = text_field("Themes", "", required=False, max_length=400, help_text="Separate themes with commas")

    def clean_themes(self) -> list[str]:
        return [t.strip() for t in self.cleaned_data["themes"].split(",") if t.strip()]


class YouSaidWeDidForm(forms.Form):
    you_said = textarea_field("You said", "Enter what families said", max_length=1000)
    we_did = textarea_field("We did", "Enter what the service did", max_length=1000)
    publish = forms.BooleanField(label="Publish now on the public page", required=False)


def answer_form_class(questions: list[Any]) -> type[forms.Form]:
    """A form with one GOV.UK field per survey question (radios, checkboxes, textarea or 1 to 5 scale)."""
    fields: dict[str, forms.Field] = {}
    for q in questions:
        common: dict[str, Any] = {"label": q.text, "help_text": q.hint, "required": q.required}
        if q.kind == QuestionKind.SCALE:
            fields[f"q{q.pk}"] = forms.TypedChoiceField(
                choices=list(SCALE_LABELS.items()),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Select an answer from 1 to 5"},
                **common,
            )
        elif q.kind == QuestionKind.RADIOS:
            fields[f"q{q.pk}"] = forms.ChoiceField(
                choices=[(c, c) for c in q.choices],
                widget=forms.RadioSelect,
                error_messages={"required": "Select an answer"},
                **common,
            )
        elif q.kind == QuestionKind.CHECKBOXES:
            fields[f"q{q.pk}"] = forms.MultipleChoiceField(
                choices=[(c, c) for c in q.choices],
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": "Select at least one answer"},
                **common,
            )
        else:
            fields[f"q{q.pk}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=5000,
                error_messages={"required": "Enter your answer"},
                **common,
            )
    return type("SurveyAnswerForm", (forms.Form,), fields)


class SurveySettingsForm(SurveyForm):
    is_active = forms.BooleanField(
        label="Active: sent automatically at its key point", required=False, initial=True
    )
