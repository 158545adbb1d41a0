"""Demo data for family voice: Duty Line contacts with replies, complaints, compliments, surveys with
real answers, "you said, we did" entries and SEN surgeries. Synthetic, deterministic and idempotent."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.lib.workdays import is_working_day
from sendhub.voice.models import Contact, QuestionKind, Survey, Trigger
from sendhub.voice.services import complaints, contacts, surgeries, surveys

MARKER = "After your EHC plan was issued"
FIRST = [
    "Amal",
    "Ben",
    "Chidi",
    "Dana",
    "Eleni",
    "Femi",
    "Gita",
    "Hugo",
    "Ines",
    "Jamal",
    "Kasia",
    "Luis",
    "Mina",
    "Noor",
    "Owen",
    "Pavla",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Yara",
    "Zane",
]
LAST = [
    "Abbott",
    "Brennan",
    "Castillo",
    "Dimitrov",
    "Eze",
    "Fitzgerald",
    "Gallo",
    "Hussain",
    "Iqbal",
    "Jensen",
    "Khan",
    "Lowe",
    "Moreau",
    "Novak",
    "Ogunleye",
    "Price",
    "Quinn",
    "Rossi",
    "Sato",
    "Tanaka",
]
TOPICS = {
    "assessment": ["Asked how long the assessment will take", "Wants to know if the EP has visited"],
    "plan": [
        "Draft plan not received yet",
        "Wants a change to section F",
        "Asked for the final plan in large print",
    ],
    "annual_review": ["Review meeting date not confirmed", "Review paperwork missing"],
    "school_place": ["Worried about the secondary transfer", "No school named for September"],
    "transport": ["Bus did not arrive this morning", "Asked how to apply for travel assistance"],
    "funding": ["Personal budget payment late", "Asked about top-up funding"],
    "health": ["Speech and language therapy not started", "Waiting for OT report"],
    "other": ["Asked where to find the Local Offer", "Wants to join the parent carer forum"],
}
COMMENTS = [
    "The officer kept me updated every week and I always knew what was happening.",
    "It took too long to get a reply to my emails.",
    "The draft plan was clear and my son's views were in it.",
    "I had to chase the school place several times.",
    "Letters were full of jargon; a plain summary would help.",
    "The annual review meeting was well run and everyone listened.",
    "Nobody told me the timetable had changed.",
    "Really helpful phone call from the Duty Line.",
    "I would like to be able to see where my request is up to online.",
    "Transport was sorted quickly once I called.",
]
THEMES = {
    0: ["Communication"],
    1: ["Delays", "Communication"],
    3: ["Delays"],
    4: ["Jargon"],
    6: ["Communication"],
    8: ["Online access"],
}
YSWD = [
    (
        "Letters about EHC plans are hard to understand.",
        "We rewrote our decision letters with parents and added a one-page plain English summary.",
    ),
    (
        "You could not tell where your request was up to.",
        "Every contact now gets a reference and a reply within 2 working days.",
    ),
    (
        "Annual review dates were confirmed too late.",
        "Review invitations now go out 6 weeks ahead, with a reminder 2 weeks before.",
    ),
    (
        "Families wanted to talk to an officer face to face.",
        "We started monthly SEN surgeries you can book online.",
    ),
]


def _satisfaction_score(rng: random.Random, month_index: int) -> int:
    # Satisfaction improves over the months the service has been running (from about 65% to 80%).
    satisfied = 0.65 + 0.025 * month_index
    if rng.random() < satisfied:
        return rng.choice([4, 4, 5])
    return rng.choice([1, 2, 3, 3])


def _build_surveys(manager: Any) -> dict[str, Survey]:
    specs = {
        Trigger.PLAN_ISSUED: MARKER,
        Trigger.REVIEW_FINISHED: "After your annual review",
        Trigger.CONTACT_CLOSED: "How did we do? (Duty Line)",
    }
    built: dict[str, Survey] = {}
    for trigger, title in specs.items():
        survey = surveys.create_survey(
            title=title,
            introduction="Three short questions. It takes about 2 minutes.",
            trigger=trigger,
            by=manager,
        )
        surveys.add_question(
            survey=survey,
            kind=QuestionKind.SCALE,
            text="Overall, how satisfied are you with the service you received?",
            by=manager,
            measures_satisfaction=True,
        )
        surveys.add_question(
            survey=survey,
            kind=QuestionKind.RADIOS,
            text="Did we keep you informed?",
            by=manager,
            choices=["Yes, always", "Sometimes", "No"],
        )
        surveys.add_question(
            survey=survey,
            kind=QuestionKind.CHECKBOXES,
            text="How did you contact us?",
            by=manager,
            choices=["Phone", "Email", "Web form", "In person"],
            required=False,
        )
        surveys.add_question(
            survey=survey,
            kind=QuestionKind.TEXT,
            text="What could we do better?",
            by=manager,
            required=False,
            hint="Please do not include your child's name",
        )
        built[trigger] = survey
    return built


def _build_draft_survey(manager: Any) -> Survey:
    """A survey still being written (no one has answered it), so its questions can still be changed."""
    survey = surveys.create_survey(
        title="After an SEN surgery (draft)",
        introduction="Two questions about your appointment.",
        trigger=Trigger.MANUAL,
        is_active=False,
        by=manager,
    )
    surveys.add_question(
        survey=survey,
        kind=QuestionKind.SCALE,
        text="How useful was the appointment?",
        by=manager,
    )
    surveys.add_question(
        survey=survey, kind=QuestionKind.TEXT, text="What else would have helped?", by=manager, required=False
    )
    return survey


def _answer(rng: random.Random, invitation: Any, at: datetime, month_index: int) -> None:
    qs = list(invitation.survey.questions.all())
    comment = rng.randrange(len(COMMENTS)) if rng.random() < 0.6 else None
    answers = {
        qs[0].pk: _satisfaction_score(rng, month_index),
        qs[1].pk: rng.choice(qs[1].choices),
        qs[2].pk: rng.sample(qs[2].choices, k=rng.randint(1, 2)),
        qs[3].pk: COMMENTS[comment] if comment is not None else "",
    }
    response = surveys.submit_response(invitation=invitation, answers=answers, now=at)
    if comment is not None and comment in THEMES and rng.random() < 0.7:
        answer = response.answers.get(question=qs[3])
        surveys.tag_answer(answer=answer, themes=THEMES[comment], by=None)


def load(*, seed: int, scale: float, stdout: Any) -> None:  # noqa: C901 (one step per kind of demo record, in the order they depend on each other)
    from sendhub.accounts.models import Role, User
    from sendhub.cases.models import Child

    if Survey.objects.filter(title=MARKER).exists():
        stdout.write("Voice: demo data already there")
        return
    rng = random.Random(seed)
    now = timezone.now()
    officers: list[Any] = list(
        User.objects.filter(role=Role.CASE_OFFICER, is_active=True).order_by("pk")
    ) or [None]
    manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk").first()
    children = list(Child.objects.order_by("pk").values_list("pk", flat=True)[:500])
    built = _build_surveys(manager)
    _build_draft_survey(manager)

    n_contacts = max(10, round(400 * scale))
    made = 0
    for n in range(n_contacts):
        days_ago = rng.randint(0, 180) if n >= 6 else rng.randint(0, 4)  # a few recent ones stay open
        day = timezone.localdate() - timedelta(days=days_ago)
        received = timezone.make_aware(
            datetime.combine(day, time(rng.randint(8, 18), rng.choice([0, 15, 30, 45])))
        )
        if received > now:
            received = now - timedelta(minutes=rng.randint(5, 120))
        topic = "complaint" if n in (7, 9) or rng.random() < 0.04 else rng.choice(list(TOPICS))
        first, last = rng.choice(FIRST), rng.choice(LAST)
        summary = rng.choice(TOPICS.get(topic, ["Unhappy with how the assessment was handled"]))
        contact = _log(rng, n, topic, first, last, summary, received, officers, children)
        made += 1
        officer = rng.choice(officers)
        if days_ago >= 3 or rng.random() < 0.3:
            delay = timedelta(hours=rng.choice([2, 5, 20, 26, 30, 50, 70, 100]))
            reply_at = min(received + delay, now)
            contacts.reply_to_contact(
                contact=contact,
                body="Thank you for contacting us. We have looked into this and ...",
                by=officer,
                version=contact.version,
                now=reply_at,
            )
            contact.refresh_from_db()
            if days_ago >= 7 and rng.random() < 0.8:
                contacts.close_contact(
                    contact=contact,
                    by=officer,
                    version=contact.version,
                    now=min(reply_at + timedelta(days=1), now),
                )
        if topic == "complaint" and manager is not None:
            _complaint(rng, contact, manager, now)
    # The demo parent's own messages, so "Your messages" has something to show.
    parent = User.objects.filter(role=Role.PARENT, is_active=True).order_by("pk").first()
    if parent is not None:
        for days_ago, topic, summary in (
            (12, "annual_review", "Review meeting date not confirmed"),
            (1, "transport", "Asked how to apply for travel assistance"),
        ):
            received = now - timedelta(days=days_ago, hours=2)
            contact = contacts.log_contact(
                channel="web",
                topic=topic,
                name=parent.full_name,
                email=parent.email,
                summary=summary,
                message=f"{summary}. Please can someone let me know?",
                received_at=received,
                sender_account=parent,
            )
            made += 1
            if days_ago > 2:
                contacts.reply_to_contact(
                    contact=contact,
                    body="Thank you. The review is booked for next month; the school will send the invitation.",
                    by=officers[0],
                    version=contact.version,
                    now=received + timedelta(hours=20),
                )
    # Surveys at the other key points, with answers over the last 6 months.
    invitations = list(built[Trigger.CONTACT_CLOSED].invitations.all())
    for trigger in (Trigger.PLAN_ISSUED, Trigger.REVIEW_FINISHED):
        for n in range(max(4, round(120 * scale))):
            sent = now - timedelta(days=rng.randint(3, 180))
            invitations.append(
                surveys.invite(
                    survey=built[trigger], email=f"family{n}@example.test", trigger=trigger, now=sent
                )
            )
    answered = 0
    for invitation in invitations:
        if rng.random() < 0.55:
            at = min(invitation.sent_at + timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 10)), now)
            _answer(rng, invitation, at, month_index=6 - min(6, (now - at).days // 30))
            answered += 1
    for you_said, we_did in YSWD:
        surveys.save_you_said_we_did(
            you_said=you_said,
            we_did=we_did,
            by=manager,
            published_on=timezone.localdate() - timedelta(days=rng.randint(5, 90)),
        )
    for n in range(3):
        complaints.log_compliment(
            received_on=timezone.localdate() - timedelta(days=rng.randint(1, 60)),
            channel="email",
            about=rng.choice(["Primary team", "Duty Line", "Post-16 team"]),
            summary="Thank you for all your help getting the plan finished before the new term.",
            by=officers[0],
            shared_with_team=n % 2 == 0,
        )
    _surgeries(rng, officers[0], now)
    stdout.write(f"Voice: {made} contacts, {len(invitations)} survey invitations, {answered} answered")


def _log(
    rng: random.Random,
    n: int,
    topic: str,
    first: str,
    last: str,
    summary: str,
    received: datetime,
    officers: list[Any],
    children: list[int],
) -> Contact:
    from sendhub.cases.models import Child

    child = Child.objects.get(pk=rng.choice(children)) if children and rng.random() < 0.4 else None
    return contacts.log_contact(
        channel=rng.choice(["phone", "phone", "email", "web", "in_person"]),
        topic=topic,
        name=f"{first} {last}",
        relationship=rng.choice(["parent", "parent", "parent", "young_person", "professional"]),
        email=f"{first.lower()}.{last.lower()}{n}@example.test" if rng.random() < 0.85 else "",
        phone=f"07700 900{rng.randint(100, 999)}",
        child=child,
        summary=summary,
        message=f"{summary}. Please can someone call me back.",
        received_at=received,
        by=rng.choice(officers),
    )


def _complaint(rng: random.Random, contact: Contact, manager: Any, now: datetime) -> None:
    received_on = timezone.localtime(contact.received_at).date()
    complaint = contact.complaint  # opened when the contact was logged with the complaint topic
    today = timezone.localdate()
    steps = [("acknowledge", 3), ("stage_1_response", 9), ("escalate", 12), ("stage_2_response", 30)]
    on = received_on
    for action, days in steps:
        on = received_on + timedelta(days=days + rng.randint(-1, 4))
        if on > today or (action == "escalate" and rng.random() < 0.6):
            break
        complaint = complaints.advance_complaint(
            complaint=complaint,
            action=action,
            on=on,
            by=manager,
            version=complaint.version,
            outcome=rng.choice(["upheld", "partly_upheld", "not_upheld"]) if "response" in action else "",
            learning="Send families a written update when a deadline will be missed."
            if "response" in action
            else "",
        )


def working_day_from(day: date) -> date:
    """The day itself, or the next day that is neither a weekend nor a bank holiday (a surgery was once
    set on Boxing Day)."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _surgeries(rng: random.Random, officer: User, now: datetime) -> None:
    today = timezone.localdate()
    for offset, venue in (
        (-14, "Crowndale Centre"),
        (7, "Crowndale Centre"),
        (14, "Online (Teams)"),
        (21, "Kentish Town library"),
    ):
        session = surgeries.create_session(
            title="SEN surgery",
            venue=venue,
            on=working_day_from(today + timedelta(days=offset)),
            first_slot=time(10, 0),
            slot_count=6,
            minutes=20,
            by=officer,
            description="20 minutes with a SEND officer. Bring any letters you have.",
        )
        for slot in session.slots.all():
            if rng.random() < 0.4:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                booked_at = min(now, slot.starts_at) - timedelta(days=2)
                if slot.starts_at > now:
                    surgeries.book_slot(
                        slot=slot,
                        name=f"{first} {last}",
                        email=f"{first.lower()}@example.test",
                        about="Questions about the annual review",
                        now=booked_at,
                    )
