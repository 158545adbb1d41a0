"""Values ready to show in templates."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import QueryDict

from sendhub.localoffer import rules
from sendhub.localoffer.models import Service

SHORTLIST_KEY = "localoffer_shortlist"
SHORTLIST_MAX = 50


def content_blocks(body: str) -> list[tuple[str, str]]:
    """('h2'|'p', text) blocks from a content page's plain text ('## ' starts a heading)."""
    blocks = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        text = chunk.strip()
        if text.startswith("## "):
            heading, _, rest = text[3:].partition("\n")
            blocks.append(("h2", heading.strip()))
            if rest.strip():
                blocks.append(("p", rest.strip()))
        elif text:
            blocks.append(("p", text))
    return blocks


class CountedList(list[Service]):
    """A page of already-sliced results that reports the real total to Django's paginator."""

    def __init__(self, items: list[Service], total: int, offset: int) -> None:
        super().__init__([*([None] * offset), *items])  # type: ignore[list-item]
        self.total = total

    def count(self) -> int:  # type: ignore[override]
        return self.total


def results_page(services: list[Service], total: int, number: int, per_page: int) -> Page:
    """A Django Page for components/pagination.html, built from one slice of results."""
    offset = (number - 1) * per_page
    padded = CountedList(services, total, offset)
    paginator = Paginator(padded, per_page, allow_empty_first_page=True)
    return paginator.get_page(number)


def query_without_page(params: QueryDict) -> str:
    copy = params.copy()
    copy.pop("page", None)
    return copy.urlencode()


def age_text(service: Service) -> str:
    return rules.age_label(service.minimum_age, service.maximum_age)
