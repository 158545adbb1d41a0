"""Providers' edits go through moderation; approved versions are kept; content pages keep history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.localoffer import selectors, services
from sendhub.localoffer.models import ContentPage, RevisionStatus, Service, ServiceRevision

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("directory")


@pytest.fixture
def own_service(provider):
    service = Service.objects.select_related("organisation")[0]
    service.organisation.members.add(provider)
    return service


def test_provider_edit_is_not_public_until_approved(client, login, provider, moderator, own_service):
    login(client, provider)
    form = services.service_snapshot(own_service) | {"name": "Renamed quiet swim", "term_ids": []}
    form = {k: v for k, v in form.items() if v is not None}
    response = client.post(reverse("localoffer:provider_service_edit", args=[own_service.pk]), form)
    assert response.status_code == 302
    own_service.refresh_from_db()
    assert own_service.name != "Renamed quiet swim"
    revision = ServiceRevision.objects.get()
    login(client, moderator)
    assert "Renamed quiet swim" in client.get(reverse("localoffer:moderation_queue")).content.decode()
    client.post(reverse("localoffer:revision_detail", args=[revision.pk]), {"approve": "1"})
    own_service.refresh_from_db()
    assert own_service.name == "Renamed quiet swim" and own_service.approved_version == 2
    assert (
        selectors.search_services(selectors.ServiceFilters(text="renamed quiet"), offset=0, limit=5)[0] == 1
    )


def test_provider_cannot_edit_another_organisations_service(client, login, provider, own_service):
    other = Service.objects.exclude(organisation=own_service.organisation)[0]
    login(client, provider)
    assert client.get(reverse("localoffer:provider_service_edit", args=[other.pk])).status_code == 403


def test_reject_needs_a_reason_and_cannot_be_decided_twice(moderator, own_service):
    revision = services.submit_revision(
        organisation=own_service.organisation, service=own_service, data={"name": "X"}, by=None
    )
    with pytest.raises(SendHubError):
        services.reject_revision(revision=revision, reason="  ", by=moderator)
    services.reject_revision(revision=revision, reason="Name too short", by=moderator)
    assert ServiceRevision.objects.get().status == RevisionStatus.REJECTED
    with pytest.raises(CaseStateError):
        services.approve_revision(revision=revision, by=moderator, today=TODAY)


def test_bulk_approve_publishes_new_services_and_keeps_every_version(moderator, own_service):
    org = own_service.organisation
    data = services.service_snapshot(own_service)
    first = services.submit_revision(
        organisation=org, service=own_service, data=data | {"fees": "£2"}, by=None
    )
    new = services.submit_revision(
        organisation=org, service=None, data=data | {"name": "Brand new club"}, by=None
    )
    assert services.bulk_approve(revisions=[first, new], by=moderator, today=TODAY) == 2
    second = services.submit_revision(
        organisation=org, service=own_service, data=data | {"fees": "£3"}, by=None
    )
    services.approve_revision(revision=second, by=moderator, today=TODAY)
    kept = own_service.revisions.filter(status=RevisionStatus.APPROVED).order_by("number")
    assert [r.number for r in kept] == [2, 3] and kept[0].data["fees"] == "£2"
    assert Service.objects.filter(name="Brand new club", approved_version=1).exists()


def test_services_not_reviewed_for_a_year_are_flagged_and_reminded_once(provider, own_service):
    Service.objects.update(last_reviewed=TODAY - dt.timedelta(days=30))
    Service.objects.filter(pk=own_service.pk).update(last_reviewed=dt.date(2025, 11, 23))
    assert list(selectors.services_due_review(TODAY)) == [own_service]
    assert services.send_review_reminders(today=TODAY) == 1
    assert mail.outbox[0].to == [provider.email] and own_service.name in mail.outbox[0].body
    assert services.send_review_reminders(today=TODAY) == 0


def test_content_page_edit_keeps_history_and_refuses_stale_versions(admin_user, moderator):
    page = ContentPage.objects.get(slug="glossary")
    change = services.propose_content_change(
        page=page, title="Glossary", summary="Words", body="New text", version=1, by=admin_user
    )
    services.approve_content_change(change=change, by=moderator)
    assert [v.number for v in page.versions.all()] == [2, 1]
    with pytest.raises(StaleObjectError):
        services.propose_content_change(
            page=page, title="Old", summary="x", body="y", version=1, by=admin_user
        )


def test_a_refusal_that_names_a_field_is_shown_beside_that_field(client, login, moderator, monkeypatch):
    def refuse(**_: object) -> None:
        raise SendHubError("Choose a title no other page has", field="title")

    monkeypatch.setattr(services, "propose_content_change", refuse)
    login(client, moderator)
    page = ContentPage.objects.get(slug="glossary")
    form = {"title": "Glossary", "summary": "Words", "body": "Text", "version": page.version}
    response = client.post(reverse("localoffer:content_page_edit", args=["glossary"]), form)
    html = response.content.decode()
    beside = html.split('id="id_title-error"', 1)
    assert len(beside) == 2, "no error message beside the title field"
    assert "Choose a title no other page has" in beside[1].split("</p>", 1)[0]


def test_staff_pages_render(client, login, moderator):
    login(client, moderator)
    for name, args in [
        ("localoffer:moderation_queue", []),
        ("localoffer:reviews_due", []),
        ("localoffer:problem_reports", []),
        ("localoffer:content_pages", []),
        ("localoffer:content_page_edit", ["glossary"]),
        ("localoffer:content_page_history", ["glossary"]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_problem_report_can_be_marked_dealt_with_once(client, login, moderator):
    service = Service.objects.all()[0]
    report = services.report_problem(service=service, what_is_wrong="Wrong phone number")
    login(client, moderator)
    assert "Wrong phone number" in client.get(reverse("localoffer:problem_reports")).content.decode()
    client.post(reverse("localoffer:resolve_problem", args=[report.pk]))
    assert "Wrong phone number" not in client.get(reverse("localoffer:problem_reports")).content.decode()
    report.refresh_from_db()
    with pytest.raises(CaseStateError):
        services.resolve_problem_report(report=report, by=moderator)


def test_provider_and_moderator_pages_are_valid_html(client, login, provider, moderator, own_service):
    login(client, provider)
    assert own_service.name in client.get(reverse("localoffer:provider_services")).content.decode()
    assert client.get(reverse("localoffer:provider_service_edit", args=[own_service.pk])).status_code == 200
    new_url = reverse("localoffer:provider_service_new", args=[own_service.organisation_id])
    assert client.get(new_url).status_code == 200
    bad = client.post(
        new_url,
        {
            "name": "",
            "description": "",
            "cost_kind": "free",
            "area": "borough",
            "minimum_age": "9",
            "maximum_age": "3",
        },
    )
    body = bad.content.decode()
    assert "<title>Error: " in body and "Enter the name of the service" in body
    assert "Oldest age must be the same as or more than the youngest age" in body
    revision = services.submit_revision(
        organisation=own_service.organisation, service=own_service, data={"fees": "£1"}, by=provider
    )
    login(client, moderator)
    page = client.get(reverse("localoffer:revision_detail", args=[revision.pk])).content.decode()
    assert "£1" in page and "Approve and publish" in page
    rejected = client.post(
        reverse("localoffer:revision_detail", args=[revision.pk]), {"reject": "1", "reason": ""}
    )
    assert "Enter the reason for rejecting the change" in rejected.content.decode()


def test_other_roles_cannot_moderate(client, login, parent, provider):
    for user in (parent, provider):
        login(client, user)
        assert client.get(reverse("localoffer:moderation_queue")).status_code == 403
