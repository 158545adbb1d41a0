"""A decision or amendment made on a page opened before a colleague's change is refused, not applied twice."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases import rules
from sendhub.cases.models import AssessmentRequest, Plan, PlanVersion
from sendhub.cases.services import plans as plan_svc
from sendhub.cases.services import requests as svc
from sendhub.cases.tests.factories import ChildFactory, PlanFactory
from sendhub.core.exceptions import StaleObjectError

pytestmark = pytest.mark.django_db
STALE = "Someone else changed this record after you opened it"


def date_post(day):
    return {"on_0": str(day.day), "on_1": str(day.month), "on_2": str(day.year)}


@pytest.fixture
def assessing(officer):
    today = timezone.localdate()
    received = today - timedelta(days=70)
    child = ChildFactory.create(officer=officer, team=officer.team)
    request = svc.record_request(child=child, received=received, source="parent", by=officer, today=today)
    svc.record_assessment_decision(
        request=request, assess=True, decided_on=received + timedelta(days=30), by=officer, today=today
    )
    return request


def test_an_issue_decision_with_an_old_version_is_refused_and_changes_nothing(officer, assessing):
    today = timezone.localdate()
    opened = assessing.version
    AssessmentRequest.objects.filter(pk=assessing.pk).update(version=opened + 1)  # a colleague saved it
    with pytest.raises(StaleObjectError):
        svc.record_issue_decision(
            request=assessing, issue=True, decided_on=today, by=officer, today=today, expected_version=opened
        )
    assessing.refresh_from_db()
    assert assessing.decided_to_issue is None and assessing.version == opened + 1


def test_an_issue_decision_with_the_current_version_is_recorded_and_bumps_it(officer, assessing):
    today = timezone.localdate()
    opened = assessing.version
    svc.record_issue_decision(
        request=assessing, issue=False, decided_on=today, by=officer, today=today, expected_version=opened
    )
    assessing.refresh_from_db()
    assert assessing.decided_not_to_issue == today and assessing.version == opened + 1


def test_the_issue_decision_page_refuses_a_form_opened_before_a_colleagues_change(
    client, login, officer, assessing
):
    login(client, officer)
    url = reverse("cases:issue_decision", args=[assessing.pk])
    page = client.get(url).content.decode()
    assert f'name="version" value="{assessing.version}"' in page
    AssessmentRequest.objects.filter(pk=assessing.pk).update(version=assessing.version + 1)
    day = timezone.localdate()
    post = {"decision": "yes", "version": assessing.version}
    post |= {"decided_on_0": str(day.day), "decided_on_1": str(day.month), "decided_on_2": str(day.year)}
    response = client.post(url, post)
    assert response.status_code == 200 and STALE in response.content.decode()
    assessing.refresh_from_db()
    assert assessing.decided_to_issue is None
    post["version"] = assessing.version  # reloaded: now it is recorded
    assert client.post(url, post).status_code == 302
    assessing.refresh_from_db()
    assert assessing.decided_to_issue == day


@pytest.fixture
def live_plan(officer):
    child = ChildFactory.create(officer=officer, team=officer.team)
    return PlanFactory.create(child=child, status="active")


def test_proposed_amendments_from_a_stale_page_are_refused_and_no_version_is_added(
    client, login, officer, live_plan
):
    login(client, officer)
    url = reverse("cases:amendments_propose", args=[live_plan.pk])
    page = client.get(url).content.decode()
    assert f'name="version" value="{live_plan.version}"' in page
    Plan.objects.filter(pk=live_plan.pk).update(version=live_plan.version + 1)
    post = {"section_A": "About me, amended", "version": live_plan.version, **date_post(timezone.localdate())}
    response = client.post(url, post)
    assert response.status_code == 200 and STALE in response.content.decode()
    assert not PlanVersion.objects.filter(plan=live_plan).exists()
    live_plan.refresh_from_db()
    assert live_plan.amendment_notice is None
    post["version"] = live_plan.version
    assert client.post(url, post).status_code == 302
    assert PlanVersion.objects.filter(plan=live_plan, sections__A="About me, amended").exists()


def test_an_amended_plan_issued_from_a_stale_page_is_refused(officer, live_plan):
    today = timezone.localdate()
    plan_svc.propose_amendments(
        plan=live_plan, notice_sent=today, sections={"A": "Proposed"}, by=officer, today=today
    )
    opened = live_plan.version
    Plan.objects.filter(pk=live_plan.pk).update(version=opened + 1)
    with pytest.raises(StaleObjectError):
        plan_svc.issue_amended(
            plan=live_plan,
            issued_on=today,
            sections={"A": "Issued"},
            by=officer,
            today=today,
            expected_version=opened,
        )
    live_plan.refresh_from_db()
    assert live_plan.amended_issued is None


def test_a_withdrawal_from_a_stale_page_is_refused_and_the_request_stays_open(
    client, login, officer, assessing
):
    login(client, officer)
    url = reverse("cases:request_withdraw", args=[assessing.pk])
    page = client.get(url).content.decode()
    assert f'name="version" value="{assessing.version}"' in page
    AssessmentRequest.objects.filter(pk=assessing.pk).update(version=assessing.version + 1)
    post = {"version": assessing.version, **date_post(timezone.localdate())}
    response = client.post(url, post)
    assert response.status_code == 200 and STALE in response.content.decode()
    assessing.refresh_from_db()
    assert assessing.withdrawn is None and assessing.status == "open"
    post["version"] = assessing.version
    assert client.post(url, post).status_code == 302
    assessing.refresh_from_db()
    assert assessing.withdrawn == timezone.localdate() and assessing.status == "withdrawn"


def test_a_cease_notice_with_an_old_version_is_refused_and_the_plan_stays_active(officer, live_plan):
    opened = live_plan.version
    Plan.objects.filter(pk=live_plan.pk).update(version=opened + 1)
    with pytest.raises(StaleObjectError):
        plan_svc.give_cease_notice(
            plan=live_plan,
            notice=timezone.localdate(),
            reason=rules.CeaseReason.NO_LONGER_NEEDED,
            sen2_reason="2",
            by=officer,
            today=timezone.localdate(),
            consulted_parent=True,
            consulted_setting=True,
            expected_version=opened,
        )
    live_plan.refresh_from_db()
    assert live_plan.status == "active" and live_plan.cease_notice is None


def test_the_cease_page_carries_the_plans_version(client, login, officer, live_plan):
    login(client, officer)
    page = client.get(reverse("cases:cease_notice", args=[live_plan.pk])).content.decode()
    assert f'name="version" value="{live_plan.version}"' in page
