"""Public pages: search with filters, service page, shortlist without JavaScript, problem reports."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from sendhub.localoffer.models import ProblemReport, Service, TaxonomyTerm

pytestmark = pytest.mark.usefixtures("directory")


def test_index_links_search_categories_and_content_pages(client):
    page = client.get(reverse("localoffer:index")).content.decode()
    assert reverse("localoffer:content_page", args=["glossary"]) in page
    assert "Short breaks" in page


def test_search_shows_count_and_finds_typos(client):
    body = client.get(reverse("localoffer:service_list"), {"q": "swiming"}).content.decode()
    assert "swimming" in body.lower()
    assert " found" in body


def test_filters_are_combined_with_and(client):
    autism = TaxonomyTerm.objects.get(code="autism")
    expected = Service.objects.filter(
        terms=autism, cost_kind="free", minimum_age__lte=8, maximum_age__gte=8
    ).count()
    response = client.get(
        reverse("localoffer:service_list"), {"need": str(autism.pk), "cost": "free", "age": "8"}
    )
    assert f"{expected} service" in response.content.decode()


def test_bad_age_is_shown_as_a_gov_uk_error(client):
    response = client.get(reverse("localoffer:service_list"), {"age": "eight"})
    body = response.content.decode()
    assert "<title>Error: " in body and "Enter the age as a number, like 8" in body


def test_results_are_paginated(client):
    first = client.get(reverse("localoffer:service_list")).content.decode()
    second = client.get(reverse("localoffer:service_list"), {"page": "2"}).content.decode()
    assert "govuk-pagination" in first and "30 services found" in second


def test_service_page_answers_the_local_offer_questions_and_links_report(client):
    service = Service.objects.all()[0]
    body = client.get(reverse("localoffer:service_detail", args=[service.pk])).content.decode()
    for label in ("Who it is for", "How to use it", "How places are decided", "Feedback and complaints"):
        assert label in body
    assert reverse("localoffer:report_problem", args=[service.pk]) in body


def test_shortlist_works_with_plain_forms_and_can_be_emailed(client):
    a, b = Service.objects.all()[:2]
    for s in (a, b, a):
        client.post(reverse("localoffer:shortlist_add"), {"service": str(s.pk)})
    page = client.get(reverse("localoffer:shortlist")).content.decode()
    assert a.name in page and b.name in page
    client.post(reverse("localoffer:shortlist_remove"), {"service": str(b.pk)})
    assert b.name not in client.get(reverse("localoffer:shortlist")).content.decode()
    bad = client.post(reverse("localoffer:shortlist_email"), {"email": "nope"})
    assert "Enter an email address in the correct format" in bad.content.decode()
    client.post(reverse("localoffer:shortlist_email"), {"email": "family@example.test"})
    assert (
        len(mail.outbox) == 1
        and a.name in mail.outbox[0].body
        and mail.outbox[0].to == ["family@example.test"]
    )


def test_shortlist_add_refuses_get(client):
    assert client.get(reverse("localoffer:shortlist_add")).status_code == 405


def test_report_a_problem(client):
    service = Service.objects.all()[0]
    url = reverse("localoffer:report_problem", args=[service.pk])
    assert "Tell us what is wrong with the page" in client.post(url, {"what_is_wrong": ""}).content.decode()
    response = client.post(url, {"what_is_wrong": "The phone number is wrong"})
    assert response.status_code == 302
    assert ProblemReport.objects.get().what_is_wrong == "The phone number is wrong"


def test_content_page_renders_headings(client):
    body = client.get(reverse("localoffer:content_page", args=["glossary"])).content.decode()
    assert '<h2 class="govuk-heading-m">Annual review</h2>' in body
