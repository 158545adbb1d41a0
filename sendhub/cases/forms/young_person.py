"""Inviting a young person (CFA 2014 s.83(2)) as the account for their own record."""

from __future__ import annotations

from django import forms


class YoungPersonInviteForm(forms.Form):
    full_name = forms.CharField(
        label="Their full name",
        max_length=150,
        error_messages={"required": "Enter the young person's full name"},
    )
    email = forms.EmailField(
        label="Their email address",
        max_length=254,
        help_text="We email them a link to set a password. It expires.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the young person's email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()
