"""A SENCO asks for an EHC needs assessment (CFA s.36(1)) for their schools' pupils only, with the
graduated approach's evidence; the request lands on the staff case; the SENCO sees the decision."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sendhub.accounts.models import Role
from sendhub.cases.models import AssessmentRequest, Document, SchoolRequestEvidence
from sendhub.cases.tests.factories import ChildFactory, RequestFactory, SchoolFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""


@pytest.fixture
def school(senco):
    school = SchoolFactory.create(name="Hillside Primary")
    senco.schools.add(school)
    return school


def evidence(child, **extra):
    return {
        "child": str(child.pk),
        "review_cycles": "3",
        "support_plan": "yes",
        "notional_budget_used": "6000.00",
        "summary": "Three cycles of small-group phonics; progress has stalled.",
        **extra,
    }


def test_senco_asks_for_their_pupil_and_the_officer_sees_it(client, login, senco, school, officer):
    pupil = ChildFactory.create(first_name="Ana", school=school, officer=officer, team=officer.team)
    login(client, senco)
    form = client.get(reverse("cases:request_new")).content.decode()
    assert "Ana" in form and "assess-plan-do-review" in form
    response = client.post(
        reverse("cases:request_new"), evidence(pupil, file=SimpleUploadedFile("support-plan.pdf", PDF))
    )
    assert response.status_code == 302
    request = AssessmentRequest.objects.get(child=pupil)
    assert (request.received, request.source) == (timezone.localdate(), "school")
    assert senco.full_name in request.requester_name and "Hillside Primary" in request.requester_name
    kept = SchoolRequestEvidence.objects.get(request=request)
    assert (kept.school, kept.made_by, kept.review_cycles, kept.support_plan) == (school, senco, 3, True)
    assert kept.notional_budget_used == Decimal("6000.00")
    assert Document.objects.get(kind="evidence").request == request
    assert AuditEvent.objects.filter(action="cases.request.made_by_school", actor=senco).exists()
    [email] = mail.outbox
    assert email.to == [officer.email] and "Ana" not in email.body
    listing = client.get(reverse("cases:school_requests")).content.decode()
    assert "Ana" in listing
    assert f"due by {request.received + timedelta(weeks=6):%-d %B %Y}" in listing


def test_the_decision_shows_on_the_schools_list(client, login, senco, school, officer):
    pupil = ChildFactory.create(first_name="Ana", school=school, officer=officer)
    login(client, senco)
    client.post(reverse("cases:request_new"), evidence(pupil))
    request = AssessmentRequest.objects.get(child=pupil)
    request.decided_to_assess = request.received + timedelta(days=20)
    request.save(update_fields=["decided_to_assess"])
    listing = client.get(reverse("cases:school_requests")).content.decode()
    assert f"decided on {request.decided_to_assess:%-d %B %Y} to assess" in listing


def test_senco_cannot_ask_for_another_schools_child(client, login, senco, school, officer):
    elsewhere = ChildFactory.create(first_name="Zed", school=SchoolFactory.create(), officer=officer)
    login(client, senco)
    assert "Zed" not in client.get(reverse("cases:request_new")).content.decode()
    response = client.post(reverse("cases:request_new"), evidence(elsewhere))
    assert response.status_code == 200
    assert "Select one of your school" in response.content.decode()
    assert not AssessmentRequest.objects.exists()


def test_other_schools_requests_are_not_listed(client, login, senco, school, make_user, officer):
    other_senco = make_user(Role.SENCO, email="other.senco@example.org")
    other_school = SchoolFactory.create()
    other_senco.schools.add(other_school)
    theirs = ChildFactory.create(first_name="Zed", school=other_school, officer=officer)
    login(client, other_senco)
    assert client.post(reverse("cases:request_new"), evidence(theirs)).status_code == 302
    login(client, senco)
    assert "Zed" not in client.get(reverse("cases:school_requests")).content.decode()
    request = AssessmentRequest.objects.get()
    assert client.get(reverse("cases:request_detail", args=[request.pk])).status_code == 404


def test_open_request_and_bad_evidence_are_refused(client, login, senco, school, officer):
    pupil = ChildFactory.create(first_name="Ana", school=school, officer=officer)
    login(client, senco)
    response = client.post(reverse("cases:request_new"), evidence(pupil, notional_budget_used="-5"))
    assert response.status_code == 200 and not AssessmentRequest.objects.exists()
    RequestFactory.create(child=pupil)
    response = client.post(reverse("cases:request_new"), evidence(pupil))
    assert "already has an open request" in response.content.decode()
    assert not SchoolRequestEvidence.objects.exists()


@pytest.mark.parametrize(("role", "status"), [(Role.PARENT, 403), (Role.EP, 403), (Role.ANALYST, 403)])
def test_only_staff_and_sencos_make_requests(client, login, make_user, role, status):
    login(client, make_user(role))
    assert client.get(reverse("cases:request_new")).status_code == status
    assert client.get(reverse("cases:school_requests")).status_code == 403
