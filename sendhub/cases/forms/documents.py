"""Uploading a document to a case and removing one."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from sendhub.cases.models.documents import DocumentKind
from sendhub.lib.filecheck import ACCEPTED_LABELS

UPLOAD_KINDS = [(k, label) for k, label in DocumentKind.choices if k not in {"letter", "plan"}]


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text=f"{ACCEPTED_LABELS}",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )
    title = forms.CharField(
        label="Title (optional)",
        max_length=200,
        required=False,
        help_text="For example, Educational psychology advice. Leave blank to use the file's name.",
    )
    kind = forms.ChoiceField(
        label="What is it?",
        choices=UPLOAD_KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the document is"},
    )
    attach_to = forms.ChoiceField(label="Which record is it for?", required=False, choices=[])

    def __init__(self, *args: Any, attach_choices: list[tuple[str, str]], max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["attach_to"]).choices = attach_choices
        self.fields["file"].help_text = f"{ACCEPTED_LABELS}, {max_mb} MB at most"


class AdviceReceivedForm(forms.Form):
    """The date advice arrived, with the advice itself (optional: it may have come on paper)."""

    def __init__(self, *args: Any, max_mb: int, **kwargs: Any) -> None:
        from sendhub.cases.forms.fields import date_field

        super().__init__(*args, **kwargs)
        self.fields["on"] = date_field("Date the advice was received", "date the advice was received")
        self.fields["file"] = forms.FileField(
            label="The advice (optional)",
            required=False,
            help_text=f"{ACCEPTED_LABELS}, {max_mb} MB at most",
            widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
        )


class DocumentRemoveForm(forms.Form):
    reason = forms.CharField(
        label="Why is it being removed?",
        max_length=300,
        help_text="For example, uploaded to the wrong child. The file is kept for the audit trail.",
        error_messages={"required": "Say why the document is being removed"},
    )


class GiveAdviceForm(forms.Form):
    """An adviser's advice from their inbox: written here, attached as a document, or both."""

    text = forms.CharField(
        label="Your advice",
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 12}),
        help_text="The child's needs, the outcomes to aim for and the provision needed to meet them.",
    )

    def __init__(self, *args: Any, max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"] = forms.FileField(
            label="Attach your advice as a document (optional)",
            required=False,
            help_text=f"{ACCEPTED_LABELS}, {max_mb} MB at most",
            widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("file") and not self.errors:
            self.add_error("text", "Write your advice or attach it as a document")
        return data


class DeclineAdviceForm(forms.Form):
    reason = forms.CharField(
        label="Why can you not give this advice?",
        max_length=500,
        help_text="For example, the child is not known to the service. The case officer sees this.",
        error_messages={"required": "Say why you cannot give this advice"},
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 3}),
    )
