"""Letters: one letter (page and PDF), the print queue, a review invitation, and batches of letters."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from sendhub.cases import letter_selectors, selectors
from sendhub.cases.forms.letters import LetterBatchForm, MarkPrintedForm
from sendhub.cases.rules.periods import add_months
from sendhub.cases.services import letter_batches, plan_document
from sendhub.cases.services import letters as svc
from sendhub.cases.services import plans as plan_services
from sendhub.cases.views.common import confirm_form
from sendhub.cases.views.common import step as _step
from sendhub.core.access import AuthenticatedHttpRequest, requires
from sendhub.core.audit import record_event, record_view
from sendhub.core.exceptions import SendHubError
from sendhub.core.forms import add_refusal


@requires("cases.view_child")
def letter_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    letter = selectors.get_letter_for_user(request.user, pk)
    record_view(request, letter.child)
    return render(
        request,
        "cases/letter_detail.html",
        {
            "letter": letter,
            "blocks": svc.letter_blocks(letter),
            "council": svc.council_details(),
            "officer": svc.child_context(letter.child),
        },
    )


@requires("cases.view_child")
def letter_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The PDF kept when the letter was made (exactly as sent); older letters are rendered now."""
    letter = selectors.get_letter_for_user(request.user, pk)
    if letter.document is not None:
        with letter.document.file.open("rb") as handle:
            content = handle.read()
    else:
        content = svc.letters_pdf([letter])
    record_event(
        actor=request.user,
        action="cases.letter.downloaded",
        target=letter.child,
        request=request,
        data={"letter": letter.pk},
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{letter.pk}.pdf"'
    return response


@requires("cases.manage_print_queue")
def print_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    queued = list(letter_selectors.print_queue(request.user)[:500])
    choices = [(str(letter.pk), f"{letter.subject} to {letter.recipient_name}") for letter in queued]
    form = MarkPrintedForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = {int(pk) for pk in form.cleaned_data["letters"]}
        svc.mark_printed(letters=[letter for letter in queued if letter.pk in chosen], by=request.user)
        return redirect("cases:print_queue")
    return render(request, "cases/print_queue.html", {"letters": queued, "form": form})


@requires("cases.manage_print_queue")
def print_queue_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every letter waiting for post, in one PDF to print (each on its own pages)."""
    queued = list(letter_selectors.print_queue(request.user)[:500])
    if not queued:
        return redirect("cases:print_queue")
    record_event(
        actor=request.user,
        action="cases.letter.print_pack",
        request=request,
        data={"letters": [letter.pk for letter in queued]},
    )
    response = HttpResponse(svc.letters_pdf(queued), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letters-to-print-{timezone.localdate()}.pdf"'
    return response


@requires("cases.edit_child")
def review_invitation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk, write=True)
    return _step(
        request,
        confirm_form(request),
        plan,
        "Send the annual review invitation",
        lambda _d: plan_services.send_review_invitation(
            plan=plan, by=request.user, today=timezone.localdate()
        ),
        button="Send the invitation",
    )


@requires("cases.run_letter_batches")
def letter_batch_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = LetterBatchForm(
        request.POST or None,
        choices=list(letter_batches.BATCH_LETTERS.items()),
        initial={"template_key": "review-invitation", "month": add_months(today.replace(day=1), 1)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            batch = letter_batches.start_batch(by=request.user, today=today, **form.cleaned_data)
        except SendHubError as e:
            add_refusal(form, e)
        else:
            return redirect(batch)
    return render(
        request,
        "cases/letter_batch_new.html",
        {"form": form, "batches": letter_selectors.batches(request.user)[:20]},
    )


@requires("cases.run_letter_batches")
def letter_batch_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    batch = letter_selectors.get_batch_for_user(request.user, pk)
    return render(
        request,
        "cases/letter_batch_detail.html",
        {"batch": batch, "running": batch.status in {"queued", "running"}, "letters": batch.letters.count()},
    )


@requires("cases.view_child")
def plan_version_document(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    """The plan version as a document (sections A to K), to read on screen or print."""
    plan = selectors.get_plan_for_user(request.user, pk)
    version = selectors.get_version(plan, number)
    record_view(request, plan.child)
    return render(
        request, "cases/plan_document.html", {"plan": plan, "document": plan_document.plan_document(version)}
    )


@requires("cases.view_child")
def plan_version_pdf(request: AuthenticatedHttpRequest, pk: int, number: int) -> HttpResponse:
    plan = selectors.get_plan_for_user(request.user, pk)
    version = selectors.get_version(plan, number)
    record_event(
        actor=request.user,
        action="cases.plan.pdf_downloaded",
        target=plan.child,
        request=request,
        data={"plan": plan.pk, "version": version.number},
    )
    response = HttpResponse(plan_document.plan_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{plan_document.plan_pdf_filename(version)}"'
    return response
