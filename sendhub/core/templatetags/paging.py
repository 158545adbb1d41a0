from typing import Any

from django import template
from django.core.paginator import Page

register = template.Library()


@register.simple_tag
def page_numbers(page_obj: Page) -> list[Any]:
    """Page numbers around the current one, with the paginator's ellipsis between gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))
