"""The EHC plan as a document: sections A to K, outcomes and provision, setting, budget, signature;
"DRAFT" until final. The PDF is read back with a PDF text extractor (pypdf)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from sendhub.cases import vocab
from sendhub.cases.models import Outcome, PlanVersion, Provision
from sendhub.cases.services.plan_document import plan_pdf
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(officer):
    child = ChildFactory.create(officer=officer, team=officer.team, first_name="Ray", last_name="D'Souza")
    plan = PlanFactory.create(
        child=child,
        named_setting=SchoolFactory.create(name="Hill & Dale Primary"),
        personal_budget=True,
        personal_budget_amount=Decimal("4250.00"),
        direct_payment="E",
    )
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        kind="final",
        issued_on=date(2025, 10, 17),
        sections={code: f"Text of section {code}" for code, _ in vocab.PLAN_SECTIONS},
    )
    outcome = Outcome.objects.create(
        version=version, description="Reads a short book on his own", area="education"
    )
    Provision.objects.create(
        version=version, section="F", description="Small-group phonics", frequency="3 x 30 minutes a week",
        provider="Class teacher", outcome=outcome,
    )  # fmt: skip
    return version


def text_of(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_the_pdf_holds_sections_a_to_k_and_the_childs_name(version):
    text = text_of(plan_pdf(version))
    for code, title in vocab.PLAN_SECTIONS:
        assert f"Section {code}: {title}" in text, code
        assert f"Text of section {code}" in text, code
    for expected in [
        "Ray D'Souza",
        "Reads a short book on his own",
        "Small-group phonics",
        "3 x 30 minutes a week",
        "Hill & Dale Primary",
        "£4,250.00 a year",
        "Education only",
        "Signatures and dates",
        "17 October 2025",
    ]:
        assert expected in text, expected
    assert "DRAFT" not in text


def test_a_draft_is_marked_draft_on_the_page_and_the_pdf(client, login, officer, version):
    PlanVersion.objects.filter(pk=version.pk).update(kind="draft")
    version.refresh_from_db()
    assert "DRAFT" in text_of(plan_pdf(version))
    login(client, officer)
    page = client.get(reverse("cases:plan_version_document", args=[version.plan.pk, 1])).content.decode()
    assert "DRAFT: this plan is not final" in page and "plan-document--draft" in page


def test_the_plan_page_and_pdf_download(client, login, officer, colleague, version):
    login(client, officer)
    page = client.get(reverse("cases:plan_version_document", args=[version.plan.pk, 1])).content.decode()
    for code, title in vocab.PLAN_SECTIONS:
        assert f"Section {code}: {title}" in page
    assert "Ray D&#x27;Souza" in page and "Hill &amp; Dale Primary" in page and "Small-group phonics" in page
    assert "DRAFT" not in page
    pdf = client.get(reverse("cases:plan_version_pdf", args=[version.plan.pk, 1]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "Ray D'Souza" in text_of(pdf.content)
    login(client, colleague)  # not their case
    assert client.get(reverse("cases:plan_version_pdf", args=[version.plan.pk, 1])).status_code == 404
