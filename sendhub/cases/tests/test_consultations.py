"""Consultations with settings before one is named (CFA 2014 s.39; Code of Practice 9.83-9.84)."""

from datetime import date

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.cases import selectors
from sendhub.cases.models import Child, Letter, SettingConsultation
from sendhub.cases.services import consultations as svc
from sendhub.cases.services import requests as request_services
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, SchoolFactory
from sendhub.core.exceptions import CaseStateError, SendHubError

pytestmark = pytest.mark.django_db
TODAY = date(2025, 10, 1)
SENT = date(2025, 9, 2)  # answers due 17 September 2025 (15 calendar days)
SECTIONS = {c: f"Section {c}" for c in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]}


def words(response) -> str:
    tree = lxml.html.fromstring(response.content)
    return " ".join(" ".join(t.split()) for t in tree.itertext() if t.strip()).replace(" :", ":")


@pytest.fixture
def draft(officer):
    child = ChildFactory.create(officer=officer, team=officer.team, first_name="Riley")
    ParentFactory.create(child=child, name="Chris Parent")
    request = request_services.record_request(
        child=child, received=date(2025, 6, 2), source="parent", by=officer, today=TODAY
    )
    request_services.record_assessment_decision(
        request=request, assess=True, decided_on=date(2025, 7, 1), by=officer, today=TODAY
    )
    request_services.issue_draft(
        request=request, issued_on=date(2025, 9, 1), sections=SECTIONS, by=officer, today=TODAY
    )
    return request


@pytest.fixture
def schools():
    return [
        SchoolFactory.create(name="Hill Street Primary"),
        SchoolFactory.create(name="Oakfield Special School", setting_type="special"),
        SchoolFactory.create(
            name="Riverside Independent", la_code="303", la_name="Bexley", setting_type="independent"
        ),
    ]


def test_several_settings_are_consulted_at_once_each_with_its_letter(officer, draft, schools):
    made = svc.consult_settings(
        request=draft, schools=schools, sent=SENT, preferred=schools[1], by=officer, today=TODAY
    )
    assert [(c.school.name, c.sent, c.response_due, c.parent_preference) for c in made] == [
        ("Hill Street Primary", SENT, date(2025, 9, 17), False),
        ("Oakfield Special School", SENT, date(2025, 9, 17), True),
        ("Riverside Independent", SENT, date(2025, 9, 17), False),
    ]
    letters = Letter.objects.filter(template__key="consultation").order_by("id")
    assert [letter.recipient_name for letter in letters] == [
        "The headteacher or principal, Hill Street Primary",
        "The headteacher or principal, Oakfield Special School",
        "The headteacher or principal, Riverside Independent (Bexley)",
    ]
    assert "17 September 2025" in letters[0].body
    draft.refresh_from_db()
    assert (draft.setting_consulted, draft.setting_responded) == (SENT, None)
    with pytest.raises(SendHubError, match="Already consulted on this request: Hill Street Primary"):
        svc.consult_settings(request=draft, schools=schools[:1], sent=SENT, by=officer, today=TODAY)
    other = SchoolFactory.create(name="Elm Academy")
    with pytest.raises(SendHubError, match="preferred setting too"):
        svc.consult_settings(
            request=draft, schools=[other], sent=SENT, preferred=schools[0], by=officer, today=TODAY
        )
    assert SettingConsultation.objects.count() == 3


def test_an_unanswered_consultation_is_overdue_on_the_worklist(officer, draft, schools):
    svc.consult_settings(request=draft, schools=schools[:2], sent=SENT, by=officer, today=TODAY)
    child = Child.objects.get(pk=draft.child_id)
    assert child.next_due == date(2025, 9, 17)
    assert "Requested setting's response awaited" in child.next_step
    overdue = selectors.worklist(officer, TODAY, "overdue")
    assert child in list(overdue)
    first, second = draft.consultations.order_by("id")
    svc.record_answer(
        consultation=first, answer="agree", answered_on=date(2025, 9, 10), reasons="", by=officer, today=TODAY
    )
    draft.refresh_from_db()
    assert (draft.setting_consulted, draft.setting_responded) == (SENT, None)  # one still awaited
    svc.record_answer(
        consultation=second,
        answer="cannot_meet_needs",
        answered_on=date(2025, 9, 20),
        reasons="No places in the key stage 2 class",
        by=officer,
        today=TODAY,
    )
    draft.refresh_from_db()
    assert (draft.setting_consulted, draft.setting_responded) == (SENT, date(2025, 9, 20))
    child.refresh_from_db()
    assert "Requested setting" not in child.next_step


def test_answers_need_reasons_and_keep_their_documents(officer, draft, schools):
    (c,) = svc.consult_settings(request=draft, schools=schools[2:], sent=SENT, by=officer, today=TODAY)
    with pytest.raises(SendHubError, match=r"Give the setting's reasons \(CFA s.39\(4\)\)"):
        svc.record_answer(
            consultation=c,
            answer="incompatible_resources",
            answered_on=SENT,
            reasons=" ",
            by=officer,
            today=TODAY,
        )
    with pytest.raises(SendHubError, match="cannot be before the consultation"):
        svc.record_answer(
            consultation=c, answer="agree", answered_on=date(2025, 9, 1), reasons="", by=officer, today=TODAY
        )
    c.refresh_from_db()
    assert (c.answer, c.answered_on) == ("", None)  # nothing half-saved
    letter = SimpleUploadedFile("reply.txt", b"We are full in year 5 & year 6.", content_type="text/plain")
    svc.record_answer(
        consultation=c,
        answer="incompatible_education",
        answered_on=date(2025, 9, 15),
        reasons="Class of 32 with three pupils with EHC plans",
        by=officer,
        today=TODAY,
        files=[letter],
    )
    document = c.documents.get()
    assert (document.request_id, document.kind) == (draft.pk, "evidence")


