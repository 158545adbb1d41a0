"""Each Django widget is drawn by the right GOV.UK component."""

from __future__ import annotations

import pytest
from django import forms

from sendhub.core.forms import DateInput, widget_kind


@pytest.mark.parametrize(
    ("widget", "kind"),
    [
        (forms.CheckboxSelectMultiple(), "checkboxes"),  # a subclass of RadioSelect in Django 5
        (forms.RadioSelect(), "radios"),
        (forms.CheckboxInput(), "checkbox"),
        (DateInput(), "date"),
        (forms.Textarea(), "textarea"),
        (forms.Select(), "select"),
        (forms.TextInput(), "input"),
    ],
)
def test_widget_kind(widget, kind):
    assert widget_kind(widget) == kind


def test_checkboxes_let_several_options_be_chosen():
    class Form(forms.Form):
        days = forms.MultipleChoiceField(
            choices=[("MO", "Monday"), ("TU", "Tuesday")], widget=forms.CheckboxSelectMultiple
        )

    html = str(Form()["days"].as_field_group())
    assert html.count('type="checkbox"') == 2 and 'type="radio"' not in html
