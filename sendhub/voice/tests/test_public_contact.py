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


def _claim_path(sent_body: object) -> str:
    import re

    match = re.search(r"https?://\S+(/your-messages/add/\S+/)", str(sent_body))
    assert match, sent_body
    return match.group(1)


def test_a_message_sent_signed_out_joins_your_messages_only_through_the_emailed_link(
    client, login, parent, make_user
) -> None:
    from django.core import mail

    from sendhub.core.roles import Role

    client.post(reverse("voice:contact_public"), {**GOOD, "email": parent.email.upper()})
    contact = Contact.objects.get()
    (sent,) = mail.outbox
    assert "Your messages" in sent.body and "within 7 days" in sent.body
    path = _claim_path(sent.body)
    # Another parent with the link cannot take it.
    other = make_user(Role.PARENT, "other-parent@example.test")
    login(client, other)
    page = client.post(path)
    assert page.status_code == 400
    assert "This message was sent from a different email address" in page.content.decode()
    assert contact.reference not in client.get(reverse("voice:own_contact_list")).content.decode()
    # The parent with that address, signed in, adds it and sees it.
    client.logout()
    login(client, parent)
    confirm = client.get(path).content.decode()
    assert contact.reference in confirm and "Add it to my messages" in confirm
    assert GOOD["message"] not in confirm  # the text shows only once the message is theirs
    added = client.post(path, follow=True).content.decode()
    assert f"{contact.reference} is now in your messages." in added and GOOD["message"] in added
    contact.refresh_from_db()
    assert contact.sender_account == parent


def test_a_forged_or_expired_link_adds_nothing(client, login, parent) -> None:
    import time
    from unittest import mock

    from django.core import mail

    client.post(reverse("voice:contact_public"), {**GOOD, "email": parent.email})
    path = _claim_path(mail.outbox[0].body)
    login(client, parent)
    forged = client.post(path[:-3] + "xx/")
    assert forged.status_code == 400 and "This link is not valid" in forged.content.decode()
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 8 * 86400):
        expired = client.post(path)
    assert expired.status_code == 400 and "This link has expired" in expired.content.decode()
    assert Contact.objects.get().sender_account is None


def test_a_message_sent_signed_in_has_no_link(client, login, parent) -> None:
    from django.core import mail

    login(client, parent)
    client.post(reverse("voice:contact_public"), {**GOOD, "email": parent.email})
    assert "/your-messages/add/" not in mail.outbox[0].body
