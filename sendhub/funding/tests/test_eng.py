"""Exceptional Needs Grants: applications by SENCOs, the cluster lead's decision, payments by term, the
child's status following the grant, the review, and who sees what."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from sendhub.cases.models import Child, TimelineEntry
from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.exceptions import SendHubError
from sendhub.core.models import AuditEvent
from sendhub.funding.models import EngPayment
from sendhub.funding.services import eng


def test_an_approved_grant_is_paid_by_term_and_makes_the_child_eng(world) -> None:
    decision = world.application.decision
    payments = list(EngPayment.objects.filter(decision=decision).order_by("start_year", "pk"))
    assert [(p.term, p.start_year, p.amount) for p in payments] == [
        ("autumn", 2026, D("1002.74")),
        ("spring", 2026, D("739.73")),
        ("summer", 2027, D("1257.53")),
    ]
    child = Child.objects.get(pk=world.eng_child.pk)
    assert child.sen_status == "eng"
    assert TimelineEntry.objects.filter(child=child, kind="eng").exists()
    assert AuditEvent.objects.filter(action="funding.eng.decided", target_id=str(decision.pk)).exists()


def test_cluster_budget_committed_and_remaining(world) -> None:
    assert eng.cluster_committed(world.cluster, 2026) == D("1742.47")
    assert eng.cluster_remaining(world.cluster, 2026) == D("48257.53")


def test_a_grant_over_the_cluster_budget_is_refused(world) -> None:
    application = eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=ChildFactory.create(school=world.school).pk,
        needs="n",
        provision="p",
        graduated_approach="g",
        evidence="",
        amount_requested=D("90000"),
        on=date(2026, 6, 2),
        by=world.senco,
    )
    with pytest.raises(SendHubError, match="left this year"):
        eng.decide_application(
            application=application,
            outcome="approve",
            reasons="r",
            amount=D("90000"),
            start=date(2026, 4, 1),
            end=date(2027, 3, 31),
            on=date(2026, 7, 8),
            by=world.lead,
        )


def test_a_decline_records_no_grant_and_leaves_the_status(world) -> None:
    child = ChildFactory.create(school=world.school, sen_status="support")
    application = eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=child.pk,
        needs="n",
        provision="p",
        graduated_approach="g",
        evidence="",
        amount_requested=D("1000"),
        on=date(2026, 6, 2),
        by=world.senco,
    )
    decision = eng.decide_application(
        application=application,
        outcome="refer",
        reasons="Needs an EHC needs assessment",
        amount=D("0"),
        start=None,
        end=None,
        on=date(2026, 7, 8),
        by=world.lead,
    )
    assert decision.amount == 0 and not decision.payments.exists()
    assert Child.objects.get(pk=child.pk).sen_status == "support"
    with pytest.raises(SendHubError, match="already been decided"):
        eng.decide_application(
            application=application,
            outcome="decline",
            reasons="x",
            amount=D("0"),
            start=None,
            end=None,
            on=date(2026, 7, 8),
            by=world.lead,
        )


def test_a_review_that_ends_the_grant_returns_the_child_to_sen_support(world) -> None:
    decision = world.application.decision
    eng.review_grant(
        decision=decision, outcome="ended", notes="Outcomes met", on=date(2027, 2, 1), by=world.lead
    )
    decision.refresh_from_db()
    assert decision.ended_on == date(2027, 2, 1)
    assert Child.objects.get(pk=world.eng_child.pk).sen_status == "support"
    summer = EngPayment.objects.get(decision=decision, term="summer")
    assert summer.amount == 0  # the unpaid term after the review is not paid


def test_senco_sees_own_schools_applications_only(client, login, world) -> None:
    url = f"/funding/applications/{world.application.pk}/"
    login(client, world.senco)
    assert client.get(url).status_code == 200
    login(client, world.outsider_senco)
    assert client.get(url).status_code == 404
    assert client.get(f"/funding/clusters/{world.cluster.pk}/").status_code == 404


def test_cluster_lead_sees_and_decides_the_clusters_applications(client, login, world) -> None:
    child = ChildFactory.create(school=world.school)
    application = eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=child.pk,
        needs="n",
        provision="p",
        graduated_approach="g",
        evidence="",
        amount_requested=D("1200"),
        on=date(2026, 6, 2),
        by=world.senco,
    )
    login(client, world.senco)  # a member school's SENCO, not the lead: may not decide
    assert client.get(f"/funding/applications/{application.pk}/decide/").status_code == 403
    login(client, world.lead)
    response = client.post(
        f"/funding/applications/{application.pk}/decide/",
        {
            "outcome": "part",
            "reasons": "Part of the provision is ordinarily available",
            "amount": "800",
            "start_0": "1",
            "start_1": "9",
            "start_2": "2026",
            "end_0": "31",
            "end_1": "3",
            "end_2": "2027",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/funding/applications/{application.pk}/").content.decode()
    assert "Approved in part" in page and "£800.00 from 1 September 2026 to 31 March 2027" in page


def test_decision_form_asks_for_the_period_of_a_grant(client, login, world) -> None:
    child = ChildFactory.create(school=world.school)
    application = eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=child.pk,
        needs="n",
        provision="p",
        graduated_approach="g",
        evidence="",
        amount_requested=D("1200"),
        on=date(2026, 6, 2),
        by=world.senco,
    )
    login(client, world.lead)
    page = client.post(
        f"/funding/applications/{application.pk}/decide/", {"outcome": "approve", "reasons": "ok"}
    )
    body = page.content.decode()
    assert (
        page.status_code == 200
        and "Enter the date the grant starts" in body
        and "Enter the amount granted" in body
    )


def test_senco_applies_for_a_pupil(client, login, world) -> None:
    child = ChildFactory.create(school=world.school, first_name="Sam", last_name="Pupil")
    login(client, world.senco)
    form = client.get(f"/funding/clusters/{world.cluster.pk}/apply/").content.decode()
    assert "Sam Pupil" in form
    response = client.post(
        f"/funding/clusters/{world.cluster.pk}/apply/",
        {
            "child": str(child.pk),
            "needs": "Dyslexia",
            "provision": "Literacy intervention",
            "graduated_approach": "Three cycles",
            "evidence": "Screening report",
            "amount_requested": "1500.00",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert child.reference in page and "£1,500.00" in page and "Literacy intervention" in page


def test_finance_sees_the_grant_without_the_childs_name(client, login, world) -> None:
    login(client, world.finance)
    page = client.get(f"/funding/applications/{world.application.pk}/").content.decode()
    assert world.eng_child.reference in page and "£3,000.00" in page
    assert "Secretname" not in page and "Robin" not in page
    clusters = client.get("/funding/clusters/?year=2026").content.decode()
    row = clusters.split("Kentish Town cluster", 1)[1].split("</tr>", 1)[0]
    assert "£50,000.00" in row and "£1,742.47" in row and "£48,257.53" in row
    assert client.get(f"/funding/applications/{world.application.pk}/decide/").status_code == 403


def test_finance_records_a_termly_payment_once(client, login, world) -> None:
    payment = EngPayment.objects.get(decision=world.application.decision, term="autumn")
    url = f"/funding/payments/{payment.pk}/paid/"
    login(client, world.senco)
    assert client.post(url).status_code == 403
    login(client, world.finance)
    page = client.get(f"/funding/applications/{world.application.pk}/").content.decode()
    assert url in page
    assert client.post(url).status_code == 302
    payment.refresh_from_db()
    assert payment.paid_on is not None
    assert AuditEvent.objects.filter(action="funding.eng.paid", target_id=str(payment.pk)).exists()
    client.post(url)  # a second time is refused, not recorded again
    assert AuditEvent.objects.filter(action="funding.eng.paid", target_id=str(payment.pk)).count() == 1
    assert client.get(url).status_code == 405


def test_a_member_senco_sees_only_their_schools_items_on_the_panel_agenda(client, login, world) -> None:
    other_child = ChildFactory.create(school=world.other_school)
    eng.submit_application(
        cluster=world.cluster,
        school_id=world.other_school.pk,
        child_id=other_child.pk,
        needs="n",
        provision="p",
        graduated_approach="g",
        evidence="",
        amount_requested=D("4321"),
        on=date(2026, 6, 2),
        by=world.lead,
    )
    login(client, world.senco)
    page = client.get(f"/funding/clusters/{world.cluster.pk}/").content.decode()
    assert "£3,000.00" in page and "£4,321.00" not in page
    login(client, world.lead)
    assert "£4,321.00" in client.get(f"/funding/clusters/{world.cluster.pk}/").content.decode()
