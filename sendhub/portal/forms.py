"""The family's forms: plain English labels and hints, a document optional on each."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from sendhub.lib.filecheck import ACCEPTED_LABELS

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


class DraftCommentsForm(_WithDocument):
    text = forms.CharField(
        label="Your comments on the draft plan",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    preferred_setting = forms.CharField(
        label="Which school or college do you want to be named in the plan? (optional)",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
        help_text="Give its name. We will ask the school or college and tell you what they say.",
    )


class ReviewForm(_WithDocument):
    text = forms.CharField(
        label="What would you like the review to know?",
        max_length=20000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="For example what has changed, what is working and what is not.",
        error_messages={"required": "Write your contribution"},
    )


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
