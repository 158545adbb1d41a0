"""A cluster's termly panel meetings: the cluster's lead SENCO (or a team manager) schedules one, its
agenda is built from the applications waiting, and the agenda page lists them by case reference."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

from django.utils import timezone

from sendhub.cases.tests.factories import ChildFactory
from sendhub.core.models import AuditEvent
from sendhub.funding.models import ClusterPanel
from sendhub.funding.services import eng
from sendhub.funding.tests.test_maintain import date_fields, error_summary


def waiting_application(world, on: date):
    child = ChildFactory.create(
        school=world.school,
        first_name="Sky",
        last_name="Hiddenname",
        sen_status="support",
        primary_need="SLCN",
    )
    return child, eng.submit_application(
        cluster=world.cluster,
        school_id=world.school.pk,
        child_id=child.pk,
        needs="Language needs",
        provision="Language group",
        graduated_approach="Two cycles",
        evidence="",
        amount_requested=D("2500"),
        on=on,
        by=world.senco,
    )


def fields(day: date) -> dict[str, str]:
    return date_fields("meets_on", day.day, day.month, day.year)


def test_the_lead_schedules_a_meeting_whose_agenda_lists_the_waiting_applications(
    client, login, world
) -> None:
    today = timezone.localdate()
    child, application = waiting_application(world, today)
    assert application.panel is None  # no meeting to come when it was made
    login(client, world.lead)
    cluster_page = client.get(f"/funding/clusters/{world.cluster.pk}/").content.decode()
    assert f'href="/funding/clusters/{world.cluster.pk}/panels/new/"' in cluster_page
    form = client.get(f"/funding/clusters/{world.cluster.pk}/panels/new/").content.decode()
    assert "Applications waiting for the panel: 1." in form
    meets_on = today + timedelta(days=21)
    response = client.post(f"/funding/clusters/{world.cluster.pk}/panels/new/", fields(meets_on))
    panel = ClusterPanel.objects.get(cluster=world.cluster, meets_on=meets_on)
    assert response.status_code == 302 and response["Location"] == f"/funding/cluster-panels/{panel.pk}/"
    application.refresh_from_db()
    assert application.panel == panel
    page = client.get(response["Location"]).content.decode()
    assert f"Panel meeting, {meets_on.day} {meets_on:%B %Y}" in page
    row = page.split(f'id="application-{application.pk}"', 1)[1].split("</tr>", 1)[0]
    assert child.reference in row and "Rhyl Test Primary" in row and "£2,500.00" in row
    assert "Speech, language and communication needs" in row and "Record the decision" in row
    assert "Hiddenname" not in page
    # the decided application of the July meeting stays on that meeting's agenda
    assert f'id="application-{world.application.pk}"' not in page
    assert AuditEvent.objects.filter(action="funding.panel.scheduled", actor=world.lead).exists()
    # the cluster page links the meeting
    assert (
        f'href="/funding/cluster-panels/{panel.pk}/"'
        in client.get(f"/funding/clusters/{world.cluster.pk}/").content.decode()
    )


def test_finance_sees_the_agenda_by_case_reference_only(client, login, world) -> None:
    child, _ = waiting_application(world, timezone.localdate())
    panel = eng.schedule_panel(
        cluster=world.cluster,
        meets_on=timezone.localdate() + timedelta(days=5),
        on=timezone.localdate(),
        by=None,
    )
    login(client, world.finance)
    page = client.get(f"/funding/cluster-panels/{panel.pk}/").content.decode()
    assert child.reference in page and "Hiddenname" not in page and "Record the decision" not in page
    assert client.get(f"/funding/clusters/{world.cluster.pk}/panels/new/").status_code == 403


def test_a_past_or_taken_date_is_refused_beside_the_field(client, login, world) -> None:
    login(client, world.lead)
    url = f"/funding/clusters/{world.cluster.pk}/panels/new/"
    page = client.post(url, fields(timezone.localdate() - timedelta(days=1))).content.decode()
    assert "The date of the meeting must be today or in the future" in error_summary(page)
    taken = timezone.localdate() + timedelta(days=3)
    eng.schedule_panel(cluster=world.cluster, meets_on=taken, by=None)
    page = client.post(url, fields(taken)).content.decode()
    assert f"Kentish Town cluster already has a panel meeting on {taken.day} {taken:%B %Y}" in error_summary(
        page
    )
    assert ClusterPanel.objects.filter(cluster=world.cluster).count() == 2  # July's and the taken one


def test_only_those_who_run_the_cluster_panel_schedule_it(client, login, world) -> None:
    url = f"/funding/clusters/{world.cluster.pk}/panels/new/"
    login(client, world.senco)  # a member school's SENCO, not a lead
    assert client.get(url).status_code == 403
    assert "panels/new/" not in client.get(f"/funding/clusters/{world.cluster.pk}/").content.decode()
    login(client, world.outsider_senco)
    assert client.get(url).status_code == 404
    login(client, world.manager)
    assert client.get(url).status_code == 200
