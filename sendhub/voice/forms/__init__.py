"""Input checking for family voice, in GOV.UK wording, one module per part of the service."""

from sendhub.voice.forms.contacts import (
    PUBLIC_TOPICS,
    AdvanceComplaintForm,
    AssignForm,
    ComplimentForm,
    FindReferenceForm,
    LogContactForm,
    NoteForm,
    OpenComplaintForm,
    PublicContactForm,
    ReplyForm,
    VersionForm,
)
from sendhub.voice.forms.surgeries import BookingForm, SessionCancelForm, SessionDetailsForm, SessionForm
from sendhub.voice.forms.surveys import (
    InviteForm,
    QuestionForm,
    SurveyForm,
    SurveySettingsForm,
    ThemesForm,
    YouSaidWeDidForm,
    answer_form_class,
)

__all__ = [
    "PUBLIC_TOPICS",
    "AdvanceComplaintForm",
    "AssignForm",
    "BookingForm",
    "ComplimentForm",
    "FindReferenceForm",
    "InviteForm",
    "LogContactForm",
    "NoteForm",
    "OpenComplaintForm",
    "PublicContactForm",
    "QuestionForm",
    "ReplyForm",
    "SessionCancelForm",
    "SessionDetailsForm",
    "SessionForm",
    "SurveyForm",
    "SurveySettingsForm",
    "ThemesForm",
    "VersionForm",
    "YouSaidWeDidForm",
    "answer_form_class",
]