def test_the_setting_is_named_from_the_answers(officer, draft, schools):
    agree, refuse = svc.consult_settings(
        request=draft, schools=schools[:2], sent=SENT, by=officer, today=TODAY
    )
    with pytest.raises(CaseStateError, match="15 days to pass"):
        svc.name_setting(consultation=agree, by=officer, today=date(2025, 9, 10))
    svc.record_answer(
        consultation=agree, answer="agree", answered_on=date(2025, 9, 8), reasons="", by=officer, today=TODAY
    )
    svc.record_answer(
        consultation=refuse,
        answer="cannot_meet_needs",
        answered_on=date(2025, 9, 9),
        reasons="Full",
        by=officer,
        today=TODAY,
    )
    plan = svc.name_setting(consultation=agree, by=officer, today=TODAY)
    assert plan.named_setting == schools[0]
    plan = svc.name_setting(consultation=refuse, by=officer, today=TODAY)  # the authority may disagree
    assert plan.named_setting == schools[1]
    assert list(draft.consultations.filter(named=True).values_list("school__name", flat=True)) == [
        "Oakfield Special School"
    ]


def test_the_request_page_shows_settings_answers_and_due_dates(client, login, officer, draft, schools):
    _hill, oak, river = svc.consult_settings(
        request=draft, schools=schools, sent=SENT, preferred=schools[1], by=officer, today=TODAY
    )
    svc.record_answer(
        consultation=oak,
        answer="cannot_meet_needs",
        answered_on=date(2025, 9, 12),
        reasons="Needs a smaller class than we can offer",
        by=officer,
        today=TODAY,
    )
    svc.record_answer(
        consultation=river, answer="agree", answered_on=date(2025, 9, 16), reasons="", by=officer, today=TODAY
    )
    login(client, officer)
    text = words(client.get(reverse("cases:request_detail", args=[draft.pk])))
    assert (
        "Hill Street Primary 2 September 2025 17 September 2025 Overdue Record the answer from Hill Street Primary "
        "Name this setting: Hill Street Primary" in text  # no answer, but its 15 days have passed
    )
    assert (
        "Oakfield Special School Parent's preference 2 September 2025 17 September 2025 Cannot meet the needs: "
        "unsuitable for age, ability, aptitude or SEN (s.39(4)(a)) (12 September 2025) Reasons: "
        "Needs a smaller class than we can offer" in text
    )
    assert "Riverside Independent (Bexley) Out of area: consult its authority too (s.39(2)(b))" in text
    assert (
        "Agrees: can meet the needs and be named (16 September 2025) Name this setting: Riverside Independent"
        in text
    )


def test_the_consult_form_consults_several_settings(client, login, officer, draft, schools):
    login(client, officer)
    url = reverse("cases:consult_settings", args=[draft.pk])
    page = words(client.get(url))
    assert "Settings to consult" in page and "Find a setting" in page
    response = client.post(
        url,
        {
            "schools": f"{schools[0].urn}\nRiverside Independent",
            "preferred": "",
            "sent_0": "2",
            "sent_1": "9",
            "sent_2": "2025",
        },
    )
    assert response.status_code == 302
    assert sorted(draft.consultations.values_list("school__name", flat=True)) == [
        "Hill Street Primary",
        "Riverside Independent",
    ]
    response = client.post(url, {"preferred": "", "sent_0": "2", "sent_1": "9", "sent_2": "2025"})
    assert "Choose at least one setting to consult" in words(response)
    response = client.post(
        url, {"schools": "999999", "preferred": "", "sent_0": "2", "sent_1": "9", "sent_2": "2025"}
    )
    assert "No open setting has URN 999999" in words(response)
    assert draft.consultations.count() == 2  # nothing more saved


def test_answer_and_naming_through_the_pages_and_who_may(
    client, login, officer, colleague, senco, draft, schools
):
    (c,) = svc.consult_settings(request=draft, schools=schools[2:], sent=SENT, by=officer, today=TODAY)
    answer_url = reverse("cases:consultation_answer", args=[c.pk])
    login(client, colleague)  # another officer's case: not found
    assert client.get(answer_url).status_code == 404
    login(client, officer)
    response = client.post(
        answer_url,
        {
            "answer": "incompatible_resources",
            "answered_on_0": "10",
            "answered_on_1": "9",
            "answered_on_2": "2025",
            "reasons": "",
        },
    )
    assert "Give the setting's reasons (CFA s.39(4))" in words(response)
    reply = SimpleUploadedFile("reply.txt", b"We agree to be named.", content_type="text/plain")
    response = client.post(
        answer_url,
        {
            "answer": "agree",
            "answered_on_0": "10",
            "answered_on_1": "9",
            "answered_on_2": "2025",
            "reasons": "",
            "file": reply,
        },
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.answer, c.answered_on, c.documents.count()) == ("agree", date(2025, 9, 10), 1)
    assert client.post(reverse("cases:consultation_name", args=[c.pk])).status_code == 302
    draft.plan.refresh_from_db()
    assert draft.plan.named_setting == schools[2]
    text = words(client.get(reverse("cases:request_detail", args=[draft.pk])))
    assert (
        "Agrees: can meet the needs and be named (10 September 2025) "
        "Answer to the consultation from Riverside Independent (Bexley) (download) Named" in text
    )
