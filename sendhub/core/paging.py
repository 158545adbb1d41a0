"""Bounded paging for every list: one helper, so no page number can cost more than the last page.

`?page=` is read with core.params (ASCII digits only; anything else is page 1) and a number past the
last page answers the last page. Nothing is ever allocated in proportion to the number asked for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from sendhub.core.params import parse_int

T = TypeVar("T")

# Far beyond any real list; keeps OFFSET arithmetic inside a 64-bit integer on every database.
MAX_PAGE_NUMBER = 1_000_000


def requested_page(request: HttpRequest, name: str = "page") -> int:
    """The page number asked for: 1 when absent or not a whole number, at most MAX_PAGE_NUMBER (a number
    too long to parse counts as past the end)."""
    raw = str(request.GET.get(name) or "").strip()
    if raw.isascii() and raw.isdigit() and len(raw) > len(str(MAX_PAGE_NUMBER)):
        return MAX_PAGE_NUMBER
    return min(parse_int(raw, minimum=1) or 1, MAX_PAGE_NUMBER)


def last_page(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def page_of(request: HttpRequest, items: Any, per_page: int) -> Page:
    """One page of `items` (a queryset or list) for ?page=N; past the end, the last page."""
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    return paginator.page(min(requested_page(request), paginator.num_pages))


class _Window(Sequence[T]):
    """The one slice a selector already fetched, standing for the whole list in Django's Paginator:
    it knows the total and answers the slice Paginator.page() asks for, without padding to the offset."""

    def __init__(self, items: list[T], total: int, offset: int) -> None:
        self.items, self.total, self.offset = items, total, offset

    def count(self) -> int:  # type: ignore[override]  # what Paginator calls for the total
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice) and (index.start or 0) == self.offset:
            return self.items
        raise IndexError("Only the page that was fetched can be read")


def window_page(items: list[T], total: int, number: int, per_page: int) -> Page:
    """A Django Page for components/pagination.html from one already-fetched slice of results, which
    started at (number - 1) * per_page. Use `bounded_number` first to keep `number` in range."""
    paginator = Paginator(
        _Window(items, total, (number - 1) * per_page), per_page, allow_empty_first_page=True
    )
    return paginator.page(number)


def bounded_number(number: int, total: int, per_page: int) -> int:
    """`number` moved back to the last page when it is past it."""
    return min(max(1, number), last_page(total, per_page))
