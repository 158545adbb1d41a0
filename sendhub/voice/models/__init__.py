from sendhub.voice.models.complaints import Complaint, ComplaintOutcome, ComplaintStatus, Compliment
from sendhub.voice.models.contacts import (
    Channel,
    Contact,
    ContactMessage,
    ContactStatus,
    Direction,
    ReferenceCounter,
    Relationship,
    Topic,
)
from sendhub.voice.models.mail import OutboxMessage
from sendhub.voice.models.surgeries import Booking, SurgerySession, SurgerySlot
from sendhub.voice.models.surveys import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
    Theme,
    Trigger,
    YouSaidWeDid,
)

__all__ = [
    "Answer",
    "Booking",
    "Channel",
    "Complaint",
    "ComplaintOutcome",
    "ComplaintStatus",
    "Compliment",
    "Contact",
    "ContactMessage",
    "ContactStatus",
    "Direction",
    "Invitation",
    "OutboxMessage",
    "Question",
    "QuestionKind",
    "ReferenceCounter",
    "Relationship",
    "SurgerySession",
    "SurgerySlot",
    "Survey",
    "SurveyResponse",
    "Theme",
    "Topic",
    "Trigger",
    "YouSaidWeDid",
]
