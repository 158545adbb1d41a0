"""Letters for every statutory step: made from the templates, kept as a PDF on the case, emailed to a
parent who prefers email, put on the print queue otherwise; read right with apostrophes and ampersands."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sendhub.cases.models import Document, Letter, LetterBatch, LetterTemplate
from sendhub.cases.rules.periods import add_months
from sendhub.cases.services import letter_batches, letters
from sendhub.cases.services import plans as plan_services
from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, PlanFactory, RequestFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = date(2025, 12, 1)
SECTIONS = {
    code: f"Section {code}" for code in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDHUB_CLAMAV_SOCKET = ""
    settings.SENDHUB_COUNCIL_IASS_NAME = "Camden SENDIASS"
    settings.SENDHUB_COUNCIL_MEDIATION = "Global Mediation, 0800 000 0000"


@pytest.fixture
def child(officer):
    officer.phone = "020 7000 1234"
    officer.save()
    child = ChildFactory.create(
        officer=officer,
        team=officer.team,
        first_name="Sam",
        last_name="O'Neill",
        address="1 Test Row",
        postcode="NW1 0AA",
    )
    ParentFactory.create(child=child, name="Jo O'Neill", email="jo@example.test", contact_preference="email")
    ParentFactory.create(
        child=child, name="Chris Smith & Co", address="2 Other Road, London", contact_preference="post"
    )
    return child


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def keys(child):
    return list(Letter.objects.filter(child=child).order_by("id").values_list("template__key", flat=True))


def test_every_step_of_an_assessment_makes_its_letters(officer, child, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = svc.record_request(
            child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
        )
        svc.record_assessment_decision(
            request=request, assess=True, decided_on=date(2025, 7, 7), by=officer, today=TODAY
        )
        svc.request_advice(
            request=request,
            kind="psychological",
            requested_on=date(2025, 7, 10),
            by=officer,
            today=TODAY,
            adviser_name="Dr Ada Example",
        )
        svc.issue_draft(
            request=request, issued_on=date(2025, 9, 15), sections=SECTIONS, by=officer, today=TODAY
        )
        svc.record_consultation(
            request=request, consulted=date(2025, 9, 16), responded=None, by=officer, today=TODAY
        )
        svc.issue_final(
            request=request, issued_on=date(2025, 10, 17), sections=SECTIONS, by=officer, today=TODAY
        )
    two = ["request-acknowledgement"] * 2 + ["assess-yes"] * 2
    assert keys(child) == [
        *two,
        "advice-request",
        "draft-plan",
        "draft-plan",
        "consultation",
        "final-plan",
        "final-plan",
    ]
    # Every letter is a PDF document on the case, attached to the request (or its advice).
    letters = Letter.objects.filter(child=child)
    assert all(letter.document and letter.document.content_type == "application/pdf" for letter in letters)
    assert Document.objects.filter(child=child, kind="letter").count() == letters.count()
    # The parent who prefers email gets each of theirs by email, PDF attached; the others go on the print queue.
    to_jo = [m for m in mail.outbox if m.to == ["jo@example.test"]]
    assert [m.subject for m in to_jo] == [
        letter.subject for letter in letters.filter(recipient_email="jo@example.test").order_by("id")
    ]
    assert to_jo[0].attachments[0][2] == "application/pdf"
    # A covering letter brings the plan itself: the draft, then the final plan, with Sam's name in it.
    draft_mail = next(m for m in to_jo if m.subject.startswith("The draft EHC plan"))
    plan_name, plan_content, _ = draft_mail.attachments[1]
    assert plan_name.endswith("-v1.pdf") and "Sam O'Neill" in pdf_text(plan_content)
    assert len(next(m for m in to_jo if m.subject.startswith("The final EHC plan")).attachments) == 2
    assert all(letter.emailed_at for letter in letters.filter(delivery="email"))
    posted = letters.filter(delivery="post")
    assert sorted(posted.values_list("recipient_name", flat=True)) == [
        *["Chris Smith & Co"] * 4,
        "Dr Ada Example",  # no email address for the adviser: by post
        "The school or college",  # consulted; settings have no email address in the register
    ]


def test_review_steps_make_their_letters(officer, child):
    plan = PlanFactory.create(child=child, start_date=date(2024, 11, 1))
    review = plan_services.record_review_meeting(
        plan=plan, meeting=date(2025, 10, 20), by=officer, today=TODAY
    )
    plan_services.record_review_decision(
        review=review, outcome="amend", decided_on=date(2025, 11, 3), by=officer, today=TODAY
    )
    plan_services.propose_amendments(
        plan=plan, notice_sent=date(2025, 11, 5), sections=SECTIONS, by=officer, today=TODAY
    )
    plan_services.issue_amended(
        plan=plan, issued_on=date(2025, 11, 28), sections=SECTIONS, by=officer, today=TODAY
    )
    plan_services.send_review_invitation(plan=plan, by=officer, today=TODAY)
    assert keys(child) == [
        k
        for k in ["review-amend", "amendments-proposed", "amended-final", "review-invitation"]
        for _ in (1, 2)
    ]


def test_a_decision_letter_reads_right_with_apostrophes_and_ampersands(client, login, officer, child):
    request = RequestFactory.create(child=child)
    svc.record_assessment_decision(
        request=request,
        assess=False,
        decided_on=date(2025, 7, 7),
        by=officer,
        today=TODAY,
        reasons="Sam's needs can be met at St Mary's & St John's school.",
    )
    letter = Letter.objects.get(template__key="assess-no", recipient_name="Jo O'Neill")
    assert "Sam's needs can be met at St Mary's & St John's school." in letter.body
    assert "&#x27;" not in letter.body and "&amp;" not in letter.body
    login(client, officer)
    page = client.get(reverse("cases:letter_detail", args=[letter.pk])).content.decode()
    assert (
        "Sam&#x27;s needs can be met at St Mary&#x27;s &amp; St John&#x27;s school." in page
    )  # escaped once
    assert "&amp;#x27;" not in page and "&amp;amp;" not in page
    text = pdf_text(b"".join(client.get(reverse("cases:letter_pdf", args=[letter.pk])).content for _ in [0]))
    flat = " ".join(text.split())
    assert "Sam's needs can be met at St Mary's & St John's school." in flat
    assert "&#x27;" not in flat and "&amp;" not in flat
    # What the law requires the family to be told, and who the letter is from and to.
    for expected in [
        "Jo O'Neill",
        "Date: 1 December 2025",
        "Sam O'Neill",
        "Test case_officer",
        "020 7000 1234",
        "Camden Council",
        "First-tier Tribunal",
        "Global Mediation, 0800 000 0000",
        "Camden SENDIASS",
    ]:
        assert expected in flat, expected


def test_print_queue_lists_posted_letters_until_marked_printed(client, login, officer, child):
    request = RequestFactory.create(child=child)
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=date(2025, 7, 7), by=officer, today=TODAY
    )
    posted = Letter.objects.get(delivery="post")
    login(client, officer)
    page = client.get(reverse("cases:print_queue")).content.decode()
    assert "Chris Smith &amp; Co" in page and "2 Other Road, London" in page
    assert "Jo O&#x27;Neill" not in page  # emailed, not posted
    pack = client.get(reverse("cases:print_queue_pdf"))
    assert "Chris Smith & Co" in pdf_text(pack.content)
    assert client.post(reverse("cases:print_queue"), {"letters": [posted.pk]}).status_code == 302
    posted.refresh_from_db()
    assert posted.printed_at is not None and posted.printed_by == officer
    assert "No letters are waiting" in client.get(reverse("cases:print_queue")).content.decode()
    assert AuditEvent.objects.filter(action="cases.letter.printed").exists()


def test_print_queue_shows_only_letters_of_children_one_may_see(client, login, officer, colleague, child):
    svc.record_assessment_decision(
        request=RequestFactory.create(child=child),
        assess=True,
        decided_on=date(2025, 7, 7),
        by=officer,
        today=TODAY,
    )
    login(client, colleague)
    assert "Chris Smith" not in client.get(reverse("cases:print_queue")).content.decode()


def test_batch_of_review_invitations_for_next_month(
    client, login, manager, officer, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    next_month = add_months(today.replace(day=1), 1)
    due_next_month = [ChildFactory.create(officer=officer, team=officer.team) for _ in range(3)]
    for c in due_next_month:
        PlanFactory.create(child=c, start_date=add_months(next_month, -12).replace(day=15))
    later = add_months(next_month, -10).replace(day=15)  # due in two months: not in this batch
    PlanFactory.create(child=ChildFactory.create(officer=officer, team=officer.team), start_date=later)
    login(client, manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cases:letter_batch_new"),
            {
                "template_key": "review-invitation",
                "month_0": "1",
                "month_1": str(next_month.month),
                "month_2": str(next_month.year),
            },
        )
    batch = LetterBatch.objects.get()
    assert response["Location"] == reverse("cases:letter_batch_detail", args=[batch.pk])
    assert (batch.status, batch.total, batch.done) == ("finished", 3, 3)
    assert sorted(Letter.objects.filter(batch=batch).values_list("child_id", flat=True)) == sorted(
        c.pk for c in due_next_month
    )
    page = client.get(response["Location"]).content.decode()
    assert "3 letters made" in page and 'value="100"' in page
    again = letter_batches.run_batch(
        letter_batches.start_batch(
            template_key="review-invitation", month=next_month, by=manager, today=today
        ).pk
    )
    assert (again.total, again.done, again.skipped) == (3, 0, 3)


def test_a_batch_keeps_its_letters_in_groups_emails_each_group_and_a_failure_keeps_the_groups_made(
    manager, officer, monkeypatch, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    next_month = add_months(today.replace(day=1), 1)
    children = [
        ChildFactory.create(officer=officer, team=officer.team, last_name=f"O'Group{n}") for n in range(5)
    ]
    for n, c in enumerate(children):
        PlanFactory.create(child=c, start_date=add_months(next_month, -12).replace(day=10 + n))
        ParentFactory.create(
            child=c, name=f"Jo O'Group{n}", email=f"jo{n}@example.test", contact_preference="email"
        )
        ParentFactory.create(
            child=c, name=f"Chris Group{n}", address="2 Other Road", contact_preference="post"
        )
    monkeypatch.setattr(letter_batches, "GROUP_SIZE", 2)
    real = letter_batches.review_invitation

    def fails_on_the_fifth(*, plan, **kwargs):
        if plan.child == children[4]:
            raise RuntimeError("The printer caught fire")
        return real(plan=plan, **kwargs)

    monkeypatch.setattr(letter_batches, "review_invitation", fails_on_the_fifth)
    batch = LetterBatch.objects.create(
        template_key="review-invitation", month=next_month, requested_by=manager
    )
    with django_capture_on_commit_callbacks(execute=True):
        batch = letter_batches.run_batch(batch.pk, today)
    # Two groups of two plans kept (a letter to each parent); the fifth plan's group stopped the batch.
    assert (batch.status, batch.total, batch.done) == ("failed", 5, 4)
    assert "The printer caught fire" in batch.error
    made = Letter.objects.filter(batch=batch).select_related("document")
    assert sorted({letter.child_id for letter in made}) == sorted(c.pk for c in children[:4])
    assert all(letter.document and letter.document.child_id == letter.child_id for letter in made)
    assert not Document.objects.filter(child=children[4]).exists()
    emailed = made.filter(delivery="email")
    assert sorted(m.to[0] for m in mail.outbox) == [f"jo{n}@example.test" for n in range(4)]
    assert all(m.attachments[0][2] == "application/pdf" for m in mail.outbox)
    assert emailed.count() == 4 and all(letter.emailed_at for letter in emailed)
    posted = made.filter(delivery="post")
    assert posted.count() == 4 and not any(letter.emailed_at for letter in posted)
    document = emailed.get(child=children[0]).document
    assert document is not None and "Jo O'Group0" in pdf_text(document.file.read())


def test_officers_cannot_run_batches_or_edit_templates(client, login, officer):
    login(client, officer)
    assert client.get(reverse("cases:letter_batch_new")).status_code == 403
    assert client.get(reverse("cases:letter_template_list")).status_code == 403


def test_every_statutory_letter_has_a_template_naming_its_regulation(client, login, manager):
    # Made by migration cases/0010, which a transactional test elsewhere in the run may flush.
    letters.ensure_all_templates()
    login(client, manager)
    page = client.get(reverse("cases:letter_template_list")).content.decode()
    templates = LetterTemplate.objects.all()
    assert templates.count() == 19  # 17, and the two of a transfer to another authority (reg 15)
    for template in templates:
        assert template.regulation and template.regulation in page.replace("&#x27;", "'")
