"""Forms of the package edit page and the SEND admissions panel's pages (panel meetings, referrals and
their steps). Input checks only, in GOV.UK wording."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from sendhub.core.forms import GovukDateField
from sendhub.funding.forms import PackageForm
from sendhub.funding.models import ReferralStatus


class PackageChangeForm(PackageForm):
    """A package's terms; the child stays (a package for another child is a new package)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["child"]


class PackageEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = GovukDateField(label="Last day of the package", label_text="last day of the package")


class PanelForm(forms.Form):
    meets_on = GovukDateField(label="Date of the meeting", label_text="date of the meeting")


class ReferralForm(forms.Form):
    child = forms.CharField(
        label="Case reference",
        max_length=20,
        help_text="The child's case reference, like SH-0000123",
        error_messages={"required": "Enter the child's case reference"},
    )
    provision = forms.TypedChoiceField(
        label="Special school or resourced provision",
        coerce=int,
        error_messages={
            "required": "Select the special school or resourced provision",
            "invalid_choice": "Select the special school or resourced provision",
        },
    )
    need = forms.ChoiceField(
        label="Primary need",
        error_messages={"required": "Select the child's primary need"},
    )
    phase = forms.ChoiceField(
        label="Phase",
        error_messages={"required": "Select the phase the place is for"},
    )
    referred_on = GovukDateField(label="Date referred", label_text="date referred")
    panel = forms.TypedChoiceField(
        label="Panel meeting",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Leave as it is to list the referral at the next meeting after the date referred",
        error_messages={"invalid_choice": "Select a panel meeting from the list"},
    )

    def __init__(
        self,
        *args: Any,
        provisions: list[tuple[int, str]],
        needs: list[tuple[str, str]],
        phases: list[str],
        panels: list[tuple[int, str]],
        find_child: Callable[[str], Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.find_child = find_child
        self.fields["provision"].choices = [("", "Select the provision"), *provisions]  # type: ignore[attr-defined]  # set per request
        self.fields["need"].choices = [("", "Select the need"), *needs]  # type: ignore[attr-defined]  # as above
        self.fields["phase"].choices = [("", "Select the phase"), *((p, p) for p in phases)]  # type: ignore[attr-defined]  # as above
        self.fields["panel"].choices = [("", "The next meeting"), *panels]  # type: ignore[attr-defined]  # as above

    def clean_child(self) -> int:
        """The case reference of a child the user may open, as the child's id."""
        child = self.find_child(self.cleaned_data["child"])
        if child is None:
            raise forms.ValidationError("Enter the case reference of a child you may open, like SH-0000123")
        return int(child.pk)


# The steps the referral page offers, in the panel's order (which are allowed from where is the service's).
STEPS = (
    ReferralStatus.AGREED,
    ReferralStatus.OFFERED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.DECLINED,
    ReferralStatus.WITHDRAWN,
)


class ReferralStepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(
        label="What has happened",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what has happened", "invalid_choice": "Select what has happened"},
    )
    on = GovukDateField(label="Date", label_text="date", help_text="The date of the decision, offer or reply")

    def __init__(self, *args: Any, steps: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = steps  # type: ignore[attr-defined]  # the steps open from the referral's status


class ClusterPanelForm(forms.Form):
    meets_on = GovukDateField(label="Date of the meeting", label_text="date of the meeting")


class RemoveForm(forms.Form):
    """Removing something entered in error: why (kept with the audit trail), at the version seen."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    reason = forms.CharField(
        label="Why is it being removed?",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter why it is being removed"},
    )
