"""The print queue, a batch of letters, and sending one review invitation."""

from __future__ import annotations

from typing import Any

from django import forms

from sendhub.cases.forms.fields import date_field


class MarkPrintedForm(forms.Form):
    letters = forms.MultipleChoiceField(
        label="Letters printed and posted",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the letters you have printed"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["letters"].choices = choices  # type: ignore[attr-defined]


class LetterBatchForm(forms.Form):
    template_key = forms.ChoiceField(
        label="Which letters?", widget=forms.RadioSelect, error_messages={"required": "Select the letters"}
    )
    month = date_field(
        "For the month of",
        "month",
        help_text="Any day in the month; for example, 1 2 2027 for February 2027",
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template_key"].choices = choices  # type: ignore[attr-defined]
