from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sendhub.voice.models import Contact, QuestionKind, Survey, Trigger
from sendhub.voice.services import contacts, surveys

LONDON = ZoneInfo("Europe/London")


def make_contact(*, at: datetime | None = None, email: str = "family@example.test", **kwargs: Any) -> Contact:
    values: dict[str, Any] = {
        "channel": "phone",
        "topic": "plan",
        "name": "Sam Example",
        "summary": "Asked when the draft plan is coming",
        "message": "When will I get the draft plan?",
        "received_at": at or datetime(2026, 11, 23, 10, 0, tzinfo=LONDON),
        "email": email,
    }
    values.update(kwargs)
    return contacts.log_contact(**values)


def make_survey(*, trigger: str = Trigger.MANUAL, by: Any = None) -> Survey:
    survey = surveys.create_survey(title="After your EHC plan", introduction="", trigger=trigger, by=by)
    surveys.add_question(
        survey=survey,
        kind=QuestionKind.SCALE,
        text="How satisfied are you?",
        by=by,
        measures_satisfaction=True,
    )
    surveys.add_question(
        survey=survey, kind=QuestionKind.RADIOS, text="Were you kept informed?", by=by, choices=["Yes", "No"]
    )
    surveys.add_question(
        survey=survey, kind=QuestionKind.TEXT, text="What could we do better?", by=by, required=False
    )
    return survey
