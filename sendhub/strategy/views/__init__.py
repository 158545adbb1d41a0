"""Strategy pages: the plan and its actions, measures, partner measures and the boards. Thin views."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import ImportRejected, SendHubError
from sendhub.core.params import parse_int
from sendhub.core.steps import step
from sendhub.strategy import selectors
from sendhub.strategy.appendix_b import HEADER as APPENDIX_HEADER
from sendhub.strategy.charts import trend_chart
from sendhub.strategy.forms import (
    KPI_LABELS,
    CarryForwardForm,
    CompleteItemForm,
    InternshipForm,
    ItemForm,
    MeasureForm,
    MeetingForm,
    PfaReviewForm,
    SefSectionForm,
    UpdateForm,
    UploadForm,
    ValueForm,
)
from sendhub.strategy.pack_pdf import render_pack_pdf
from sendhub.strategy.services import adulthood as adulthood_services
from sendhub.strategy.services import board as board_services
from sendhub.strategy.services import measures as measure_services
from sendhub.strategy.services import plan as plan_services
from sendhub.strategy.services import sef as sef_services
from sendhub.strategy.services.plan_io import export_plan


def _plan_asked(request: AuthenticatedHttpRequest) -> Any:
    """The plan for ?year=2026, or the current one when no year is given; a 404 for a year we do not hold
    or that is not a year at all (read through core.params: '²' passes isdigit() but crashes int())."""
    raw = request.GET.get("year", "")
    if not raw.strip():
        return selectors.current_plan(None)
    year = parse_int(raw, minimum=2000, maximum=2100)
    plan = selectors.current_plan(year) if year is not None else None
    if plan is None:
        raise Http404("No plan for that year")
    return plan


@requires("strategy.view_plan")
def action_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = _plan_asked(request)
    rows = selectors.action_rows(plan, timezone.localdate()) if plan else []
    context = {
        "plan": plan,
        "plans": selectors.plans(),
        "status": selectors.plan_status(plan, timezone.localdate(), rows) if plan else [],
        "rows": rows,
    }
    return render(request, "strategy/action_list.html", context)


@requires("strategy.view_plan")
def plan_export(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    plan = selectors.current_plan(year)
    if plan is None:
        raise Http404
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"plan-{year}.xlsx"
        export_plan(plan=plan, out=out)
        response = HttpResponse(
            out.read_bytes(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="plan-{year}.xlsx"'
    return response


@requires("strategy.view_plan")
def action_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    today = timezone.localdate()
    trends = selectors.action_measures(action, today)
    charts = [
        (t, trend_chart(t.points, target=t.measure.target, higher_is_better=t.higher_is_better, unit=t.unit))
        for t in trends
    ]
    history = selectors.action_history(action)
    return render(
        request,
        "strategy/action_detail.html",
        {
            "action": action,
            "row": selectors.action_row(action, today, history),
            "steps": action.steps.all(),
            "history": history,
            "charts": charts,
            "kpi_labels": KPI_LABELS,
            "can_manage": request.user.has_perm("strategy.manage_plan"),
        },
    )


@requires("strategy.manage_plan")
def update_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    form = UpdateForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: plan_services.record_update(action=action, by=request.user, **d),
        template="strategy/update_create.html",
        context={"action": action},
        done=action,
        success=f"Update recorded for action {action.number}",
    )


@requires("strategy.manage_plan")
def carry_forward(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    form = CarryForwardForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: plan_services.carry_forward_action(action=action, by=request.user, **d),
        template="strategy/carry_forward.html",
        context={"action": action},
        done=redirect,
        success=lambda carried: f"Action {action.number} carried into the {carried.plan.year} plan",
    )


@requires("strategy.manage_plan")
def measure_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action(pk)
    form = MeasureForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: measure_services.link_measure(action=action, by=request.user, **d),
        template="strategy/measure_create.html",
        context={"action": action},
        done=action,
    )


@requires("strategy.view_partner_measures")
def partner_measure_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/partner_measure_list.html",
        {
            "measures": selectors.partner_measures_for(request.user),
            "can_enter": request.user.has_perm("strategy.enter_partner_measures"),
            "can_see_visits": request.user.has_perm("strategy.view_plan"),
        },
    )


@requires("strategy.view_partner_measures")
def partner_measure_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    measure = selectors.get_partner_measure_for_user(request.user, pk)
    return render(
        request,
        "strategy/partner_measure_detail.html",
        {
            "measure": measure,
            "values": selectors.partner_values(measure),
            "can_enter": measure_services.can_enter(request.user, measure),
        },
    )


@requires("strategy.enter_partner_measures")
def value_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    measure = selectors.get_partner_measure_for_user(request.user, pk)
    if not measure_services.can_enter(request.user, measure):
        raise PermissionDenied
    form = ValueForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: measure_services.record_partner_value(
            measure=measure, by=request.user, entry=measure_services.ValueInput(**d)
        ),
        template="strategy/value_create.html",
        context={"measure": measure},
        done=measure,
        success=f"Value saved for {measure.name}",
    )


@requires("strategy.enter_partner_measures")
def value_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = measure_services.upload_partner_values(text=form.cleaned_data["file"], by=request.user)
        except ImportRejected as e:
            form.add_error("file", str(e))
            problems = e.errors
        else:
            messages.success(request, f"{len(saved)} value(s) saved")
            return redirect("strategy:partner_measure_list")
    return render(request, "strategy/value_upload.html", {"form": form, "problems": problems})


def _board_meetings(request: AuthenticatedHttpRequest, board: str) -> HttpResponse:
    return render(
        request,
        "strategy/meeting_list.html",
        {
            "page": selectors.board_page(board, timezone.localdate()),
            "can_manage": request.user.has_perm("strategy.manage_board"),
        },
    )


@requires("strategy.view_board")
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board_meetings(request, "inclusion")


@requires("strategy.view_board")
def qa_meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board_meetings(request, "quality")


@requires("strategy.manage_board")
def meeting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, initial={"board": request.GET.get("board", "inclusion")})
    return step(
        request,
        form,
        lambda d: board_services.schedule_meeting(by=request.user, **d),
        template="strategy/meeting_create.html",
        context={},
        done=redirect,
    )


@requires("strategy.view_board")
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    pack = selectors.board_pack(meeting, timezone.localdate())
    return render(
        request,
        "strategy/meeting_detail.html",
        {
            "meeting": meeting,
            "pack": pack,
            "appendix_header": APPENDIX_HEADER,
            "can_manage": request.user.has_perm("strategy.manage_board"),
            "complete_form": CompleteItemForm(initial={"completed_on": timezone.localdate()}),
        },
    )


@requires("strategy.view_board")
def meeting_pack_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    pdf = render_pack_pdf(selectors.board_pack(meeting, timezone.localdate()))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="board-pack-{meeting.held_on:%Y-%m-%d}.pdf"'
    return response


@requires("strategy.manage_board")
def item_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting(pk)
    form = ItemForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: board_services.record_item(meeting=meeting, by=request.user, **d),
        template="strategy/item_create.html",
        context={"meeting": meeting},
        done=meeting,
    )


@post_only("strategy.manage_board")
def item_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_board_item(pk)
    form = CompleteItemForm(request.POST)
    if form.is_valid():
        try:
            board_services.complete_item(item=item, by=request.user, **form.cleaned_data)
        except SendHubError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, "Enter the date the action was completed")
    return redirect(item.meeting)


@requires("strategy.view_adulthood")
def adulthood(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/adulthood.html",
        {
            "summary": selectors.adulthood_summary(request.user),
            "can_record": request.user.has_perm("strategy.record_adulthood"),
        },
    )


@requires("strategy.record_adulthood")
def internship_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InternshipForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: adulthood_services.record_internship(by=request.user, **d),
        template="strategy/internship_create.html",
        context={},
        done="strategy:adulthood",
    )


@requires("strategy.record_adulthood")
def pfa_review_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PfaReviewForm(request.POST or None)
    return step(
        request,
        form,
        lambda d: adulthood_services.record_pfa_review(by=request.user, **d),
        template="strategy/pfa_review_create.html",
        context={},
        done="strategy:adulthood",
    )


@requires("strategy.view_plan")
def sef(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/sef.html",
        {
            "rows": selectors.sef_rows(timezone.localdate()),
            "can_manage": request.user.has_perm("strategy.manage_plan"),
        },
    )


@requires("strategy.manage_plan")
def sef_edit(request: AuthenticatedHttpRequest, theme: str) -> HttpResponse:
    title, section = selectors.get_sef_theme(theme)
    initial = (
        {
            "strengths": section.strengths,
            "areas_for_development": section.areas_for_development,
            "evidence": section.evidence,
            "measures": list(section.measures.all()),
        }
        if section
        else {}
    )
    form = SefSectionForm(request.POST or None, initial=initial, measures=selectors.plan_measures())
    if request.method == "POST" and form.is_valid():
        sef_services.save_sef_section(theme=theme, by=request.user, **form.cleaned_data)
        messages.success(request, "Self-evaluation saved")
        return redirect("strategy:sef")
    return render(request, "strategy/sef_edit.html", {"form": form, "title": title})


@requires("strategy.view_plan")
def annual_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = _plan_asked(request)
    if plan is None:
        raise Http404
    report = selectors.annual_report(plan, timezone.localdate())
    context = {
        "report": report,
        "plans": selectors.plans(),
        "published": selectors.is_published(plan),
        "can_manage": request.user.has_perm("strategy.manage_plan"),
    }
    return render(request, "strategy/annual_report.html", context)
