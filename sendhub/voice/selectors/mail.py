from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.voice.models import OutboxMessage


def outbox_messages() -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.all()


def get_outbox_message(pk: int) -> OutboxMessage:
    return get_object_or_404(OutboxMessage, pk=pk)
