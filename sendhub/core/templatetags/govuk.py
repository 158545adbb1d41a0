from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField

from sendhub.core.forms import widget_kind

register = template.Library()


@register.filter
def govuk_kind(field: BoundField) -> str:
    return widget_kind(field.field.widget)


@register.simple_tag
def govuk_widget(field: BoundField, css_class: str, describedby: str = "") -> Any:
    """Render the widget with GOV.UK classes and aria-describedby pointing at the hint and error."""
    attrs = dict(field.field.widget.attrs)
    existing = attrs.get("class", "")
    attrs["class"] = f"{css_class} {existing}".strip()
    if field.errors:
        attrs["class"] += f" {css_class}--error"
    if describedby:
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)


@register.simple_tag
def govuk_date(field: BoundField) -> Any:
    """The date input's three boxes, each marked as in error (red border) when the field has an error, as
    GOV.UK's date input pattern asks; the message itself is above them (govuk/field.html)."""
    return field.as_widget(attrs={"error_class": "govuk-input--error"} if field.errors else None)
