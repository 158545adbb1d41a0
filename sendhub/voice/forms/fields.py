"""Text fields with GOV.UK error messages, shared by the family voice forms."""

from __future__ import annotations

from django import forms


def text_field(
    label: str, error: str, *, max_length: int = 200, required: bool = True, help_text: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages={"required": error, "max_length": f"{label} must be {max_length} characters or fewer"},
    )


def textarea_field(
    label: str, error: str, *, required: bool = True, help_text: str = "", max_length: int = 5000
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": error, "max_length": f"{label} must be {max_length} characters or fewer"},
    )
