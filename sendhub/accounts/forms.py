from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import SetPasswordForm as DjangoSetPasswordForm

from sendhub.accounts.models import Role, Team, User
from sendhub.core.params import parse_int
from sendhub.schools.forms import SettingsField, keep_named_settings


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )

    error_messages = {
        "invalid_login": "Enter a correct email address and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Contact your SEND service administrator.",
    }

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()


class OtpTokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        max_length=6,
        min_length=6,
        help_text="The 6-digit code shown in your authenticator app",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "class": "govuk-input--width-5"}
        ),
        error_messages={
            "required": "Enter the security code",
            "min_length": "The security code must be 6 digits",
            "max_length": "The security code must be 6 digits",
        },
    )

    def clean_token(self) -> str:
        token = str(self.cleaned_data["token"]).strip()
        if parse_int(token) is None:
            raise forms.ValidationError("The security code must be 6 digits")
        return token


class UserForm(forms.ModelForm):
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a role"},
    )
    team = forms.ModelChoiceField(
        label="Team", queryset=Team.objects.all(), required=False, empty_label="No team"
    )
    schools = SettingsField(label="Schools (SENCOs only)")

    class Meta:
        model = User
        fields = ["full_name", "email", "phone", "role", "team", "schools", "is_active"]
        labels = {
            "full_name": "Full name",
            "email": "Email address",
            "phone": "Phone number (optional)",
            "is_active": "Account is active (untick to stop this person signing in)",
        }
        error_messages = {
            "full_name": {"required": "Enter the person's full name"},
            "email": {
                "required": "Enter an email address",
                "unique": "An account with this email address already exists",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep_named_settings(self)

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == Role.SENCO and not data.get("schools"):
            self.add_error("schools", "Select at least one school for a SENCO")
        if data.get("role") == Role.YOUNG_PERSON and self.instance.role != Role.YOUNG_PERSON:
            # The account belongs to a record (cases.services.young_person checks the age): made from there.
            self.add_error(
                "role",
                "Invite a young person from their own record: open the child's page and follow the link to invite "
                "them to their own account (or run sendhub invite with --child)",
            )
        return data


class ResetRequestForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The address you sign in with",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def users(self) -> list[User]:
        """Active accounts with this address, whether or not they have set a password yet (an invited
        person who lost the invitation can still get in)."""
        return list(User.objects.filter(email__iexact=self.cleaned_data["email"], is_active=True))


class SetPasswordForm(DjangoSetPasswordForm):
    """Django's form (validators, two matching entries) with the words a GOV.UK service uses."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields[
            "new_password1"
        ].help_text = (
            "At least 12 characters. Not a common password, and not like your name or email address."
        )
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"
        self.error_messages = {**self.error_messages, "password_mismatch": "The two passwords do not match"}


class InviteForm(UserForm):
    """A new account: the same fields as the user form, without 'active' (an invitation is)."""

    class Meta(UserForm.Meta):
        fields = ["full_name", "email", "phone", "role", "team", "schools"]


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name"]
        labels = {"name": "Team name"}
        help_texts = {"name": "For example: 0 to 5s, Primary, Secondary, Post-16"}
        error_messages = {
            "name": {
                "required": "Enter the team's name",
                "unique": "A team with this name already exists",
                "max_length": "The team's name must be 100 characters or fewer",
            }
        }

    def clean_name(self) -> str:
        return " ".join(str(self.cleaned_data["name"]).split())
