from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sendhub.cases import document_selectors, forms, rules, selectors
from sendhub.cases.permissions import can_edit_case
from sendhub.cases.presenters import plan_summary
from sendhub.cases.selectors.reviews import amendment_consultations, open_amendment
from sendhub.cases.services import plans as svc
from sendhub.cases.services import reviews as review_svc
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_view
from sendhub.core.params import int_param


@requires("cases.view_child")
def plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    record_view(request, plan.child)
    context = plan_summary(plan, request.user, timezone.localdate())
    context["documents"] = document_selectors.plan_documents(plan.pk)
    return render(request, "cases/plan_detail.html", context)


@requires("cases.view_child")
def plan_version_detail(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    version = selectors.get_version(plan, number)
    record_view(request, plan.child)
    editable = plan.editable_version()
    changeable = (
        editable is not None and editable.pk == version.pk and can_edit_case(request.user, plan.child)
    )
    return render(
        request,
        "cases/plan_version_detail.html",
        {
            "plan": plan,
            "version": version,
            "sections": selectors.version_sections(version),
            "changeable": changeable,
            "documents": document_selectors.version_documents(version),
            "can_edit": can_edit_case(request.user, plan.child),
            # Reg 22(1), CFA s.39: settings consulted on proposed amendments (and whether more can be).
            "consulting": open_amendment(plan) == version,
            "consultations": amendment_consultations(version, timezone.localdate()),
        },
    )


@requires("cases.edit_child")
def review_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.ReviewMeetingForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        "Record the annual review meeting",
        lambda d: svc.record_review_meeting(plan=plan, by=request.user, today=timezone.localdate(), **d),
    )


@requires("cases.edit_child")
def review_report(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    form = forms.DateForm(request.POST or None, label="Date the review report was sent")
    return _step(
        request,
        form,
        plan,
        "Review report sent (reg 20(7))",
        lambda d: svc.record_review_report(
            review=review, sent=d["on"], by=request.user, today=timezone.localdate()
        ),
    )


@requires("cases.edit_child")
def review_decision(request: AuthenticatedHttpRequest, pk: int, review_pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    review = selectors.get_review(plan, review_pk)
    form = forms.ReviewOutcomeForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        "Decision after the review (reg 20(10))",
        lambda d: svc.record_review_decision(review=review, by=request.user, today=timezone.localdate(), **d),
    )


@requires("cases.edit_child")
def amendments_propose(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    # ?review=<id>: the review that decided to amend; its proposed changes are carried across (reg 22(1)).
    review_id = int_param(request.GET, "review", 0, minimum=0) or 0
    review = selectors.get_review(plan, review_id) if review_id else None
    sections = selectors.plan_sections(plan)
    form = forms.AmendmentsForm(
        request.POST or None,
        initial={"version": plan.version},
        initial_sections=review_svc.amendment_sections(review, sections) if review else sections,
    )
    return _step(
        request,
        form,
        plan,
        "Send proposed amendments (reg 22)",
        lambda d: svc.propose_amendments(
            plan=plan,
            notice_sent=d["on"],
            sections=svc.sections_from(d),
            by=request.user,
            today=timezone.localdate(),
            expected_version=d["version"],
            review=review,
        ),
    )


@requires("cases.edit_child")
def amended_issue(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.AmendmentsForm(
        request.POST or None,
        initial={"version": plan.version},
        initial_sections=selectors.plan_sections(plan),
    )
    return _step(
        request,
        form,
        plan,
        "Issue the amended plan (reg 22(3))",
        lambda d: svc.issue_amended(
            plan=plan,
            issued_on=d["on"],
            sections=svc.sections_from(d),
            by=request.user,
            today=timezone.localdate(),
            expected_version=d["version"],
        ),
        links=selectors.structured_links(plan),
    )


@requires("cases.edit_child")
def cease_notice(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.CeaseForm(request.POST or None, initial={"version": plan.version})
    return _step(
        request,
        form,
        plan,
        "Notice of a decision to cease the plan (regs 29-31)",
        lambda d: svc.give_cease_notice(
            plan=plan,
            by=request.user,
            today=timezone.localdate(),
            expected_version=d.pop("version"),
            **{**d, "reason": rules.CeaseReason(d["reason"])},
        ),
    )


@requires("cases.view_phase_transfers")
def phase_transfers(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    default = rules.reviews.academic_year_start(today) + 1
    year_value = int_param(request.GET, "year", default, minimum=2015, maximum=2100) or default
    rows = selectors.phase_transfer_cohort(request.user, year_value, today)
    return render(
        request,
        "cases/phase_transfers.html",
        {
            "rows": rows,
            "year": year_value,
            "years": [default - 1, default, default + 1],
            "today": today,
            "school_due": rules.phase_transfer_amended_plan_due(year_value, "school"),
            "post16_due": rules.phase_transfer_amended_plan_due(year_value, "post16"),
        },
    )


@requires("cases.audit_plans")
def qa_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    month = today.replace(day=1)
    previous = (month.replace(day=1) - rules.periods.timedelta(days=1)).replace(day=1)
    return render(
        request,
        "cases/qa_overview.html",
        {
            "month": month,
            "sample": selectors.qa_sample(request.user, month) or selectors.qa_sample(request.user, previous),
            "report": selectors.qa_report(date(today.year - 1, today.month, 1)),
        },
    )


@requires("cases.audit_plans")
def qa_audit_new(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    version = selectors.get_version(plan, number)
    form = forms.AuditForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        f"Quality audit of version {number}",
        lambda d: svc.record_quality_audit(
            version=version,
            grades=form.grades(),
            overall=d["overall"],
            comments=d["comments"],
            by=request.user,
            audited_on=timezone.localdate(),
        ),
        button="Save the audit",
    )


@requires("cases.edit_child")
def outcome_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.OutcomeForm(request.POST or None)
    return _step(
        request,
        form,
        plan,
        "Add an outcome (section E)",
        lambda d: svc.add_outcome(plan=plan, by=request.user, **d),
    )


@requires("cases.edit_child")
def provision_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.ProvisionForm(request.POST or None, outcomes=selectors.latest_outcomes(plan))
    return _step(
        request,
        form,
        plan,
        "Add provision (sections F to H)",
        lambda d: svc.add_provision(plan=plan, by=request.user, **d),
    )


@requires("cases.edit_child")
def budget_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    form = forms.BudgetForm(
        request.POST or None,
        initial={
            "personal_budget": plan.personal_budget,
            "amount": plan.personal_budget_amount,
            "direct_payment": plan.direct_payment,
            "organised_arrangements": plan.organised_arrangements,
            "version": plan.version,
        },
    )
    return _step(
        request,
        form,
        plan,
        "Personal budget (section J)",
        lambda d: svc.update_budget(
            plan=plan,
            personal_budget=d["personal_budget"],
            amount=d["amount"],
            direct_payment=d["direct_payment"],
            organised_arrangements=d["organised_arrangements"],
            by=request.user,
            expected_version=d["version"],
        ),
    )


@requires("cases.edit_child")
def setting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    initial = {name: getattr(plan, name) for name in svc.SETTING_FIELDS}
    form = forms.PlanSettingForm(request.POST or None, initial={**initial, "version": plan.version})
    return _step(
        request,
        form,
        plan,
        "Settings named in the plan (section I)",
        lambda d: svc.update_plan_setting(
            plan=plan,
            by=request.user,
            expected_version=d["version"],
            fields={name: d[name] for name in svc.SETTING_FIELDS},
            today=timezone.localdate(),
        ),
    )
