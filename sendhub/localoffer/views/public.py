"""Public Local Offer pages: search, service, shortlist, report a problem, content pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from sendhub.core import paging, ratelimit
from sendhub.core.params import parse_uuid
from sendhub.localoffer import presenters, selectors, services
from sendhub.localoffer.forms import ProblemReportForm, SearchForm, ShortlistEmailForm

PER_PAGE = 20


def _shortlist(request: HttpRequest) -> list[str]:
    return list(request.session.get(presenters.SHORTLIST_KEY, []))


@login_not_required
def index(request: HttpRequest) -> HttpResponse:
    categories = selectors.categories()
    return render(
        request,
        "localoffer/index.html",
        {"form": SearchForm(), "categories": categories, "pages": selectors.content_pages()},
    )


FILTER_FIELDS = ("category", "need", "age", "cost", "day", "time", "area")


@login_not_required
def service_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters, number = form.filters(), paging.requested_page(request)
    total, found = selectors.search_services(filters, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
    if number > (last := paging.bounded_number(number, total, PER_PAGE)):  # past the end: the last page
        number = last
        total, found = selectors.search_services(filters, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
    context = {
        "form": form,
        "total": total,
        "page_obj": paging.window_page(found, total, number, PER_PAGE),
        "services": found,
        "query": presenters.query_without_page(request.GET),
        "shortlist": _shortlist(request),
        # The filters sit behind a "Filter" control (closed unless one is wrong), so results come first.
        "filters_applied": sum(1 for name in FILTER_FIELDS if any(request.GET.getlist(name))),
        "filters_open": any(form[name].errors for name in FILTER_FIELDS) if form.is_bound else False,
    }
    return render(request, "localoffer/service_list.html", context)


@login_not_required
def service_detail(request: HttpRequest, pk: str) -> HttpResponse:
    service = get_object_or_404(selectors.service_detail_queryset(), pk=pk)
    return render(
        request,
        "localoffer/service_detail.html",
        {
            "service": service,
            "age": presenters.age_text(service),
            "shortlisted": str(service.pk) in _shortlist(request),
        },
    )


@login_not_required
def report_problem(request: HttpRequest, pk: str) -> HttpResponse:
    service = get_object_or_404(selectors.all_services(), pk=pk)
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if refusal := ratelimit.refuse(request, "problem_report"):
            return refusal
        services.report_problem(service=service, **form.cleaned_data)
        messages.success(request, "Thank you. We will check the page and correct it.")
        return redirect("localoffer:service_detail", pk=service.pk)
    return render(request, "localoffer/report_problem.html", {"service": service, "form": form})


@login_not_required
def shortlist(request: HttpRequest) -> HttpResponse:
    ids = _shortlist(request)
    chosen = selectors.service_detail_queryset().filter(pk__in=ids).order_by("name")
    return render(request, "localoffer/shortlist.html", {"services": chosen})


@login_not_required
@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    service = get_object_or_404(selectors.all_services(), pk=parse_uuid(request.POST.get("service")))
    ids = _shortlist(request)
    if str(service.pk) not in ids and len(ids) < presenters.SHORTLIST_MAX:
        request.session[presenters.SHORTLIST_KEY] = [*ids, str(service.pk)]
    messages.success(request, f"{service.name} is on your shortlist.")
    next_url = request.POST.get("next", "")
    return redirect(next_url if next_url.startswith("/local-offer/") else reverse("localoffer:shortlist"))


@login_not_required
@require_POST
def shortlist_remove(request: HttpRequest) -> HttpResponse:
    request.session[presenters.SHORTLIST_KEY] = [
        i for i in _shortlist(request) if i != request.POST.get("service")
    ]
    return redirect("localoffer:shortlist")


@login_not_required
def shortlist_email(request: HttpRequest) -> HttpResponse:
    chosen = list(selectors.service_detail_queryset().filter(pk__in=_shortlist(request)).order_by("name"))
    form = ShortlistEmailForm(request.POST or None)
    if request.method == "POST" and chosen and form.is_valid():
        if refusal := ratelimit.refuse(request, "shortlist_email"):
            return refusal
        body = render_to_string(
            "localoffer/shortlist_email.txt",
            {"services": chosen, "base": request.build_absolute_uri("/")[:-1]},
        )
        send_mail("Your Local Offer shortlist", body, None, [form.cleaned_data["email"]])
        messages.success(request, "We have emailed your shortlist.")
        return redirect("localoffer:shortlist")
    return render(request, "localoffer/shortlist_email.html", {"form": form, "services": chosen})


@login_not_required
def content_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(selectors.content_pages(), slug=slug)
    return render(
        request,
        "localoffer/content_page.html",
        {"page": page, "blocks": presenters.content_blocks(page.body)},
    )
