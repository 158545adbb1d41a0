"""Casework pages: access (404 hidden, 403 read-only), valid HTML, forms and the audit of views."""

from datetime import date

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import rules
from sendhub.cases.models import AssessmentRequest, Child, Letter
from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, PlanFactory, SchoolFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer):
    child = ChildFactory.create(officer=officer, team=officer.team, first_name="Robin", last_name="Sample")
    today = timezone.localdate()
    request = svc.record_request(
        child=child, received=today.replace(day=1), source="parent", by=officer, today=today
    )
    return request


def test_officer_pages_render(client, login, officer, case):
    login(client, officer)
    child = case.child
    for url in [
        reverse("cases:worklist"),
        reverse("cases:worklist") + "?list=overdue",
        reverse("cases:worklist") + "?list=advice",
        reverse("cases:child_list") + "?q=Robin",
        reverse("cases:child_detail", args=[child.pk]),
        reverse("cases:child_edit", args=[child.pk]),
        reverse("cases:request_detail", args=[case.pk]),
        reverse("cases:request_decision", args=[case.pk]),
        reverse("cases:panel_agenda"),
        reverse("cases:panel_decision", args=[case.pk]),
        reverse("cases:phase_transfers"),
        reverse("cases:appeal_list"),
        reverse("cases:transfer_list"),
        reverse("cases:request_new"),
        reverse("cases:exception_new", args=[case.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    # Each main page shows what the officer must see of this case, not only that it opens.
    due = child.requests.get().received
    reg5 = rules.decision_to_assess_due(due)
    expected = {
        reverse("cases:worklist"): [
            "Robin Sample",
            "Awaiting decision to assess",
            f"{reg5.day} {reg5:%b %Y}",
        ],
        reverse("cases:child_list") + "?q=Robin": ["Robin Sample", child.reference],
        reverse("cases:child_detail", args=[child.pk]): [
            "Robin Sample",
            f"Next: Decide whether to assess (reg 5), due {reg5.day} {reg5:%B %Y}",
        ],
        reverse("cases:request_detail", args=[case.pk]): [
            "Awaiting decision to assess. Next: Decide whether to assess (reg 5)",
            "SEND Regs 2014 reg 5(1)",
        ],
        reverse("cases:panel_agenda"): ["Robin Sample"],
    }
    for url, texts in expected.items():
        body = " ".join(lxml.html.fromstring(client.get(url).content).text_content().split())
        for text in texts:
            assert text in body, (url, text)


def test_viewing_a_child_is_audited(client, login, officer, case):
    login(client, officer)
    client.get(reverse("cases:child_detail", args=[case.child_id]))
    event = AuditEvent.objects.get(action="cases.child.viewed")
    assert (event.actor, event.target_id) == (officer, str(case.child_id))


def test_other_officer_gets_404_and_senco_gets_403_on_edit(client, login, colleague, senco, case):
    login(client, colleague)
    assert client.get(reverse("cases:child_detail", args=[case.child_id])).status_code == 404
    school = SchoolFactory.create()
    Child.objects.filter(pk=case.child_id).update(school=school)
    senco.schools.add(school)
    login(client, senco)
    assert client.get(reverse("cases:child_detail", args=[case.child_id])).status_code == 200
    assert client.get(reverse("cases:child_edit", args=[case.child_id])).status_code == 403


def test_parent_is_sent_to_the_family_page_and_changes_nothing(client, login, parent, case):
    ParentFactory.create(child=case.child, user=parent)
    login(client, parent)
    response = client.get(reverse("cases:child_detail", args=[case.child_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:child", args=[case.child_id])
    assert client.get(reverse("cases:request_decision", args=[case.pk])).status_code == 403
    assert client.get(reverse("cases:child_detail", args=[ChildFactory.create().pk])).status_code == 404


def test_intake_checks_for_duplicates(client, login, officer):
    existing = ChildFactory.create(
        officer=officer, first_name="Dana", last_name="Twin", birth_date=date(2017, 4, 5)
    )
    login(client, officer)
    today = timezone.localdate()
    form = {
        "first_name": "Dana",
        "last_name": "Twin",
        "birth_date_0": "5",
        "birth_date_1": "4",
        "birth_date_2": "2017",
        "sex": "F",
        "received_0": str(today.day),
        "received_1": str(today.month),
        "received_2": str(today.year),
        "source": "school",
    }
    response = client.post(reverse("cases:request_new"), form)
    assert response.status_code == 200
    assert existing.reference.encode() in response.content
    assert not AssessmentRequest.objects.exists()
    response = client.post(reverse("cases:request_new"), {**form, "confirm_new": "on"})
    assert response.status_code == 302
    assert Child.objects.filter(last_name="Twin").count() == 2


def test_intake_errors_are_shown(client, login, officer):
    login(client, officer)
    response = client.post(reverse("cases:request_new"), {"first_name": ""})
    assert response.status_code == 200
    assert b"Error: " in response.content
    assert b"Enter the child&#x27;s first name" in response.content


def test_stale_edit_shows_an_error(client, login, officer, case):
    login(client, officer)
    child = case.child
    data = {
        "first_name": "New",
        "last_name": child.last_name,
        "birth_date_0": "1",
        "birth_date_1": "3",
        "birth_date_2": "2015",
        "sex": "M",
        "ethnicity": "NOBT",
        "sen_status": "support",
        "version": "1",
    }
    Child.objects.filter(pk=child.pk).update(version=5)
    response = client.post(reverse("cases:child_edit", args=[child.pk]), data)
    assert response.status_code == 200
    assert b"Someone else changed this record" in response.content
    child.refresh_from_db()
    assert child.first_name == "Robin"


def test_panel_decision_makes_a_letter_and_pdf(client, login, officer, manager, case):
    login(client, officer)
    today = timezone.localdate()
    response = client.post(
        reverse("cases:panel_decision", args=[case.pk]),
        {
            "question": "assess",
            "outcome": "no",
            "reasons": "Needs are being met at SEN Support.",
            "held_on_0": str(today.day),
            "held_on_1": str(today.month),
            "held_on_2": str(today.year),
            "members": [manager.pk],
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "not_assessed"
    letter = Letter.objects.get(template__key="assess-no", decision__isnull=False)
    assert "Needs are being met" in letter.body and "appeal" in letter.body
    assert client.get(reverse("cases:letter_detail", args=[letter.pk])).status_code == 200
    pdf = client.get(reverse("cases:letter_pdf", args=[letter.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    detail = client.get(response["Location"])
    assert manager.full_name.encode() in detail.content


def test_opening_a_letter_pdf_or_a_panel_decision_is_audited(client, login, officer, manager, case):
    login(client, officer)
    today = timezone.localdate()
    response = client.post(
        reverse("cases:panel_decision", args=[case.pk]),
        {
            "question": "assess",
            "outcome": "no",
            "reasons": "Needs are being met at SEN Support.",
            "held_on_0": str(today.day),
            "held_on_1": str(today.month),
            "held_on_2": str(today.year),
        },
    )
    letter = Letter.objects.filter(decision__isnull=False).get()  # the panel's decision letter
    login(client, manager)
    client.get(reverse("cases:letter_pdf", args=[letter.pk]))
    client.get(response["Location"])
    decision_view = AuditEvent.objects.get(action="cases.child.viewed", actor=manager)
    assert (decision_view.target_id, tuple(sorted(decision_view.data))) == (
        str(case.child_id),
        ("panel_decision",),
    )
    pdf_view = AuditEvent.objects.get(action="cases.letter.downloaded", actor=manager)
    assert pdf_view.target_id == str(case.child_id) and pdf_view.data["letter"] == letter.pk
    assert pdf_view.path == reverse("cases:letter_pdf", args=[letter.pk])


def test_manager_edits_letter_template_and_reassigns(client, login, manager, officer, colleague, case):
    from sendhub.cases.models import LetterTemplate
    from sendhub.cases.services.panel import ensure_default_templates

    # The defaults come from a data migration, which a transactional test elsewhere in the run may flush.
    ensure_default_templates()
    login(client, manager)
    assert client.get(reverse("cases:letter_template_list")).status_code == 200

    template = LetterTemplate.objects.get(key="assess-no")
    bad = client.post(
        reverse("cases:letter_template_edit", args=[template.pk]),
        {"subject": "x", "body": "{% if %}", "version": template.version},
    )
    assert b"merge field error" in bad.content
    ok = client.post(
        reverse("cases:letter_template_edit", args=[template.pk]),
        {"subject": "Decision for {{ child_name }}", "body": "Dear family", "version": template.version},
    )
    assert ok.status_code == 302
    response = client.post(
        reverse("cases:reassign", args=[case.child_id]), {"officer": colleague.pk, "version": 1}
    )
    assert response.status_code == 302
    assert Child.objects.get(pk=case.child_id).officer == colleague


def test_plan_pages(client, login, officer, manager):
    plan = PlanFactory.create(child=ChildFactory.create(officer=officer, team=officer.team))
    login(client, officer)
    page = client.get(reverse("cases:plan_detail", args=[plan.pk]))
    summary = {
        row.xpath("dt")[0].text_content().strip(): " ".join(row.xpath("dd")[0].text_content().split())
        for row in lxml.html.fromstring(page.content).xpath(
            "//dl[contains(@class, 'govuk-summary-list')]/div"
        )
    }
    assert summary["First issued"] == "29 February 2024"
    assert summary["Next"].startswith("Annual review meeting (CFA s.44), due ")
    assert client.get(reverse("cases:review_new", args=[plan.pk])).status_code == 200
    assert client.get(reverse("cases:cease_notice", args=[plan.pk])).status_code == 200
    login(client, manager)
    assert client.get(reverse("cases:qa_overview")).status_code == 200


def test_parent_contact_preference_needs_the_detail(client, login, officer, case):
    login(client, officer)
    url = reverse("cases:parent_new", args=[case.child_id])
    response = client.post(
        url, {"name": "Chris Sample", "relationship": "Father", "contact_preference": "email"}
    )
    assert b"Enter an email address, or choose another way" in response.content
    response = client.post(
        url,
        {
            "name": "Chris Sample",
            "relationship": "Father",
            "contact_preference": "phone",
            "phone": "020 7946 0000",
        },
    )
    assert response.status_code == 302
    assert case.child.parents.get().contact_preference == "phone"


def test_plan_structured_pages(client, login, officer):
    plan = PlanFactory.create(child=ChildFactory.create(officer=officer, team=officer.team))
    login(client, officer)
    for name in ["budget_edit", "outcome_new", "provision_new"]:
        assert client.get(reverse(f"cases:{name}", args=[plan.pk])).status_code == 200
    for name in ["parent_new", "professional_new", "placement_new"]:
        assert client.get(reverse(f"cases:{name}", args=[plan.child_id])).status_code == 200
