"""Only Local Offer moderators (and administrators) moderate, edit services and rewrite content pages,
and nobody approves their own change (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.html import escape

from sendhub.accounts.models import Role
from sendhub.core.exceptions import SendHubError
from sendhub.localoffer import demo, services
from sendhub.localoffer.models import ContentPage, ContentPageChange, RevisionStatus, Service, ServiceRevision

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("directory")

OTHER_STAFF = [Role.ANALYST, Role.HEALTH, Role.TEAM_MANAGER, Role.CASE_OFFICER, Role.EP, Role.FINANCE]


@pytest.mark.parametrize("role", OTHER_STAFF)
def test_other_staff_cannot_moderate_edit_services_or_pages(client, login, make_user, role):
    login(client, make_user(role))
    service = Service.objects.all()[0]
    pending = services.submit_revision(
        organisation=service.organisation, service=service, data={"fees": "£9"}, by=None
    )
    pages: list[tuple[str, list[object]]] = [
        ("localoffer:moderation_queue", []),
        ("localoffer:revision_detail", [pending.pk]),
        ("localoffer:provider_service_edit", [service.pk]),
        ("localoffer:content_pages", []),
        ("localoffer:content_page_edit", ["glossary"]),
        ("localoffer:problem_reports", []),
    ]
    for name, args in pages:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    client.post(reverse("localoffer:revision_detail", args=[pending.pk]), {"approve": "1"})
    client.post(reverse("localoffer:bulk_approve"), {"revision": str(pending.pk)})
    form = {"title": "Hacked", "summary": "x", "body": "x", "version": "1"}
    client.post(reverse("localoffer:content_page_edit", args=["glossary"]), form)
    pending.refresh_from_db()
    assert pending.status == RevisionStatus.PENDING
    assert ContentPage.objects.get(slug="glossary").title != "Hacked"


def test_a_moderator_moderates_and_edits_pages(client, login, moderator):
    login(client, moderator)
    for name in ("localoffer:moderation_queue", "localoffer:content_pages"):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("localoffer:content_page_edit", args=["glossary"])).status_code == 200


def test_nobody_approves_their_own_change(client, login, moderator, make_user):
    service = Service.objects.all()[0]
    login(client, moderator)
    own = services.submit_revision(
        organisation=service.organisation, service=service, data={"fees": "£5"}, by=moderator
    )
    with pytest.raises(SendHubError, match="another moderator must approve it"):
        services.approve_revision(revision=own, by=moderator, today=TODAY)
    with pytest.raises(SendHubError):
        services.bulk_approve(revisions=[own], by=moderator, today=TODAY)
    page = client.post(reverse("localoffer:revision_detail", args=[own.pk]), {"approve": "1"})
    assert "another moderator must approve it" in page.content.decode()
    client.post(reverse("localoffer:bulk_approve"), {"revision": str(own.pk)})
    own.refresh_from_db()
    assert own.status == RevisionStatus.PENDING
    service.refresh_from_db()
    assert service.fees != "£5"
    colleague = make_user(Role.MODERATOR)
    services.approve_revision(revision=own, by=colleague, today=TODAY)
    service.refresh_from_db()
    assert service.fees == "£5"


def test_the_demo_moderator_has_changes_to_check(client, login, make_user, moderator):
    make_user(Role.PROVIDER, "provider@demo.sendhub.test")
    make_user(Role.ADMIN, "admin@demo.sendhub.test")
    demo.link_demo_provider()
    demo.load_pending_changes()
    pending = ServiceRevision.objects.filter(status=RevisionStatus.PENDING).select_related("service")
    assert pending.count() >= 2  # two detail changes and one of times (it may build on one of them)
    login(client, moderator)
    queue = client.get(reverse("localoffer:moderation_queue")).content.decode()
    for revision in pending:
        assert revision.service is not None and escape(revision.service.name) in queue  # "Children&#x27;s …"
    # An administrator's edit to a content page waits for the moderator, who can open and approve it.
    pages = client.get(reverse("localoffer:content_pages")).content.decode()
    assert "Check the change to Glossary" in pages
    change = ContentPageChange.objects.get()
    check = client.get(reverse("localoffer:content_change_detail", args=[change.pk])).content.decode()
    assert "SENCO: the special educational needs co-ordinator" in check and "Approve and publish" in check


def test_a_content_page_edit_waits_for_another_moderator(client, login, moderator, make_user):
    """Issue 15: an edit to a public content page goes live only when a moderator who did not make it
    approves it, the same four-eyes rule as providers' service changes."""
    page = ContentPage.objects.get(slug="glossary")
    public_url = reverse("localoffer:content_page", args=["glossary"])
    login(client, moderator)
    form = {
        "title": "Words we use",
        "summary": "Plain meanings",
        "body": "Rewritten text",
        "version": page.version,
    }
    sent = client.post(reverse("localoffer:content_page_edit", args=["glossary"]), form, follow=True)
    assert "Families see it once another moderator has approved it." in sent.content.decode()
    assert "Check the change to Glossary" in sent.content.decode()
    client.logout()
    public = client.get(public_url).content.decode()
    assert "Rewritten text" not in public and page.title in public

    change = ContentPageChange.objects.get()
    login(client, moderator)
    own = client.post(reverse("localoffer:content_change_detail", args=[change.pk]), {"approve": "1"})
    assert "another moderator must approve it" in own.content.decode()
    with pytest.raises(SendHubError, match="another moderator must approve it"):
        services.approve_content_change(change=change, by=moderator)
    client.logout()
    assert "Rewritten text" not in client.get(public_url).content.decode()

    colleague = make_user(Role.MODERATOR, "colleague@example.test")
    login(client, colleague)
    check = client.get(reverse("localoffer:content_change_detail", args=[change.pk])).content.decode()
    assert "Rewritten text" in check and "Published now (version 1)" in check
    client.post(reverse("localoffer:content_change_detail", args=[change.pk]), {"approve": "1"})
    history = client.get(reverse("localoffer:content_page_history", args=["glossary"])).content.decode()
    assert "Version 2" in history and "approved by colleague@example.test" in history
    client.logout()
    public = client.get(public_url).content.decode()
    assert "Words we use" in public and "Rewritten text" in public


def test_a_rejected_content_change_never_goes_live(moderator, make_user):
    page = ContentPage.objects.get(slug="glossary")
    change = services.propose_content_change(
        page=page, title="Spam", summary="x", body="Spam text", version=page.version, by=moderator
    )
    colleague = make_user(Role.MODERATOR)
    with pytest.raises(SendHubError, match="Enter the reason"):
        services.reject_content_change(change=change, reason=" ", by=colleague)
    services.reject_content_change(change=change, reason="Not our wording", by=colleague)
    with pytest.raises(SendHubError, match="already been decided"):
        services.approve_content_change(change=change, by=colleague)
    assert ContentPage.objects.get(slug="glossary").body != "Spam text"
