"""The Local Offer on the home page: for a provider, their changes waiting for a moderator, those sent back
and the services due a check (the selectors the "Your services" page lists them with); for a moderator,
the moderation queue (the queue page's selector)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.homepage import Figure, HomePanel
from sendhub.localoffer import rules, selectors
from sendhub.localoffer.selectors import editing


def home_panels(user: User, today: date) -> list[HomePanel]:
    panels = []
    if user.has_perm("localoffer.manage_own_services"):
        url = reverse("localoffer:provider_services")
        due = sum(
            1 for s in selectors.services_for_provider(user) if rules.is_review_due(s.last_reviewed, today)
        )
        figures = [
            Figure("Changes waiting for a moderator", editing.changes_waiting(user).count(), f"{url}#sent"),
            Figure("Changes sent back to you", editing.changes_sent_back(user).count(), f"{url}#sent"),
            Figure("Services to check (not checked for 12 months)", due, url),
        ]
        panels.append(HomePanel("Your Local Offer services", 10, figures))
    if user.has_perm("localoffer.moderate"):
        figures = [
            Figure(
                "Changes waiting for moderation",
                selectors.moderation_queue().count(),
                reverse("localoffer:moderation_queue"),
            )
        ]
        panels.append(HomePanel("Local Offer moderation", 30, figures))
    return panels
