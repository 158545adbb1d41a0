"""The structured annual review (regs 19-21) and its report; the consultations with settings (CFA s.39)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import document_selectors, forms, selectors
from sendhub.cases.permissions import can_edit_case
from sendhub.cases.selectors import reviews as review_selectors
from sendhub.cases.services import consultations as consult_svc
from sendhub.cases.services import review_document
from sendhub.cases.services import reviews as svc
from sendhub.cases.views.common import confirm_form
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_event, record_view


@requires("cases.view_child")
def review_detail(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    """The review report: who came, the views, progress on each outcome, PfA, recommendations, deadlines."""
    plan = selectors.get_plan_for_user(request.user, pk)
    review = selectors.get_review(plan, review_pk)
    record_view(request, plan.child)
    context = review_selectors.review_report(review, timezone.localdate())
    context["can_edit"] = can_edit_case(request.user, plan.child)
    context["documents"] = document_selectors.plan_documents(plan.pk).filter(review=review)
    return render(request, "cases/review_detail.html", context)


@requires("cases.view_child")
def review_pdf(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    """The review report as a PDF, as it stands today (reg 20(7)-(8)); every download is audited."""
    plan = selectors.get_plan_for_user(request.user, pk)
    review = selectors.get_review(plan, review_pk)
    record_event(
        actor=request.user,
        action="cases.review.pdf_downloaded",
        target=plan.child,
        request=request,
        data={"plan": plan.pk, "review": review.pk},
    )
    content = review_document.review_pdf(review, timezone.localdate())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{review_document.review_pdf_filename(review)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires("cases.edit_child")
def review_record(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    initial = {
        "at_school": review.at_school,
        "child_views": review.child_views,
        "parent_views": review.parent_views,
        "meets_needs": review.meets_needs,
        "meets_needs_notes": review.meets_needs_notes,
        "recommendations": review.recommendations,
        "recommended_outcome": review.recommended_outcome,
        **{f"pfa_{k}": v for k, v in review.pfa.items()},
        **{f"change_{k}": v for k, v in review.proposed_changes.items()},
    }
    form = forms.ReviewRecordForm(request.POST or None, initial=initial, pfa_due=svc.pfa_due(review))
    return _step(
        request,
        form,
        review,
        f"What the review of {review.meeting:%-d %B %Y} found (regs 19-21)",
        lambda d: svc.record_review_content(
            review=review,
            by=request.user,
            child_views=d["child_views"],
            parent_views=d["parent_views"],
            meets_needs=d["meets_needs"],
            meets_needs_notes=d["meets_needs_notes"],
            recommendations=d["recommendations"],
            recommended_outcome=d["recommended_outcome"],
            pfa=form.pfa(),
            proposed_changes=form.changes(),
            at_school=d["at_school"],
        ),
    )


@requires("cases.edit_child")
def review_progress(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    outcomes = svc.reviewed_outcomes(review)
    recorded = {p.outcome_id: p for p in review.progress.all()}
    initial = {f"progress_{k}": p.progress for k, p in recorded.items() if k} | {
        f"notes_{k}": p.notes for k, p in recorded.items() if k
    }
    form = forms.ReviewProgressForm(request.POST or None, initial=initial, outcomes=outcomes)
    return _step(
        request,
        form,
        review,
        "Progress towards each outcome (reg 20(5))",
        lambda d: svc.record_progress(review=review, by=request.user, entries=form.entries()),
    )


@requires("cases.edit_child")
def review_invitee(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    form = forms.ParticipantForm(request.POST or None)
    return _step(
        request,
        form,
        review,
        "Add someone invited to the review (reg 20(3)-(4))",
        lambda d: svc.add_participant(review=review, by=request.user, **d),
    )


@requires("cases.edit_child")
def review_attendance(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    form = forms.AttendanceForm(request.POST or None, participants=list(review.participants.all()))
    return _step(
        request,
        form,
        review,
        "Who came to the review meeting",
        lambda d: svc.record_attendance(
            review=review, attended=[int(x) for x in d["attended"]], by=request.user
        ),
    )


@requires("cases.edit_child")
def review_contribution(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    form = forms.ContributionForm(request.POST or None, request.FILES or None)
    return _step(
        request,
        form,
        review,
        "Add views or advice for the review (reg 20(2)-(3))",
        lambda d: svc.add_contribution(
            review=review,
            author_name=d["author_name"],
            kind=d["kind"],
            text=d["text"],
            by=request.user,
            today=timezone.localdate(),
            files=[d["file"]] if d.get("file") else [],
        ),
    )


@requires("cases.edit_child")
def consult_settings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    a = selectors.get_request_for_user(request.user, pk, write=True)
    plan = selectors.plan_of(a)
    # The child's school and the setting the draft names are the usual first ones to consult.
    usual = [s for s in (a.child.school, plan.named_setting if plan else None) if s is not None]
    form = forms.ConsultSettingsForm(request.POST or None, initial={"schools": list(dict.fromkeys(usual))})
    return _step(
        request,
        form,
        a,
        "Consult settings (CFA s.39)",
        lambda d: consult_svc.consult_settings(
            request=a,
            schools=list(d["schools"]),
            sent=d["sent"],
            preferred=d["preferred"],
            by=request.user,
            today=timezone.localdate(),
        ),
        button="Consult and send the letters",
    )


@requires("cases.edit_child")
def amendment_consult(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Reg 22(1), CFA s.39: consult settings on proposed amendments that would name another setting."""
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    amendment = review_selectors.open_amendment(plan)
    if amendment is None:
        raise Http404("No proposed amendments are open on this plan")
    form = forms.ConsultSettingsForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        f"Consult settings on the proposed amendments (version {amendment.number})",
        lambda d: consult_svc.consult_settings(
            plan=plan,
            schools=list(d["schools"]),
            sent=d["sent"],
            preferred=d["preferred"],
            by=request.user,
            today=timezone.localdate(),
        ),
        button="Consult and send the letters",
        done=_version_url(amendment),
    )


