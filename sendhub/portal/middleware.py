"""A family account that opens a staff page about a child is sent to their own page for that child.

The casework pages about a child (the case, its documents list, a request, a plan and its versions, a
review, a letter) are written for council staff: their words, their codes, their actions. A parent or
young person (`portal.use_family_pages`) who opens one, from an old link or by typing it, is redirected
to `/family/children/<id>/` when the child is theirs (`portal.selectors.family_child_for`), and gets a
404 otherwise, the same answer as for a child that does not exist. The children list goes to `/family/`.
Staff, SENCOs and advisers are not affected. The family keeps the casework routes the family pages link
to: a shared document's download and the plan to read on screen or as a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from sendhub.core.predicates import is_parent
from sendhub.portal import selectors

# Route name in the `cases` namespace -> what its `pk` is the id of.
STAFF_PAGES = {
    "child_detail": "child",
    "document_list": "child",
    "request_detail": "request",
    "plan_detail": "plan",
    "plan_version_detail": "plan",
    "review_detail": "plan",
    "letter_detail": "letter",
    "letter_pdf": "letter",
}


class FamilyToTheirPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.namespace != "cases":
            return None
        if match.url_name != "child_list" and match.url_name not in STAFF_PAGES:
            return None
        user = request.user
        # The role itself, not has_perm: a superuser (the admin role) holds every permission.
        if not (user.is_authenticated and is_parent(user)):
            return None
        if match.url_name == "child_list":
            return HttpResponseRedirect(reverse("portal:home"))
        what = STAFF_PAGES[match.url_name]
        child = selectors.family_child_for(user, what, int(kwargs["pk"]))
        return HttpResponseRedirect(reverse("portal:child", args=[child.pk]))
