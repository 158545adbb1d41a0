"""A provider's home page: changes waiting for a moderator and those sent back, counted as "Your services"
shows them; a moderator's queue. The public search puts results first, its filters behind a "Filter" control
that needs no JavaScript; content pages give the council's contact details."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from sendhub.cases.tests.test_home import figures
from sendhub.localoffer import services
from sendhub.localoffer.models import Service

pytestmark = pytest.mark.usefixtures("directory")


def text(node) -> str:
    return " ".join(node.text_content().split())


def test_a_provider_sees_what_waits_for_the_moderator_and_what_was_sent_back(
    client, login, provider, moderator
):
    mine = list(Service.objects.select_related("organisation").order_by("name")[:3])
    for service in mine:
        service.organisation.members.add(provider)
    for service in mine:
        services.submit_revision(
            organisation=service.organisation,
            service=service,
            data={"name": f"{service.name} (new)"},
            by=provider,
        )
    sent_back = services.pending_revision(mine[0])
    assert sent_back is not None
    services.reject_revision(revision=sent_back, reason="Add opening times", by=moderator)
    login(client, provider)
    shown = figures(client.get(reverse("core:home")).content)
    waiting, sent = shown["Changes waiting for a moderator"], shown["Changes sent back to you"]
    assert (waiting[0], sent[0]) == (2, 1)
    page = lxml.html.fromstring(client.get(waiting[1]).content)
    counts = {
        text(row.xpath("dt")[0]): int(text(row.xpath("dd")[0]))
        for row in page.get_element_by_id("change-counts").xpath("div")
    }
    assert counts == {"Waiting for a moderator": 2, "Sent back to you, not yet sent again": 1}
    login(client, moderator)
    (count, url) = figures(client.get(reverse("core:home")).content)["Changes waiting for moderation"]
    queue = lxml.html.fromstring(client.get(url).content)
    assert count == 2 and text(queue.xpath("//table/caption")[0]) == f"{count} waiting"


def test_the_search_shows_results_before_the_filters_which_sit_closed_behind_filter(client):
    page = lxml.html.fromstring(client.get(reverse("localoffer:service_list")).content)
    main = page.xpath("//main")[0]
    (details,) = main.xpath(".//details[.//select or .//input[@type='checkbox'] or .//input[@type='radio']]")
    assert text(details.xpath("summary")[0]) == "Filter"
    assert details.get("open") is None
    applied = lxml.html.fromstring(client.get(reverse("localoffer:service_list") + "?cost=free").content)
    assert text(applied.xpath("//main//details/summary")[0]) == "Filter (1 applied)"
    assert applied.xpath("//main//details")[0].get("open") is None


def test_the_short_breaks_statement_gives_the_councils_contact_details(client, settings):
    settings.SENDHUB_COUNCIL_PHONE = "020 7974 1234"
    settings.SENDHUB_COUNCIL_HOURS = "Monday to Thursday, 9am to 5pm"
    page = lxml.html.fromstring(
        client.get(reverse("localoffer:content_page", args=["short-breaks-statement"])).content
    )
    contact = text(page.get_element_by_id("council-contact"))
    assert "Telephone: 020 7974 1234" in contact
    assert "Opening hours: Monday to Thursday, 9am to 5pm" in contact
    assert f"Email: {settings.SENDHUB_COUNCIL_EMAIL}" in contact
    assert settings.SENDHUB_COUNCIL_IASS_NAME in contact
    assert page.xpath("//a[@href='tel:02079741234']")
