"""Choosing a setting in a form: a text field taking its URN or its name, never a list of every setting.

With the whole GIAS file imported (about 50,000 settings) a `<select>` of them all would make a page of
megabytes; instead a person types the URN or the name, and the hint links to the settings search
("Find a setting") which lists matches with URN, type, local authority and postcode. On submit the text must
mean exactly one open setting (`selectors.settings_named`); a setting the record already names is kept
even if it has since closed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sendhub.schools import selectors
from sendhub.schools.models import School

MAX_LISTED = 5


def _hint(extra: str) -> SafeString:
    return format_html(
        '{}Enter its URN or its name. <a class="govuk-link" href="{}" target="_blank" '
        'rel="noopener noreferrer">Find a setting (opens in new tab)</a>',
        extra,
        reverse("schools:school_list"),
    )


setting_hint = lazy(_hint, SafeString)


def _describe(school: School) -> str:
    place = ", ".join(p for p in (school.la_name, school.postcode) if p)
    return f"{school.name} (URN {school.urn}{', ' + place if place else ''})"


class SettingField(forms.Field):
    """A school or other setting, entered by URN or name; cleans to a `School` or None when left empty."""

    widget = forms.TextInput

    def __init__(
        self, *, label: str = "School or setting", required: bool = False, hint: str = "", **kw: Any
    ):
        kw.setdefault("help_text", setting_hint(hint))
        super().__init__(label=label, required=required, **kw)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.keep: set[int] = set()  # URNs of settings the record already names (accepted though closed)

    def prepare_value(self, value: Any) -> Any:
        """Initial values (a School or its id) show as the URN; what a person typed shows as typed."""
        if isinstance(value, School):
            return str(value.urn)
        if isinstance(value, int):
            return str(selectors.urns_of([value]).get(value, ""))
        return value

    def to_python(self, value: Any) -> School | None:
        if isinstance(value, School):
            return value
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if selectors.is_urn(text) and int(text) in self.keep:
            return School.objects.get(urn=int(text))
        matches = list(selectors.settings_named(text)[: MAX_LISTED + 1])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            if text.isascii() and text.isdigit():
                raise forms.ValidationError(f"No open setting has URN {text}")
            raise forms.ValidationError(
                f"No open setting is called \u201c{text}\u201d: check the name, or enter its URN"
            )
        listed = "; ".join(_describe(s) for s in matches[:MAX_LISTED])
        more = " and others" if len(matches) > MAX_LISTED else ""
        raise forms.ValidationError(
            f"More than one setting matches \u201c{text}\u201d: enter its URN ({listed}{more})"
        )

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            chosen = self.to_python(data)
        except forms.ValidationError:
            return True
        before = initial.pk if isinstance(initial, School) else initial
        return (before or None) != (chosen.pk if chosen else None)


class SettingsField(forms.Field):
    """Several settings, one URN or name a line; cleans to a list of `School`."""

    widget = forms.Textarea

    def __init__(self, *, label: str, required: bool = False, hint: str = "", **kw: Any):
        kw.setdefault("help_text", setting_hint(hint or "One a line. "))
        super().__init__(label=label, required=required, **kw)
        self.widget.attrs.update({"rows": 3, "spellcheck": "false"})
        self.keep: set[int] = set()

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            one = SettingField()
            return "\n".join(str(one.prepare_value(v)) for v in value)
        return value

    def to_python(self, value: Any) -> list[School]:
        one = SettingField()
        one.keep = self.keep
        lines = value if isinstance(value, list | tuple) else str(value or "").splitlines()
        chosen: list[School] = []
        for line in lines:
            school = one.clean(line)
            if school is not None and school not in chosen:
                chosen.append(school)
        return chosen

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def keep_named_settings(form: forms.BaseForm) -> None:
    """Let each setting field of `form` accept the setting(s) it starts with, even if since closed."""
    for name, field in form.fields.items():
        if isinstance(field, SettingField | SettingsField):
            initial = form.get_initial_for_field(field, name)
            values = initial if isinstance(initial, list | tuple) else [initial]
            field.keep = {int(u) for u in (field.prepare_value(v) for v in values if v) if str(u).isdigit()}
