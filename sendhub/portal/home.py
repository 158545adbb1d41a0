"""Home page panels: the officer's open family tasks; for a family, their children's next steps."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.homepage import Figure, HomePanel, Upcoming
from sendhub.core.predicates import is_parent
from sendhub.portal import selectors


def home_panels(user: User, today: date) -> list[HomePanel]:
    if is_parent(user):  # the role: a superuser's has_perm would say yes to every family page
        cards = selectors.family_home(user, today)
        return [
            HomePanel(
                title="Your children",
                order=1,
                upcoming_title="What happens next",
                upcoming=[
                    Upcoming(
                        label=card.child.full_name,
                        url=reverse("portal:child", args=[card.child.pk]),
                        due=card.words.next_due,
                        detail=card.words.next,
                    )
                    for card in cards
                ],
            )
        ]
    if user.has_perm("portal.answer_families"):
        count = selectors.open_tasks(user).count()
        return [
            HomePanel(
                title="Families",
                order=25,
                figures=[Figure("Family tasks to do", count, reverse("portal:tasks"))],
            )
        ]
    return []
