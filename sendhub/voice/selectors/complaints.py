from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.voice.models import Complaint, Compliment


def complaints_for(user: User) -> QuerySet[Complaint]:
    return Complaint.objects.visible_to(user).select_related("contact")


def get_complaint_for_user(user: User, pk: int) -> Complaint:
    return get_object_or_404(complaints_for(user), pk=pk)


def compliments() -> QuerySet[Compliment]:
    return Compliment.objects.all()
