"""The staff home page counts the complaints waiting for a reply, and the complaint list filtered to them shows
the same number; a date refused by the service is shown on the date field, not only in the summary."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from django.urls import reverse

from sendhub.cases.tests.test_home import figures
from sendhub.voice.services import complaints as services
from sendhub.voice.tests.factories import make_contact

pytestmark = pytest.mark.django_db


def test_complaints_waiting_for_a_reply_match_the_filtered_list(client, login, manager) -> None:
    waiting = [
        services.open_complaint(contact=make_contact(), received_on=date(2026, 11, d), by=manager)
        for d in (2, 3)
    ]
    services.advance_complaint(
        complaint=waiting[0], action="acknowledge", on=date(2026, 11, 4), by=manager, version=1
    )
    answered = services.open_complaint(contact=make_contact(), received_on=date(2026, 11, 5), by=manager)
    services.advance_complaint(
        complaint=answered, action="acknowledge", on=date(2026, 11, 6), by=manager, version=1
    )
    services.advance_complaint(
        complaint=answered,
        action="stage_1_response",
        on=date(2026, 11, 9),
        by=manager,
        version=2,
        outcome="not_upheld",
    )
    login(client, manager)
    count, url = figures(client.get(reverse("core:home")).content)["Complaints waiting for a reply"]
    assert count == 2
    page = lxml.html.fromstring(client.get(url).content)
    caption = " ".join(page.xpath("//table/caption")[0].text_content().split())
    assert caption == "Waiting for a reply: 2"
    assert len(page.xpath("//table/tbody/tr")) == 2
    everything = lxml.html.fromstring(client.get(reverse("voice:complaint_list")).content)
    assert " ".join(everything.xpath("//table/caption")[0].text_content().split()) == "3 complaints"


def test_a_refused_date_is_shown_on_the_date_field(client, login, manager) -> None:
    complaint = services.open_complaint(contact=make_contact(), received_on=date(2026, 11, 23), by=manager)
    login(client, manager)
    response = client.post(
        complaint.get_absolute_url(),
        {"version": 1, "action": "acknowledge", "on_0": "20", "on_1": "11", "on_2": "2026"},
    )
    page = lxml.html.fromstring(response.content)
    (group,) = page.xpath("//div[contains(@class,'govuk-form-group--error')][.//input[@name='on_0']]")
    message = " ".join(group.xpath(".//p[@class='govuk-error-message']")[0].text_content().split())
    assert message == "Error: The date cannot be before the complaint was received"
    assert "govuk-input--error" in group.xpath(".//input[@name='on_0']/@class")[0]
