"""The public "contact the SEND service" form: reference, honeypot and rate limit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sendhub.voice.models import Channel, Contact

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Jo Example",
    "relationship": "parent",
    "email": "jo@example.test",
    "topic": "assessment",
    "message": "I asked for an assessment six weeks ago and have heard nothing.",
    "website": "",
}


def test_anyone_can_send_a_message_and_get_a_reference(client) -> None:
    assert client.get(reverse("voice:contact_public")).status_code == 200
    response = client.post(reverse("voice:contact_public"), GOOD, follow=True)
    contact = Contact.objects.get()
    assert contact.channel == Channel.WEB and contact.logged_by is None
    assert contact.reference.encode() in response.content
    assert b"We will reply by the end of" in response.content


def test_needs_a_way_to_reply(client) -> None:
    response = client.post(reverse("voice:contact_public"), {**GOOD, "email": ""})
    assert b"Enter an email address or a phone number" in response.content
    assert b"<title>Error: " in response.content
    assert not Contact.objects.exists()


def test_honeypot_stops_the_message_and_shows_the_field(client) -> None:
    response = client.post(reverse("voice:contact_public"), {**GOOD, "website": "http://spam.example"})
    assert not Contact.objects.exists()
    assert b"Clear the box labelled" in response.content
    assert b"govuk-!-display-none" not in response.content  # the person can now see and clear it


def test_honeypot_is_hidden_but_labelled(client) -> None:
    content = client.get(reverse("voice:contact_public")).content.decode()
    assert '<div class="govuk-!-display-none">' in content
    assert 'for="id_website">Leave this empty</label>' in content


def test_rate_limit_per_address(client) -> None:
    for _ in range(5):
        client.post(reverse("voice:contact_public"), GOOD)
        client.cookies.clear()  # a new session each time: the address limit still applies
    response = client.post(reverse("voice:contact_public"), GOOD)
    assert Contact.objects.count() == 5
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sorry, there have been too many attempts" in body and "You have sent a message 5 times" in body
    assert "Try again in " in body and "minute" in body


def test_the_confirmation_email_never_repeats_what_was_typed(client) -> None:
    from django.core import mail

    phishing = {
        **GOOD,
        "name": "Your account is suspended: visit evil.example",
        "email": "victim@example.test",
        "message": "Click http://evil.example/login to keep your benefits",
    }
    client.post(reverse("voice:contact_public"), phishing)
    (sent,) = mail.outbox
    assert sent.to == ["victim@example.test"]
    text = f"{sent.subject}{sent.body}"
    assert "evil.example" not in text and "suspended" not in text
    assert Contact.objects.get().reference in text


def test_a_public_message_with_a_parents_email_is_not_in_their_messages(client, login, parent) -> None:
    client.post(reverse("voice:contact_public"), {**GOOD, "email": parent.email})
    stranger = Contact.objects.get()
    login(client, parent)
    assert stranger.reference not in client.get(reverse("voice:own_contact_list")).content.decode()
    assert client.get(reverse("voice:own_contact_detail", args=[stranger.pk])).status_code == 404
    # Sent while signed in, it is theirs.
    client.post(reverse("voice:contact_public"), {**GOOD, "email": parent.email})
    own = Contact.objects.exclude(pk=stranger.pk).get()
    assert own.sender_account == parent
    listing = client.get(reverse("voice:own_contact_list")).content.decode()
    assert own.reference in listing and stranger.reference not in listing


def test_sent_page_without_a_message_goes_back_to_the_form(client) -> None:
    response = client.get(reverse("voice:contact_public_sent"))
    assert response.status_code == 302 and response["Location"] == reverse("voice:contact_public")


def test_a_quoted_reference_links_the_new_message_to_the_earlier_thread(client, login, officer) -> None:
    client.post(reverse("voice:contact_public"), GOOD)
    first = Contact.objects.get()
    client.post(
        reverse("voice:contact_public"), {**GOOD, "quoted_reference": f"sen {first.year} {first.number}"}
    )
    second = Contact.objects.exclude(pk=first.pk).get()
    assert second.follows == first and second.reference != first.reference
    login(client, officer)
    assert second.reference.encode() in client.get(first.get_absolute_url()).content
    bad = client.post(reverse("voice:contact_public"), {**GOOD, "quoted_reference": "my ref"})
    assert b"Enter a reference in the format SEN-2026-000123, or leave it empty" in bad.content
