"""Consulting settings before one is named in section I of a plan (CFA 2014 s.39(2)-(4), s.40(3)): on a
request before the first plan, or on a live plan's proposed amendments (reg 22) that would change the
setting named (SEND Regulations 2014 reg 22(1): amending after a review follows CFA ss.39-40 too).

Several settings may be consulted at once, each with its own letter (the `consultation` template), sent
date and 15 days to answer (Code of Practice 2015 paras 9.83-9.84). The parent's or young person's
preference is recorded; each answer says whether the setting can be named or gives a s.39(4) ground with
reasons, with any documents; the setting named is chosen from the answers. The request's own dates
(`setting_consulted`, `setting_responded`) follow the consultations, so the milestone table, the "Next"
banner and the worklist show an overdue answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.files import File
from django.db import transaction

from sendhub.accounts.models import User
from sendhub.cases import rules
from sendhub.cases.models import (
    AssessmentRequest,
    DocumentKind,
    Plan,
    RequestStatus,
    SettingConsultation,
)
from sendhub.cases.selectors.reviews import open_amendment
from sendhub.cases.services import letters
from sendhub.cases.services.common import add_timeline
from sendhub.cases.services.documents import store_document
from sendhub.cases.services.status import refresh_status
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError
from sendhub.lib.dates import long_date


def _sync_request(request: AssessmentRequest) -> None:
    """The request's consultation dates for the milestone rules: the earliest unanswered consultation (or,
    all answered, the first sent and the last answer)."""
    rows = list(request.consultations.order_by("sent", "id"))
    if not rows:
        return
    waiting = [c for c in rows if c.answered_on is None]
    if waiting:
        consulted, responded = waiting[0].sent, None
    else:
        consulted, responded = rows[0].sent, max(c.answered_on for c in rows if c.answered_on)
    if (request.setting_consulted, request.setting_responded) != (consulted, responded):
        request.setting_consulted, request.setting_responded = consulted, responded
        request.save(update_fields=["setting_consulted", "setting_responded"])


@transaction.atomic
def consult_settings(
    *,
    schools: Sequence[Any],
    sent: date,
    by: User,
    today: date,
    preferred: Any = None,
    request: AssessmentRequest | None = None,
    plan: Plan | None = None,
) -> list[SettingConsultation]:
    """CFA s.39(2)-(3) / s.40(3): consult each setting (and send each its letter) on the same day.

    Either on a ``request`` (before the first plan names a setting), or on a live ``plan`` whose proposed
    amendments (reg 22) would change the setting named: the consultation then belongs to the plan, its
    letters to the amendment, and it cannot come before the proposed amendments were sent.
    ``preferred`` is the setting the parent or young person asked for (s.38(2)(b)(ii)); it must be among
    those consulted. A setting already consulted on this request (or this amendment) is refused.
    """
    if (request is None) == (plan is None):
        raise ValueError("Consult on a request or on a plan's amendment, not both")
    amendment = None
    if request is not None:
        if request.status != RequestStatus.OPEN:
            raise CaseStateError("This request is closed; no further steps can be recorded")
        child, since = request.child, request.draft_issued
        earlier = request.consultations.all()
        before = "the draft plan"
    else:
        assert plan is not None
        amendment = open_amendment(plan)
        if amendment is None:
            raise CaseStateError(
                "Send the proposed amendments first (reg 22): settings are consulted on them"
            )
        child, since = plan.child, plan.amendment_notice
        earlier = amendment.consultations.all()
        before = "the proposed amendments"
    if not schools:
        raise SendHubError("Choose at least one setting to consult", field="schools")
    if since is not None and sent < since:
        raise SendHubError(f"The consultation cannot be before {before} ({long_date(since)})", field="sent")
    if sent > today:
        raise SendHubError("The date cannot be in the future", field="sent")
    ids = [s.pk for s in schools]
    if preferred is not None and preferred.pk not in ids:
        raise SendHubError("Consult the parent's preferred setting too (CFA s.39(2))", field="preferred")
    already = earlier.filter(school_id__in=ids).select_related("school")
    if already:
        where = "this request" if request is not None else "these amendments"
        raise SendHubError(
            f"Already consulted on {where}: " + ", ".join(str(c.school) for c in already), field="schools"
        )
    due = rules.setting_consultation_due(sent)
    made = []
    for school in schools:
        row = SettingConsultation(
            request=request,
            plan=plan,
            plan_version=amendment,
            school=school,
            sent=sent,
            response_due=due,
            parent_preference=preferred is not None and school.pk == preferred.pk,
            created_by=by,
        )
        row.full_clean(exclude=["request", "plan", "plan_version", "school", "created_by"])
        row.save()
        made.append(row)
        letters.for_step(
            "consultation",
            child=child,
            by=by,
            today=today,
            request=request,
            plan=plan,
            plan_version=amendment,
            setting=school,
            context={"setting_name": str(school), "response_due": letters.long_date(due)},
        )
    if request is not None:
        _sync_request(request)
    add_timeline(
        child,
        on=sent,
        kind="request" if request is not None else "plan",
        summary=f"Consulted {len(made)} setting(s) (CFA s.39)"
        + ("" if request else " on the proposed amendments"),
        by=by,
    )
    record_event(
        actor=by,
        action="cases.request.settings_consulted" if request is not None else "cases.plan.settings_consulted",
        target=request or plan,
        data={"schools": ids, "preferred": preferred.pk if preferred is not None else None},
    )
    refresh_status(child, today)
    return made


@transaction.atomic
def record_answer(
    *,
    consultation: SettingConsultation,
    answer: str,
    answered_on: date,
    reasons: str,
    by: User,
    today: date,
    files: Sequence[File[Any]] = (),
) -> SettingConsultation:
    """The setting's answer: it can be named, or a CFA s.39(4) ground with its reasons, and any documents."""
    answer = rules.SettingAnswer(answer).value
    if answer != rules.SettingAnswer.AGREE and not reasons.strip():
        raise SendHubError("Give the setting's reasons (CFA s.39(4))", field="reasons")
    if answered_on < consultation.sent:
        raise SendHubError(
            f"The answer cannot be before the consultation ({long_date(consultation.sent)})",
            field="answered_on",
        )
    if answered_on > today:
        raise SendHubError("The date cannot be in the future", field="answered_on")
    consultation.answer, consultation.answered_on, consultation.reasons = answer, answered_on, reasons.strip()
    consultation.full_clean(exclude=["request", "plan", "plan_version", "school", "created_by"])
    consultation.save()
    child = _child(consultation)
    for upload in files:
        document = store_document(
            child=child,
            upload=upload,
            kind=DocumentKind.EVIDENCE,
            title=f"Answer to the consultation from {consultation.school}",
            by=by,
            request=consultation.request,
            plan_version=consultation.plan_version,
        )
        consultation.documents.add(document)
    if consultation.request is not None:
        _sync_request(consultation.request)
    record_event(
        actor=by,
        action="cases.consultation.answered",
        target=consultation.request or consultation.plan,
        data={
            "consultation": consultation.pk,
            "answer": answer,
            "late": answered_on > consultation.response_due,
            "documents": len(files),
        },
    )
    refresh_status(child, today)
    return consultation


