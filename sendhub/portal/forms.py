"""The family's forms: plain English labels and hints, a document optional on each."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from sendhub.lib.filecheck import ACCEPTED_LABELS
from sendhub.schools.forms import SettingField
from sendhub.schools.models import School
from sendhub.schools.selectors import settings_named

TEXTAREA = {"class": "govuk-textarea", "rows": 8}


class _WithDocument(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"] = forms.FileField(
            label="Add a document (optional)",
            required=False,
            help_text=f"For example a report, a drawing or a letter. {ACCEPTED_LABELS}, "
            f"{settings.SENDHUB_MAX_UPLOAD_MB} MB at most.",
            widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
        )


class ViewsForm(_WithDocument):
    about = forms.ChoiceField(
        label="Whose views are these?",
        choices=[("family", "Your views, as the family"), ("child", "Your child's own views (all about me)")],
        widget=forms.RadioSelect,
        initial="family",
    )
    text = forms.CharField(
        label="What would you like to tell us?",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="For example what is going well, what is hard, what matters most, and hopes for the future.",
    )


class AssessmentForm(_WithDocument):
    text = forms.CharField(
        label="Why are you asking for an assessment?",
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Tell us about your child's needs and the help they get now.",
        error_messages={"required": "Tell us why you are asking for an assessment"},
    )


class FamilySettingField(SettingField):
    """The settings picker in a family's words: when no setting has the name, they are told to write it in
    the box for one not in the list."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.widget.attrs["class"] = "govuk-input"

    def to_python(self, value: Any) -> School | None:
        text = " ".join(str(value or "").split())
        if text and not text.isdigit() and not settings_named(text).exists():
            raise forms.ValidationError(
                f"We cannot find a school or college called \u201c{text}\u201d in our list: check the "
                "name, or write it in the box for one that is not in our list"
            )
        return super().to_python(value)


class DraftCommentsForm(_WithDocument):
    text = forms.CharField(
        label="Your comments on the draft plan",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    preferred_school = FamilySettingField(
        label="Which school or college do you want to be named in the plan? (optional)",
        help_text="Type its name, for example Hillside Primary School. We will ask the school or college "
        "and tell you what they say.",
    )
    preferred_setting = forms.CharField(
        label="Not in our list? Write the name of the school or college here (optional)",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
        help_text="For example an independent school, or a college in another area. Add the town.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("preferred_school") and (data.get("preferred_setting") or "").strip():
            self.add_error(
                "preferred_setting",
                "You chose a school or college from our list: leave this empty, or clear the one above",
            )
        return data


class ReviewForm(_WithDocument):
    text = forms.CharField(
        label="Your views: what would you like the review to know?",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="For example what has changed, what is working and what is not.",
    )
    child_text = forms.CharField(
        label="Your child's own views (optional)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="In their own words, if they want to: what they like, what is hard, what they hope for.",
    )

    def __init__(self, *args: Any, young_person: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if young_person:  # their views are their own: no separate box for "the child"
            del self.fields["child_text"]


class NewThreadForm(forms.Form):
    subject = forms.CharField(
        label="What is your message about?",
        max_length=150,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
        error_messages={"required": "Say what your message is about"},
    )
    body = forms.CharField(
        label="Your message",
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"required": "Write your message"},
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        max_length=10000,
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"required": "Write your message"},
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply to the family",
        max_length=10000,
        widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 5}),
        help_text="The family is emailed a link to read it; the email says nothing about the case.",
        error_messages={"required": "Write your reply"},
    )
