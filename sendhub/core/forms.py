"""GOV.UK Frontend markup for Django forms: labels, hints, error messages and the date-input pattern.

Every field is rendered through `govuk/field.html`, so `{{ form }}` or `{{ form.x.as_field_group }}` gives
GOV.UK markup without per-page work.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates

from sendhub.core.exceptions import SendHubError
from sendhub.core.params import parse_date_parts


class GovukFormRenderer(DjangoTemplates):
    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"


def widget_kind(widget: forms.Widget) -> str:
    """Which GOV.UK component draws this widget (used by govuk/field.html)."""
    if isinstance(widget, DateInput):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(
        widget, forms.CheckboxSelectMultiple
    ):  # before RadioSelect: Django subclasses it from there
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.FileInput):
        return "file-upload"
    return "input"


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: three boxes for day, month and year."""

    template_name = "govuk/widgets/date_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        parts = (
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                }
            ),
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": "govuk-input govuk-date-input__input govuk-input--width-4",
                }
            ),
        )
        super().__init__(parts, attrs)

    def id_for_label(self, id_: str) -> str:
        """The day box: the error summary's link for a date lands on its first input (Django's MultiWidget
        gives no id, so the link went nowhere)."""
        return f"{id_}_0" if id_ else id_

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], ("Day", "Month", "Year"), strict=True):
            subwidget["label"] = label
        return context


class GovukDateField(forms.MultiValueField):
    """A date entered as day, month and year, with GOV.UK error wording."""

    widget = DateInput

    def __init__(self, *, label_text: str = "date", **kwargs: Any) -> None:
        self.label_text = label_text
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter the {label_text}")
        kwargs["error_messages"].setdefault(
            "incomplete", f"The {label_text} must include a day, month and year"
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        if not (day and month and year):
            missing = [
                name
                for name, part in zip(("day", "month", "year"), (day, month, year), strict=True)
                if not part
            ]
            raise forms.ValidationError(f"The {self.label_text} must include a {' and '.join(missing)}")
        value = parse_date_parts(day, month, year)
        if value is None:
            raise forms.ValidationError(f"The {self.label_text} must be a real date")
        return value


def add_refusal(form: forms.BaseForm, error: SendHubError) -> None:
    """Show a service's refusal on the form: beside the field it names, when the form has that field
    (GOV.UK error message and summary), otherwise in the error summary only."""
    form.add_error(error.field if error.field in form.fields else None, str(error))