@transaction.atomic
def name_setting(*, consultation: SettingConsultation, by: User, today: date) -> Plan:
    """Name the consulted setting in section I of the (draft) plan, chosen from the answers (s.39(4)-(5))."""
    problem = rules.naming_problem(
        consultation.answer,
        bool(consultation.reasons.strip()),
        response_due=consultation.response_due,
        today=today,
    )
    if problem:
        raise CaseStateError(problem)
    plan = consultation.plan or Plan.objects.filter(request=consultation.request).first()
    if plan is None:
        raise CaseStateError("Issue the draft plan first: the setting is named in its section I")
    plan.named_setting, plan.named_setting_type, plan.named_setting_other = consultation.school, "", ""
    plan.full_clean()
    plan.save(update_fields=["named_setting", "named_setting_type", "named_setting_other"])
    siblings = SettingConsultation.objects.filter(
        request=consultation.request, plan=consultation.plan, plan_version=consultation.plan_version
    )
    siblings.exclude(pk=consultation.pk).update(named=False)
    consultation.named = True
    consultation.save(update_fields=["named"])
    add_timeline(
        _child(consultation), on=today, kind="plan", summary=f"Setting named: {consultation.school}", by=by
    )
    record_event(
        actor=by,
        action="cases.consultation.named",
        target=plan,
        data={"consultation": consultation.pk, "answer": consultation.answer or "none"},
    )
    return plan


def _child(consultation: SettingConsultation) -> Any:
    owner = consultation.request or consultation.plan
    assert owner is not None  # a check constraint: one or the other
    return owner.child
