"""A SENCO uploads the school's advice for an assessment and annual review paperwork for their schools'
pupils only, through the case documents; the upload is audited and the case officer sees it on the case."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.cases.models import AnnualReview, Document, PlanVersion
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, RequestFactory, SchoolFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""


@pytest.fixture
def pupil(senco, officer):
    school = SchoolFactory.create(name="Hillside Primary")
    senco.schools.add(school)
    return ChildFactory.create(first_name="Ana", school=school, officer=officer, team=officer.team)


def post(client, child, name, attach_to="", kind="advice"):
    return client.post(
        reverse("cases:document_upload", args=[child.pk]),
        {"file": SimpleUploadedFile(name, PDF), "title": "", "kind": kind, "attach_to": attach_to},
    )


def test_senco_uploads_the_schools_advice_and_the_officer_sees_who_and_when(
    client, login, senco, officer, pupil
):
    request = RequestFactory.create(child=pupil)
    login(client, senco)
    detail = client.get(reverse("cases:child_detail", args=[pupil.pk])).content.decode()
    assert reverse("cases:document_upload", args=[pupil.pk]) in detail
    form = client.get(reverse("cases:document_upload", args=[pupil.pk])).content.decode()
    assert f"request:{request.pk}" in form
    response = post(client, pupil, "school-advice.pdf", attach_to=f"request:{request.pk}")
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.child, document.request, document.uploaded_by) == (pupil, request, senco)
    event = AuditEvent.objects.get(action="cases.document.stored")
    assert (event.actor, event.data["document"]) == (senco, document.pk)

    login(client, officer)
    page = client.get(reverse("cases:document_list", args=[pupil.pk])).content.decode()
    assert "school-advice.pdf" in page
    assert senco.full_name in page
    assert f"{document.uploaded_at:%-d %b %Y}" in page


def test_senco_uploads_annual_review_paperwork_but_not_to_a_plan_version(client, login, senco, pupil):
    plan = PlanFactory.create(child=pupil)
    review = AnnualReview.objects.create(plan=plan, meeting=date(2026, 11, 10))
    version = PlanVersion.objects.create(plan=plan, number=1, kind="final", issued_on=date(2026, 3, 2))
    login(client, senco)
    form = client.get(reverse("cases:document_upload", args=[pupil.pk])).content.decode()
    assert f"review:{review.pk}" in form
    assert "version:" not in form
    assert post(client, pupil, "review-report.pdf", attach_to=f"review:{review.pk}").status_code == 302
    assert Document.objects.get().review == review
    refused = post(client, pupil, "plan.pdf", attach_to=f"version:{version.pk}")
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert Document.objects.count() == 1


def test_senco_cannot_upload_for_another_schools_child(client, login, senco, pupil):
    other = ChildFactory.create(first_name="Bea", school=SchoolFactory.create(name="Riverside Academy"))
    login(client, senco)
    assert client.get(reverse("cases:document_upload", args=[other.pk])).status_code == 404
    assert post(client, other, "advice.pdf").status_code == 404
    assert not Document.objects.exists()
    assert not AuditEvent.objects.filter(action="cases.document.stored").exists()


def test_senco_may_not_remove_documents(client, login, senco, officer, pupil):
    login(client, senco)
    post(client, pupil, "advice.pdf")
    document = Document.objects.get()
    page = client.get(reverse("cases:document_list", args=[pupil.pk])).content.decode()
    assert "advice.pdf" in page and reverse("cases:document_remove", args=[document.pk]) not in page
    assert client.get(reverse("cases:document_remove", args=[document.pk])).status_code == 403
