"""Staff pages: moderation queue, reviews, problem reports, content pages (providers' pages: views.provider)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sendhub.core.access import AuthenticatedHttpRequest, post_only, requires
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal
from sendhub.core.params import uuid_params
from sendhub.core.steps import step
from sendhub.localoffer import presenters, selectors, services
from sendhub.localoffer.forms import ContentPageForm, RejectForm
from sendhub.localoffer.selectors import editing as selectors_editing


@requires("localoffer.moderate")
def moderation_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "localoffer/moderation_queue.html", {"revisions": selectors.moderation_queue()})


@post_only("localoffer.moderate")
def bulk_approve(request: AuthenticatedHttpRequest) -> HttpResponse:
    chosen = list(
        selectors.moderation_queue().filter(pk__in=uuid_params(request.POST.getlist("revision"), "revision"))
    )
    try:
        count = services.bulk_approve(revisions=chosen, by=request.user, today=timezone.localdate())
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"{count} change{'s' if count != 1 else ''} approved and published.")
    return redirect("localoffer:moderation_queue")


@requires("localoffer.moderate")
def revision_detail(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    revision = get_object_or_404(selectors.revisions_to_moderate(), pk=pk)
    current = services.service_snapshot(revision.service) if revision.service else {}
    terms = selectors_editing.term_names(current, revision.data)
    changes = presenters.field_changes(current, revision.data, terms)
    records = presenters.record_changes(current, revision.data)
    history = (
        revision.service.revisions.filter(status="approved").order_by("-number") if revision.service else []
    )
    form = RejectForm(request.POST or None)
    if request.method == "POST":
        try:
            if "approve" in request.POST:
                services.approve_revision(revision=revision, by=request.user, today=timezone.localdate())
                messages.success(request, "Change approved and published.")
                return redirect("localoffer:moderation_queue")
            if form.is_valid():
                services.reject_revision(
                    revision=revision, reason=form.cleaned_data["reason"], by=request.user
                )
                messages.success(request, "Change rejected. The provider can see your reason.")
                return redirect("localoffer:moderation_queue")
        except SendHubError as e:
            add_refusal(form, e)
    return render(
        request,
        "localoffer/revision_detail.html",
        {"revision": revision, "changes": changes, "records": records, "history": history, "form": form},
    )


@requires("localoffer.moderate")
def reviews_due(request: AuthenticatedHttpRequest) -> HttpResponse:
    due = selectors.services_due_review(timezone.localdate())
    return render(request, "localoffer/reviews_due.html", {"services": due[:200], "total": due.count()})


@requires("localoffer.view_problem_reports")
def problem_reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    reports = selectors.open_problem_reports()[:200]
    return render(request, "localoffer/problem_reports.html", {"reports": reports})


@post_only("localoffer.view_problem_reports")
def resolve_problem(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    report = get_object_or_404(selectors.problem_reports(), pk=pk)
    try:
        services.resolve_problem_report(report=report, by=request.user)
    except SendHubError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Report marked as dealt with.")
    return redirect("localoffer:problem_reports")


@requires("localoffer.edit_content")
def content_pages(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "localoffer/content_pages.html",
        {"pages": selectors.content_pages(), "waiting": selectors.content_changes_waiting()},
    )


@requires("localoffer.edit_content")
def content_page_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(selectors.content_pages(), slug=slug)
    initial = {"title": page.title, "summary": page.summary, "body": page.body, "version": page.version}
    form = ContentPageForm(request.POST or None, initial=initial)
    return step(
        request,
        form,
        lambda d: services.propose_content_change(page=page, by=request.user, **d),
        template="localoffer/content_page_edit.html",
        context={"page": page},
        done=lambda _: redirect("localoffer:content_pages"),
        success="Change sent. Families see it once another moderator has approved it.",
    )


@requires("localoffer.edit_content")
def content_page_history(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(selectors.content_pages(), slug=slug)
    versions = page.versions.select_related("edited_by", "approved_by")
    return render(request, "localoffer/content_page_history.html", {"page": page, "versions": versions})


@requires("localoffer.moderate")
def content_change_detail(request: AuthenticatedHttpRequest, pk: str) -> HttpResponse:
    """A proposed new text beside the published one: approve it (not your own) or reject it with a reason."""
    change = get_object_or_404(selectors.content_changes(), pk=pk)
    form = RejectForm(request.POST or None)
    if request.method == "POST":
        try:
            if "approve" in request.POST:
                services.approve_content_change(change=change, by=request.user)
                messages.success(request, f"Change approved: {change.title} is published.")
                return redirect("localoffer:content_pages")
            if form.is_valid():
                services.reject_content_change(
                    change=change, reason=form.cleaned_data["reason"], by=request.user
                )
                messages.success(request, "Change rejected.")
                return redirect("localoffer:content_pages")
        except SendHubError as e:
            add_refusal(form, e)
    return render(
        request,
        "localoffer/content_change_detail.html",
        {"change": change, "page": change.page, "form": form},
    )
