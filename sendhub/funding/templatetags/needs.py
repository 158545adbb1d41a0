"""`{{ code|need_name }}`: a SEN2 primary need code ("PMLD") under its plain name, as the funding pages say it."""

from __future__ import annotations

from django import template

from sendhub.cases.selectors.funding import NEED_NAMES

register = template.Library()


@register.filter
def need_name(code: str | None) -> str:
    return NEED_NAMES.get(code or "", code or "")
