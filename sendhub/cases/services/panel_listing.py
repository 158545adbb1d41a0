"""Listing a request for a panel meeting, so the agenda of each week's panel is known in advance."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases.models import AssessmentRequest, RequestStatus
from sendhub.cases.services.common import check_and_bump_version
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError


def awaiting_panel(request: AssessmentRequest) -> bool:
    """Whether the panel still has a decision to make: whether to assess, or whether to issue a plan
    (the second only once the advice is in: the agenda also checks that)."""
    if request.status != RequestStatus.OPEN:
        return False
    if request.decided_to_assess is None:
        return request.decided_not_to_assess is None
    return (
        request.decided_to_issue is None
        and request.decided_not_to_issue is None
        and request.draft_issued is None
    )


@transaction.atomic
def list_for_panel(
    *,
    request: AssessmentRequest,
    panel_on: date | None,
    by: User,
    today: date,
    expected_version: int | None = None,
) -> AssessmentRequest:
    """List the request for the panel on `panel_on`, or take it off the agenda (None)."""
    request = AssessmentRequest.objects.select_for_update().get(pk=request.pk)
    if panel_on is not None:
        if not awaiting_panel(request):
            raise CaseStateError("The panel has no decision to make on this request")
        if panel_on < today:
            raise SendHubError("Choose a panel meeting today or later", field="panel_on")
    if request.panel_on == panel_on:
        return request
    check_and_bump_version(request, expected_version)
    request.panel_on = panel_on
    request.full_clean()
    request.save(update_fields=["panel_on"])
    record_event(
        actor=by,
        action="cases.request.panel_listed" if panel_on else "cases.request.panel_unlisted",
        target=request,
        data={"panel_on": panel_on.isoformat() if panel_on else None},
    )
    request.refresh_from_db(fields=["version"])
    return request
