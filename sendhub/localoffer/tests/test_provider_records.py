"""Providers add, change and remove their services' times, places, contacts, costs and languages; every
change waits for a moderator, and families see only what has been approved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sendhub.core.exceptions import CaseStateError
from sendhub.localoffer import services
from sendhub.localoffer.models import (
    Contact,
    CostOption,
    Language,
    Location,
    RevisionStatus,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceRevision,
)

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("directory")

# kind -> (model, POST data for a new record, a text the record shows, POST data to change it, its new text)
KINDS = {
    "schedules": (
        Schedule,
        {
            "kind": "holiday",
            "days": ["MO", "TU"],
            "opens_at": "10:00",
            "closes_at": "14:00",
            "valid_from_0": "27",
            "valid_from_1": "7",
            "valid_from_2": "2026",
            "description": "Summer club",
        },
        "Summer club",
        {
            "kind": "holiday",
            "days": ["MO"],
            "opens_at": "10:00",
            "closes_at": "12:00",
            "description": "Summer club, mornings",
        },
        "Summer club, mornings",
    ),
    "contacts": (
        Contact,
        {"title": "Holiday bookings", "phone": "020 7946 0999"},
        "Holiday bookings",
        {"title": "Holiday bookings", "email": "book@example.org"},
        "book@example.org",
    ),
    "costs": (
        CostOption,
        {"option": "Trip day", "amount": "7.50"},
        "Trip day",
        {"option": "Trip day", "free": "on"},
        "Free",
    ),
    "languages": (
        Language,
        {"name": "Tigrinya", "code": "ti"},
        "Tigrinya",
        {"name": "Tigrinya and Amharic"},
        "Tigrinya and Amharic",
    ),
    "places": (
        ServiceAtLocation,
        {
            "location_id": "new",
            "name": "Riverside Pool",
            "address_1": "3 Quay",
            "city": "London",
            "postcode": "NW1 9ZZ",
        },
        "Riverside Pool",
        None,
        None,
    ),
}


@pytest.fixture
def own_service(provider):
    service = Service.objects.select_related("organisation")[0]
    service.organisation.members.add(provider)
    return service


def _public(client, service):
    return client.get(reverse("localoffer:service_detail", args=[service.pk])).content.decode()


def _approve_latest(client, login, moderator):
    revision = ServiceRevision.objects.get(status=RevisionStatus.PENDING)
    login(client, moderator)
    page = client.get(reverse("localoffer:revision_detail", args=[revision.pk])).content.decode()
    response = client.post(reverse("localoffer:revision_detail", args=[revision.pk]), {"approve": "1"})
    assert response.status_code == 302
    return page, ServiceRevision.objects.get(pk=revision.pk)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_add_change_and_remove_each_kind_through_moderation(
    client, login, provider, moderator, own_service, kind
):
    model, new, new_text, changed, changed_text = KINDS[kind]
    before = model._default_manager.filter(service=own_service).count()
    login(client, provider)
    response = client.post(reverse("localoffer:record_add", args=[own_service.pk, kind]), new)
    assert response.status_code == 302, response.content.decode()
    assert model._default_manager.filter(service=own_service).count() == before  # nothing published yet
    assert new_text not in _public(client, own_service)
    assert (
        new_text in client.get(reverse("localoffer:provider_service", args=[own_service.pk])).content.decode()
    )

    page, revision = _approve_latest(client, login, moderator)
    assert "Added" in page and new_text in page  # the moderator sees the change in words
    assert revision.status == RevisionStatus.APPROVED and revision.number == 2
    assert model._default_manager.filter(service=own_service).count() == before + 1
    assert new_text in _public(client, own_service)

    login(client, provider)
    item_id = next(i["id"] for i in services.draft_data(own_service)[kind] if new_text in str(i))
    if changed is not None:
        assert (
            client.get(reverse("localoffer:record_change", args=[own_service.pk, kind, item_id])).status_code
            == 200
        )
        client.post(reverse("localoffer:record_change", args=[own_service.pk, kind, item_id]), changed)
        page, _ = _approve_latest(client, login, moderator)
        assert "Changed" in page and changed_text in page
        assert changed_text in _public(client, own_service)
        login(client, provider)
    assert (
        client.get(reverse("localoffer:record_remove", args=[own_service.pk, kind, item_id])).status_code
        == 200
    )
    client.post(reverse("localoffer:record_remove", args=[own_service.pk, kind, item_id]))
    assert (
        model._default_manager.filter(service=own_service).count() == before + 1
    )  # still published until approved
    page, revision = _approve_latest(client, login, moderator)
    assert "Removed" in page
    assert model._default_manager.filter(service=own_service).count() == before
    own_service.refresh_from_db()
    kept = own_service.revisions.filter(status=RevisionStatus.APPROVED).order_by("number")
    assert [r.number for r in kept] == list(range(2, own_service.approved_version + 1))
    assert any(new_text in str(r.data[kind]) for r in kept)  # every approved version is kept whole


def test_a_new_place_is_created_once_approved_and_an_existing_one_can_be_chosen(moderator, own_service):
    services.submit_record_change(
        service=own_service,
        kind="places",
        item_id=None,
        by=None,
        values={
            "location_id": "5f0c1d5e-0000-4000-8000-000000000001",
            "name": "Riverside",
            "address_1": "3 Quay",
            "city": "London",
            "postcode": "NW1 9ZZ",
        },
    )
    assert not Location.objects.filter(name="Riverside").exists()
    services.approve_revision(revision=ServiceRevision.objects.get(), by=moderator, today=TODAY)
    riverside = Location.objects.get(name="Riverside")
    other = Service.objects.exclude(pk=own_service.pk).filter(organisation=own_service.organisation).first()
    other = other or Service.objects.exclude(pk=own_service.pk)[0]
    item = {"location_id": str(riverside.pk), "name": "", "address_1": "", "city": "", "postcode": ""}
    services.submit_record_change(service=other, kind="places", item_id=None, values=item, by=None)
    services.approve_revision(
        revision=ServiceRevision.objects.get(status="pending"), by=moderator, today=TODAY
    )
    assert Location.objects.filter(name="Riverside").count() == 1
    assert other.service_at_locations.filter(location=riverside).exists()


def test_rejected_change_is_not_published_and_the_provider_sees_why(
    client, login, provider, moderator, own_service
):
    login(client, provider)
    client.post(
        reverse("localoffer:record_add", args=[own_service.pk, "costs"]), {"option": "Gold", "amount": "900"}
    )
    revision = ServiceRevision.objects.get()
    login(client, moderator)
    client.post(
        reverse("localoffer:revision_detail", args=[revision.pk]),
        {"reject": "1", "reason": "Price looks wrong"},
    )
    assert not CostOption.objects.filter(option="Gold").exists()
    login(client, provider)
    assert "Price looks wrong" in client.get(reverse("localoffer:provider_services")).content.decode()


def test_later_changes_build_on_the_waiting_one_and_replace_it_in_the_queue(moderator, own_service):
    first = services.submit_record_change(
        service=own_service, kind="languages", item_id=None, values={"name": "Somali", "code": "so"}, by=None
    )
    second = services.submit_revision(
        organisation=own_service.organisation, service=own_service, data={"fees": "£1 a session"}, by=None
    )
    first.refresh_from_db()
    assert first.status == RevisionStatus.SUPERSEDED
    assert list(ServiceRevision.objects.filter(status="pending")) == [second]
    services.approve_revision(revision=second, by=moderator, today=TODAY)
    own_service.refresh_from_db()
    assert own_service.fees == "£1 a session" and own_service.languages.filter(name="Somali").exists()
    with pytest.raises(CaseStateError):  # the replaced change can no longer be approved
        services.approve_revision(revision=first, by=moderator, today=TODAY)


def test_bad_input_shows_gov_uk_errors(client, login, provider, own_service):
    login(client, provider)
    url = reverse("localoffer:record_add", args=[own_service.pk, "schedules"])
    body = client.post(
        url, {"kind": "regular", "days": ["MO"], "opens_at": "15:00", "closes_at": "09:00"}
    ).content
    page = body.decode()
    assert "<title>Error: " in page and "The closing time must be after the opening time" in page
    assert 'href="#id_closes_at"' in page
    page = client.post(url, {"valid_to_0": "1", "valid_to_1": "13", "valid_to_2": "2026"}).content.decode()
    for anchor in ("id_kind_0", "id_days_0", "id_opens_at", "id_valid_to_0"):  # each lands on a real input
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page, anchor
    assert not ServiceRevision.objects.exists()


def test_another_provider_cannot_see_the_editing_pages(client, login, make_user, own_service):
    login(client, make_user("provider"))
    item = services.draft_data(own_service)["schedules"][0]["id"]
    for name, args in [
        ("provider_service", []),
        ("provider_service_edit", []),
        ("record_add", ["contacts"]),
        ("record_change", ["schedules", item]),
        ("record_remove", ["schedules", item]),
    ]:
        url = reverse(f"localoffer:{name}", args=[own_service.pk, *args])
        assert client.get(url).status_code == 403, name
        assert client.post(url, {}).status_code == 403, name
    assert not ServiceRevision.objects.exists()


def test_unknown_kinds_and_records_are_not_found(client, login, provider, own_service):
    login(client, provider)
    assert client.get(reverse("localoffer:record_add", args=[own_service.pk, "badgers"])).status_code == 404
    missing = "00000000-0000-4000-8000-000000000000"
    assert (
        client.get(reverse("localoffer:record_change", args=[own_service.pk, "costs", missing])).status_code
        == 404
    )
    assert client.get(reverse("localoffer:provider_service", args=[missing])).status_code == 404


def test_moderators_can_change_any_service_and_their_change_is_moderated_too(
    client, login, moderator, parent, own_service
):
    login(client, moderator)
    url = reverse("localoffer:record_add", args=[own_service.pk, "languages"])
    assert client.post(url, {"name": "Urdu", "code": "ur"}).status_code == 302
    assert ServiceRevision.objects.get().status == RevisionStatus.PENDING
    assert not own_service.languages.filter(name="Urdu").exists()
    login(client, parent)
    assert client.get(reverse("localoffer:provider_service", args=[own_service.pk])).status_code == 403


def test_public_api_shows_only_approved_records(client, moderator, own_service):
    revision = services.submit_record_change(
        service=own_service,
        kind="contacts",
        item_id=None,
        by=None,
        values={"name": "Sam Moderated", "title": "", "email": "", "phone": "020 7946 0001"},
    )
    body = client.get(f"/api/oruk/services/{own_service.pk}").content.decode()
    assert own_service.name in body and "Sam Moderated" not in body
    services.approve_revision(revision=revision, by=moderator, today=TODAY)
    assert "Sam Moderated" in client.get(f"/api/oruk/services/{own_service.pk}").content.decode()


def test_opening_the_editing_pages_changes_nothing(client, login, provider, own_service):
    def counts():
        return [
            m._default_manager.count()
            for m in (ServiceRevision, Schedule, Contact, CostOption, Language, ServiceAtLocation, Location)
        ]

    before = counts()
    login(client, provider)
    draft = services.draft_data(own_service)
    urls = [
        reverse("localoffer:provider_service", args=[own_service.pk]),
        reverse("localoffer:provider_service_edit", args=[own_service.pk]),
    ]
    for kind in KINDS:
        urls.append(reverse("localoffer:record_add", args=[own_service.pk, kind]))
        for item in draft[kind][:1]:
            urls += [
                reverse("localoffer:record_change", args=[own_service.pk, kind, item["id"]]),
                reverse("localoffer:record_remove", args=[own_service.pk, kind, item["id"]]),
            ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert counts() == before and len(urls) > 10
