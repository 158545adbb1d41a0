"""`{% family_panel child %}` on the staff case page: what the family sent, the messages and the tasks.

A template tag, so casework (a lower layer) shows the family's side without importing this app."""

from __future__ import annotations

from typing import Any

from django import template

from sendhub.accounts.models import User
from sendhub.cases.models import Child
from sendhub.portal import forms, selectors

register = template.Library()


@register.inclusion_tag("portal/_case_panel.html", takes_context=True)
def family_panel(context: template.Context, child: Child, user: User) -> dict[str, Any]:
    """Only for council casework staff: a family's messages are not for the school or the advisers who
    also open this page."""
    shown = user.has_perm("portal.answer_families")
    return {
        "shown": shown,
        "child": child,
        "can_answer": shown and user.has_perm("cases.edit_child"),
        "reply_form": forms.ReplyForm(),
        "csrf_token": context.get("csrf_token", ""),
        **(selectors.case_panel(child) if shown else {"threads": [], "submissions": [], "tasks": []}),
    }
