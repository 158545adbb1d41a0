"""Demo panel work: the next panel's agenda, the last eight weeks' decisions with their letters, and next
month's annual review invitations."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from sendhub.accounts.models import Role, User
from sendhub.cases import rules
from sendhub.cases.models import (
    AssessmentRequest,
    LetterTemplate,
    PanelDecision,
    PanelMeeting,
    RequestStatus,
)


def list_for_next_panel(today: date, per_team: int = 4) -> None:
    """Each team's oldest requests still waiting for a decision to assess go on the next panel's agenda."""
    waiting = AssessmentRequest.objects.filter(
        status=RequestStatus.OPEN, decided_to_assess__isnull=True, decided_not_to_assess__isnull=True
    ).order_by("received", "pk")
    taken: dict[int | None, int] = {}
    ids = []
    for pk, team in waiting.values_list("pk", "child__team_id"):
        if taken.get(team, 0) < per_team:
            taken[team] = taken.get(team, 0) + 1
            ids.append(pk)
    panel = rules.next_panel_day(today, settings.SENDHUB_PANEL_WEEKDAY)
    AssessmentRequest.objects.filter(pk__in=ids).update(panel_on=panel)


def panels(requests: list[AssessmentRequest], today: date) -> None:
    """Panel decisions and their letters for the last eight weeks of decisions whether to assess."""
    from sendhub.cases.services import letters
    from sendhub.cases.services.panel import ensure_default_templates, letter_context, template_key_for

    members = list(
        User.objects.filter(
            role__in=[Role.TEAM_MANAGER, Role.EP, Role.HEALTH, Role.SOCIAL_CARE],
            email__endswith="@demo.sendhub.test",
        ).order_by("pk")[:5]
    )
    chair = next((u for u in members if u.role == Role.TEAM_MANAGER), None)
    ensure_default_templates()  # as decide_at_panel does: the letters need their templates
    templates = {t.key: t for t in LetterTemplate.objects.all()}
    meetings: dict[date, PanelMeeting] = {}
    for request in requests:
        decided = request.decided_to_assess or request.decided_not_to_assess
        if decided is None or decided < today - timedelta(weeks=8):
            continue
        if decided not in meetings:
            meeting, _ = PanelMeeting.objects.get_or_create(held_on=decided, defaults={"chair": chair})
            meeting.members_present.add(*members)
            meetings[decided] = meeting
        assess = request.decided_to_assess is not None
        decision = PanelDecision.objects.create(
            meeting=meetings[decided],
            request=request,
            question="assess",
            outcome="yes" if assess else "no",
            decided_by=chair,
            reasons=(
                "Evidence shows the child may need provision through an EHC plan."
                if assess
                else "Needs can be met from resources ordinarily available."
            ),
        )
        template = templates.get(template_key_for(decision))
        if template is not None:  # as the decision's service does: one letter per parent, kept as a PDF
            context = letter_context(decision, settings.SENDHUB_LA_NAME)
            for addressee in letters.parent_addressees(request.child):
                letters.make_letter(
                    template=template,
                    child=request.child,
                    addressee=addressee,
                    context=context,
                    by=chair,
                    today=decided,
                    request=request,
                    decision=decision,
                )


def review_invitations(today: date) -> None:
    """The bulk-letters job as a team manager runs it: next month's annual review invitations."""
    from sendhub.cases.models import LetterBatch
    from sendhub.cases.rules.periods import add_months
    from sendhub.cases.services.letter_batches import run_batch

    manager = User.objects.filter(role=Role.TEAM_MANAGER, email__endswith="@demo.sendhub.test").first()
    if manager is None:
        return
    batch = LetterBatch.objects.create(
        template_key="review-invitation",
        month=add_months(today.replace(day=1), 1),
        requested_by=manager,
        team=manager.team,
    )
    run_batch(batch.pk, today)
