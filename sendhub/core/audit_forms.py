from __future__ import annotations

from typing import Any

from django import forms

from sendhub.core.forms import GovukDateField
from sendhub.core.selectors import AuditFilter


class AuditSearchForm(forms.Form):
    actor_email = forms.CharField(label="Person's email address contains", required=False, max_length=254)
    action = forms.CharField(
        label="Action starts with",
        required=False,
        max_length=80,
        help_text="For example cases.child.viewed or accounts.",
    )
    target_type = forms.CharField(
        label="Record type", required=False, max_length=80, help_text="For example cases.child"
    )
    target_id = forms.CharField(label="Record number", required=False, max_length=64)
    date_from = GovukDateField(label="From", label_text="start date", required=False)
    date_to = GovukDateField(label="To", label_text="end date", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return data

    def criteria(self) -> AuditFilter:
        return AuditFilter(**{k: v for k, v in self.cleaned_data.items() if v})
