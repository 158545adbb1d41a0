"""Family voice reports: also the selectors the dashboard reuses (all take a date range)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate, TruncMonth

from sendhub.voice import rules
from sendhub.voice.models import (
    Answer,
    Complaint,
    Contact,
    Invitation,
    QuestionKind,
    Survey,
    SurveyResponse,
)
from sendhub.voice.models.contacts import Channel, Topic


def _contacts(start: date, end: date) -> Any:
    return Contact.objects.filter(received_at__date__gte=start, received_at__date__lte=end)


def contacts_by_topic_and_channel(start: date, end: date) -> list[dict[str, Any]]:
    """One row per topic with a count per channel and a total, largest first."""
    counts = _contacts(start, end).values("topic", "channel").annotate(n=Count("pk"))
    rows: dict[str, dict[str, Any]] = {}
    for row in counts:
        entry = rows.setdefault(
            row["topic"], {"topic": Topic(row["topic"]).label, "total": 0, **dict.fromkeys(Channel.values, 0)}
        )
        entry[row["channel"]] = row["n"]
        entry["total"] += row["n"]
    return sorted(rows.values(), key=lambda r: (-r["total"], r["topic"]))


@dataclass(frozen=True)
class ReplyTimeliness:
    received: int
    replied: int
    in_time: int
    open_overdue: int
    percent_in_time: Decimal | None


def reply_timeliness(start: date, end: date, today: date) -> ReplyTimeliness:
    """Replies sent on or before the due day (rules.replied_in_time), as a share of contacts replied to."""
    contacts = _contacts(start, end)
    replied = contacts.filter(replied_at__isnull=False).annotate(replied_on=TruncDate("replied_at"))
    in_time = replied.filter(replied_on__lte=F("reply_due")).count()
    n_replied = replied.count()
    overdue = contacts.filter(replied_at__isnull=True, closed_at__isnull=True, reply_due__lt=today).count()
    percent = rules.response_rate(sent=n_replied, answered=in_time) if n_replied else None
    return ReplyTimeliness(contacts.count(), n_replied, in_time, overdue, percent)


@dataclass(frozen=True)
class StepCount:
    step: str
    done: int
    on_time: int
    late_open: int


def complaint_timeliness(start: date, end: date, today: date) -> list[StepCount]:
    """For each LGSCO step: how many were done, how many on time, and how many are late and still open."""
    complaints = Complaint.objects.filter(received_on__gte=start, received_on__lte=end)
    steps = [
        ("Acknowledged (5 working days)", "acknowledged_on", "acknowledge_due"),
        ("Stage 1 response (10 working days)", "stage1_responded_on", "stage1_due"),
        ("Stage 2 response (20 working days)", "stage2_responded_on", "stage2_due"),
    ]
    result = []
    for label, done_field, due_field in steps:
        done = complaints.filter(**{f"{done_field}__isnull": False})
        result.append(
            StepCount(
                label,
                done.count(),
                done.filter(**{f"{done_field}__lte": F(due_field)}).count(),
                complaints.filter(**{f"{done_field}__isnull": True, f"{due_field}__lt": today}).count(),
            )
        )
    return result


@dataclass(frozen=True)
class MonthSatisfaction:
    month: date
    rate: rules.SatisfactionRate


def satisfaction_by_month(start: date, end: date, survey: Survey | None = None) -> list[MonthSatisfaction]:
    """Answers to satisfaction questions (1 to 5 scales) per month, against the 75% target."""
    answers = Answer.objects.filter(
        question__measures_satisfaction=True,
        question__kind=QuestionKind.SCALE,
        score__isnull=False,
        response__submitted_at__date__gte=start,
        response__submitted_at__date__lte=end,
    )
    if survey is not None:
        answers = answers.filter(response__survey=survey)
    by_month: dict[date, list[int]] = {}
    rows = answers.annotate(month=TruncMonth("response__submitted_at")).values_list("month", "score")
    for month, score in rows:
        key = month.date() if hasattr(month, "date") else month
        if score is not None:
            by_month.setdefault(key, []).append(score)
    return [MonthSatisfaction(m, rules.satisfaction_rate(scores)) for m, scores in sorted(by_month.items())]


def overall_satisfaction(start: date, end: date, survey: Survey | None = None) -> rules.SatisfactionRate:
    scores: list[int] = []
    for month in satisfaction_by_month(start, end, survey):
        scores += [5] * month.rate.satisfied + [1] * (month.rate.answered - month.rate.satisfied)
    return rules.satisfaction_rate(scores)


@dataclass(frozen=True)
class SurveySummary:
    survey: Survey
    sent: int
    answered: int
    response_rate: Decimal | None


def survey_summaries() -> list[SurveySummary]:
    surveys = Survey.objects.annotate(
        sent=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False), distinct=True),
    ).order_by("title")
    return [
        SurveySummary(s, s.sent, s.answered, rules.response_rate(sent=s.sent, answered=s.answered))
        for s in surveys
    ]


def question_results(survey: Survey) -> list[dict[str, Any]]:
    """Per question: counts per option or score, or the free-text answers with their themes."""
    results = []
    for question in survey.questions.all():
        answers = (
            Answer.objects.filter(question=question).select_related("response").prefetch_related("themes")
        )
        entry: dict[str, Any] = {"question": question, "answered": answers.count()}
        if question.kind == QuestionKind.SCALE:
            scores = list(answers.values_list("score", flat=True))
            entry["counts"] = [(s, scores.count(s)) for s in range(1, 6)]
            entry["rate"] = rules.satisfaction_rate([s for s in scores if s is not None])
        elif question.kind in {QuestionKind.RADIOS, QuestionKind.CHECKBOXES}:
            chosen = [c for a in answers for c in a.selected]
            entry["counts"] = [(c, chosen.count(c)) for c in question.choices]
        else:
            entry["texts"] = list(answers.order_by("-response__submitted_at"))
        results.append(entry)
    return results


def theme_counts(survey: Survey) -> list[tuple[str, int]]:
    rows = (
        Answer.objects.filter(response__survey=survey, themes__isnull=False)
        .values_list("themes__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "themes__name")
    )
    return [(name, n) for name, n in rows]


def responses_received(survey: Survey) -> int:
    return SurveyResponse.objects.filter(survey=survey).count()


def invitations_sent(survey: Survey) -> int:
    return Invitation.objects.filter(survey=survey).count()
