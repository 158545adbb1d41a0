"""Family voice on the home page: the Duty Line's queues (the same selector as the queue's tabs), and for a
family, their own messages."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.homepage import Figure, HomePanel
from sendhub.voice.selectors.complaints import complaints_awaiting_response
from sendhub.voice.selectors.contacts import QUEUES, duty_queue, own_contacts

HOME_QUEUES = ("overdue", "due_today", "open")


def home_panels(user: User, today: date) -> list[HomePanel]:
    panels = []
    if user.has_perm("voice.view_contacts"):
        url = reverse("voice:contact_list")
        figures = [
            Figure(
                f"Messages: {QUEUES[key].lower()}", duty_queue(user, today, key).count(), f"{url}?queue={key}"
            )
            for key in HOME_QUEUES
        ]
        if user.has_perm("voice.view_complaints"):
            figures.append(
                Figure(
                    "Complaints waiting for a reply",
                    complaints_awaiting_response(user).count(),
                    f"{reverse('voice:complaint_list')}?show=awaiting",
                )
            )
        panels.append(HomePanel("Duty Line and complaints", 20, figures))
    if user.has_perm("voice.view_own_contacts"):
        figures = [
            Figure(
                "Your messages to the SEND service",
                own_contacts(user).count(),
                reverse("voice:own_contact_list"),
            )
        ]
        panels.append(HomePanel("Your messages", 20, figures))
    return panels
