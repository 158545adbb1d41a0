"""Transferring a plan to another local authority (SEND Regulations 2014 reg 15): the officer records the
move, the dates follow reg 15(2)-(5), letters go to the new authority and the family, and the plan stops
being this authority's from the date of the transfer."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from sendhub.cases.models import Letter, PlanStatus, PlanVersion
from sendhub.cases.selectors import live_plan
from sendhub.cases.services import plan_transfer as svc
from sendhub.cases.services.status import refresh_all_statuses
from sendhub.cases.tests.factories import ChildFactory, ParentFactory, PlanFactory
from sendhub.cases.tests.test_consultations import words
from sendhub.cases.tests.test_letters import pdf_text
from sendhub.core.exceptions import CaseStateError, SendHubError

pytestmark = pytest.mark.django_db
AWARE, MOVE, TODAY = date(2025, 3, 3), date(2025, 3, 24), date(2025, 3, 10)  # 15 working days' notice


@pytest.fixture
def plan(officer):
    child = ChildFactory.create(officer=officer, team=officer.team, first_name="Jordan", last_name="O'Brien")
    ParentFactory.create(child=child, name="Sam O'Neill")
    plan = PlanFactory.create(child=child, start_date=date(2024, 10, 1))
    PlanVersion.objects.create(plan=plan, number=1, kind="final", issued_on=date(2024, 10, 1), sections={})
    return plan


def transfer(plan, officer, **overrides):
    values = {"new_authority": "barnet", "moved_on": MOVE, "aware_on": AWARE, "today": TODAY}
    return svc.transfer_plan_out(plan=plan, by=officer, **{**values, **overrides})


def test_the_plan_transfers_on_the_day_of_the_move_with_a_letter_to_each(officer, plan):
    made = transfer(plan, officer)
    assert (made.other_la, made.moved_on, made.notified_on, made.transferred_on) == (
        "302",
        MOVE,
        AWARE,
        MOVE,
    )
    to_la = Letter.objects.get(template__key="transfer-to-authority")
    assert to_la.recipient_name == "The SEN team, Barnet Council" and to_la.delivery == "post"
    assert to_la.subject == "Transfer of the EHC plan of Jordan O'Brien to Barnet"
    assert "maintained by Camden. The family moves into your area on 24 March 2025" in to_la.body
    assert "we transfer the plan to you on 24 March 2025" in to_la.body
    # reg 15(4): 6 weeks from the transfer; reg 15(5): the later of 30 September 2025 (12 months from the
    # plan, 1 October 2024) and 23 June 2025 (3 months from the transfer)
    assert "tell the family by 5 May 2025" in to_la.body and "held by 30 September 2025" in to_la.body
    to_family = Letter.objects.get(template__key="transfer-to-parent")
    assert to_family.recipient_name == "Sam O'Neill"
    assert to_family.subject == "Jordan O'Brien's EHC plan is moving to Barnet"
    assert "Jordan O'Brien's education, health and care plan moves with Jordan" in to_family.body
    assert "Barnet must write to you by 5 May 2025" in to_family.body
    assert "&#x27;" not in to_family.body + to_la.body
    for letter in (to_la, to_family):  # both kept as documents on the plan's final version
        assert letter.document is not None and letter.document.plan_version == plan.versions.get()
        assert letter.plan == plan
    assert [letter.document.shared_with_family for letter in (to_la, to_family) if letter.document] == [
        False,
        True,
    ]
    # Until the day of the move the plan is still this authority's; the nightly refresh ends it then.
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and live_plan(plan.child) == plan
    refresh_all_statuses(date(2025, 3, 23))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    refresh_all_statuses(MOVE)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.TRANSFERRED_OUT and live_plan(plan.child) is None


def test_recorded_after_the_move_the_plan_transfers_at_once(officer, plan):
    made = transfer(plan, officer, new_authority="919", today=date(2025, 3, 26))  # Hertfordshire, late
    plan.refresh_from_db()
    assert made.transferred_on == date(2025, 3, 26) and plan.status == PlanStatus.TRANSFERRED_OUT
    body = Letter.objects.get(template__key="transfer-to-parent").body
    assert "which will maintain it from 26 March 2025" in body and "by 7 May 2025" in body


def test_refusals(officer, plan):
    with pytest.raises(SendHubError, match="Enter a local authority in England") as error:
        transfer(plan, officer, new_authority="Narnia")
    assert error.value.field == "new_authority"
    with pytest.raises(SendHubError, match="Camden is this authority"):
        transfer(plan, officer, new_authority="202")
    with pytest.raises(SendHubError, match="cannot be in the future"):
        transfer(plan, officer, aware_on=date(2025, 3, 11))
    transfer(plan, officer)
    with pytest.raises(CaseStateError, match="already recorded"):
        transfer(plan, officer, new_authority="Barnet")


def test_the_officer_records_the_move_and_sees_the_dates(client, login, officer, colleague, plan):
    url = reverse("cases:plan_transfer_out", args=[plan.pk])
    page_url = reverse("cases:plan_detail", args=[plan.pk])
    login(client, colleague)  # another officer's case
    assert client.get(url).status_code == 404
    login(client, officer)
    with time_machine.travel(date(2025, 3, 12)):
        assert f'href="{url}"' in client.get(page_url).content.decode()
        form = {"new_authority": "Nowhere", "moved_on_0": "17", "moved_on_1": "3", "moved_on_2": "2025"}
        form |= {"aware_on_0": "10", "aware_on_1": "3", "aware_on_2": "2025", "notes": ""}
        assert "Enter a local authority in England" in words(client.post(url, form))
        response = client.post(url, {**form, "new_authority": "Bournemouth, Christchurch and Poole"})
        assert response.status_code == 302 and response["Location"] == page_url
        text = words(client.get(page_url))
    # Told a week before the move: 15 working days beginning with 10 March end on 28 March (reg 15(2));
    # the plan passes on the day of the move, 17 March; the new authority writes by 28 April (reg 15(4)).
    assert "Transfers to Bournemouth, Christchurch and Poole on 17 March 2025" in text
    assert "We became aware 10 March 2025 (less than 15 working days before the move)" in text
    assert "Plan to be transferred by (reg 15(2)) 28 March 2025" in text
    assert "Date of the transfer 17 March 2025 On time" in text
    assert "must write to the family by (reg 15(4)) 28 April 2025" in text
    assert "must review the plan by (reg 15(5)) 30 September 2025" in text
    assert "transfer the plan" not in text  # recorded once
    with time_machine.travel(date(2025, 3, 18)):
        refresh_all_statuses(date(2025, 3, 18))
        text = words(client.get(page_url))
    assert "Status Transferred to another authority" in text
    assert "Transferred to Bournemouth, Christchurch and Poole on 17 March 2025" in text
    assert "Record the next step" not in text
    child = words(client.get(reverse("cases:child_detail", args=[plan.child.pk])))
    assert "EHC plan first issued 1 October 2024: Transferred to another authority" in child
    # The letters as the family and the new authority read them: page and PDF, apostrophes escaped once.
    to_family = Letter.objects.get(template__key="transfer-to-parent")
    letter_page = words(client.get(reverse("cases:letter_detail", args=[to_family.pk])))
    assert "Jordan O'Brien's EHC plan is moving to Bournemouth, Christchurch and Poole" in letter_page
    to_la = Letter.objects.get(template__key="transfer-to-authority")
    pdf = " ".join(pdf_text(client.get(reverse("cases:letter_pdf", args=[to_la.pk])).content).split())
    assert "The SEN team, Bournemouth, Christchurch and Poole Council" in pdf
    assert "we transfer the plan to you on 17 March 2025" in pdf and "&#x27;" not in pdf
    assert "Transfer of the EHC plan of Jordan O'Brien" in pdf
    listing = words(client.get(reverse("cases:transfer_list")))
    assert (
        "Jordan O'Brien Out of the area Bournemouth, Christchurch and Poole 10 Mar 2025 17 Mar 2025"
        in listing
    )
