"""The ORUK paged wrapper's arithmetic (the rules the official validator checks)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sendhub.core.paging import MAX_PAGE_NUMBER

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class PageWindow:
    page: int
    per_page: int
    total_items: int

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total_items / self.per_page)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def wrapper(self, size: int) -> dict[str, int | bool]:
        """The seven paging fields for a page holding `size` items (`contents` is added by the caller)."""
        return {
            "total_items": self.total_items,
            "total_pages": self.total_pages,
            "page_number": self.page,
            "size": size,
            "first_page": self.page == 1,
            "last_page": self.page >= self.total_pages,
            "empty": size == 0,
        }


def clamp_paging(page: int | None, per_page: int | None) -> tuple[int, int]:
    """Page numbers start at 1; per_page is 1..MAX_PER_PAGE (bad values fall back to safe ones)."""
    p = min(page, MAX_PAGE_NUMBER) if page is not None and page >= 1 else 1  # OFFSET stays in 64 bits
    n = per_page if per_page is not None and per_page >= 1 else DEFAULT_PER_PAGE
    return p, min(n, MAX_PER_PAGE)
