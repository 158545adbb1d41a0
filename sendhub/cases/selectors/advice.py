"""The adviser's inbox: only the advice asked of this adviser (reg 6(1)), outstanding first by due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.cases.models import AdviceRequest, RequestStatus

ANSWERED_SHOWN = 50


@dataclass(frozen=True)
class AdviceRow:
    advice: AdviceRequest
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


@dataclass(frozen=True)
class AdviceInbox:
    outstanding: list[AdviceRow]
    answered: list[AdviceRequest]

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.outstanding if row.overdue)


def _asked_of(user: User) -> QuerySet[AdviceRequest]:
    return AdviceRequest.objects.filter(adviser=user).select_related(
        "request__child__school", "request__child__officer"
    )


def advice_inbox(user: User, today: date) -> AdviceInbox:
    """Outstanding advice on open requests, earliest due (so the overdue) first; then the latest answered."""
    asked = _asked_of(user)
    waiting = asked.filter(
        received_on__isnull=True, declined_on__isnull=True, request__status=RequestStatus.OPEN
    ).order_by("due", "pk")
    answered = asked.filter(Q(received_on__isnull=False) | Q(declined_on__isnull=False)).order_by(
        "-due", "-pk"
    )[:ANSWERED_SHOWN]
    return AdviceInbox(
        outstanding=[AdviceRow(a, (a.due - today).days) for a in waiting],
        answered=list(answered),
    )


def get_advice_for_adviser(user: User, pk: int) -> AdviceRequest:
    """Another adviser's request is a 404, whoever asks."""
    return get_object_or_404(_asked_of(user), pk=pk)