def _version_url(version: Any) -> str:
    return reverse("cases:plan_version_detail", args=[version.plan_id, version.number])


def _consultation_owner(request: AuthenticatedHttpRequest, c: Any) -> tuple[Any, Any]:
    """The request or plan the consultation belongs to (the user must be able to change it), and where the
    form goes back to: the request, or the amendment it was made on."""
    if c.request_id:
        owner = selectors.get_request_for_user(request.user, c.request_id, write=True)
        return owner, owner
    plan = selectors.get_plan_for_user(request.user, c.plan_id or 0, write=True)
    amendment = review_selectors.open_amendment(plan)
    return plan, _version_url(amendment) if amendment is not None else plan


@requires("cases.edit_child")
def consultation_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    c = review_selectors.get_consultation_for_user(request.user, pk)
    owner, done = _consultation_owner(request, c)
    form = forms.ConsultationAnswerForm(request.POST or None, request.FILES or None)
    return _step(
        request,
        form,
        owner,
        f"Answer from {c.school}",
        lambda d: consult_svc.record_answer(
            consultation=c,
            answer=d["answer"],
            answered_on=d["answered_on"],
            reasons=d["reasons"],
            by=request.user,
            today=timezone.localdate(),
            files=[d["file"]] if d.get("file") else [],
        ),
        done=done,
    )


@requires("cases.edit_child")
def consultation_name(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    c = review_selectors.get_consultation_for_user(request.user, pk)
    owner, done = _consultation_owner(request, c)
    return _step(
        request,
        confirm_form(request),
        owner,
        f"Name {c.school} in section I of the plan",
        lambda d: consult_svc.name_setting(consultation=c, by=request.user, today=timezone.localdate()),
        button="Name this setting",
        done=done,
    )
