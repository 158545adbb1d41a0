from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.voice.models import Complaint, Compliment
from sendhub.voice.models.complaints import ComplaintStatus

# The stages at which the council owes a reply: an acknowledgement, a stage 1 or a stage 2 response.
AWAITING_RESPONSE = (ComplaintStatus.RECEIVED, ComplaintStatus.STAGE_1, ComplaintStatus.STAGE_2)


def complaints_for(user: User) -> QuerySet[Complaint]:
    return Complaint.objects.visible_to(user).select_related("contact")


def complaints_awaiting_response(user: User) -> QuerySet[Complaint]:
    """Complaints the council owes a reply on, whatever its due date (the home page and the list's filter)."""
    return complaints_for(user).filter(status__in=AWAITING_RESPONSE)


def get_complaint_for_user(user: User, pk: int) -> Complaint:
    return get_object_or_404(complaints_for(user), pk=pk)


def compliments() -> QuerySet[Compliment]:
    return Compliment.objects.all()
