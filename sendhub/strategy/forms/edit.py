"""The edit and remove forms: the create forms with the version the page was opened at."""

from __future__ import annotations

from typing import Any

from django import forms

from sendhub.lib.filecheck import ACCEPTED_LABELS
from sendhub.strategy.forms import ItemForm, MeetingForm, UpdateForm, ValueForm, _area, _text


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class UpdateEditForm(UpdateForm, _Versioned):
    pass


class ValueEditForm(ValueForm, _Versioned):
    pass


class ItemEditForm(ItemForm, _Versioned):
    pass


class RemoveForm(_Versioned):
    pass


class ReasonedRemoveForm(RemoveForm):
    """A removal that says why (an action taken out of the plan, an evidence document): kept for the audit."""

    reason = _area("Why is it being removed?", "Enter why it is being removed")


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label="File",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )
    title = forms.CharField(
        label="Title (optional)",
        max_length=200,
        required=False,
        help_text="For example, Board minutes, January 2025. Leave blank to use the file's name.",
    )

    def __init__(self, *args: Any, max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = f"{ACCEPTED_LABELS}, {max_mb} MB at most"


class MeetingEditForm(MeetingForm, _Versioned):
    pass


class ActionEditForm(_Versioned):
    title = _area("What the partnership will do", "Enter what the action is")
    owner = _text("Owner", "", required=False)
    partners = _text("Partners", "", required=False, max_length=500)
    outcome = _area("Outcome", "", required=False)
    success_criteria = _area("Success criteria", "", required=False)
    expected_impact = _area("Expected impact", "", required=False)
