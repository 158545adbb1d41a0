"""Shared pieces of the casework forms."""

from __future__ import annotations

from sendhub.core.forms import GovukDateField

YES_NO = [("yes", "Yes"), ("no", "No")]


def date_field(label: str, what: str, *, required: bool = True, help_text: str = "") -> GovukDateField:
    return GovukDateField(
        label=label, label_text=what, required=required, help_text=help_text or "For example, 27 3 2025"
    )
