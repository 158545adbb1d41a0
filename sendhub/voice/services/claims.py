"""A message sent on the public form without signing in joins the sender's "Your messages" only by a link.

The confirmation email carries a signed link that expires (`rules.CLAIM_LINK_DAYS`). Opening it while
signed in to the account with that email address attaches the message to the account: the link proves
the person reads that mailbox, and the sign-in proves the account is theirs. An address typed on the
form proves nothing, so nothing else ever links a message to an account.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import SendHubError
from sendhub.voice import rules
from sendhub.voice.models import Contact

_SALT = "sendhub.voice.contact-claim"
EXPIRED = "This link has expired. Links to add a message to your account work for {days} days."
NOT_VALID = "This link is not valid. Check you copied all of it from the email."
WRONG_ACCOUNT = (
    "This message was sent from a different email address. Sign in with the account for the address "
    "the email was sent to."
)
TAKEN = "This message is already linked to another account."


def claim_token(contact: Contact) -> str:
    return signing.dumps({"c": contact.pk, "e": contact.email.strip().lower()}, salt=_SALT, compress=True)


def claim_link(contact: Contact) -> str:
    path = reverse("voice:own_contact_claim", args=[claim_token(contact)])
    return settings.SENDHUB_SITE_URL.rstrip("/") + path


def contact_for_token(token: str) -> tuple[Contact, str]:
    """The contact a link points to and the address it was sent to; `SendHubError` if expired or forged."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=rules.CLAIM_LINK_DAYS * 86400)
    except signing.SignatureExpired:
        raise SendHubError(EXPIRED.format(days=rules.CLAIM_LINK_DAYS)) from None
    except signing.BadSignature:
        raise SendHubError(NOT_VALID) from None
    if not isinstance(data, dict) or not isinstance(data.get("c"), int) or not isinstance(data.get("e"), str):
        raise SendHubError(NOT_VALID)
    contact = Contact.objects.filter(pk=data["c"]).first()
    if contact is None or contact.email.strip().lower() != data["e"]:
        raise SendHubError(NOT_VALID)
    return contact, data["e"]


@transaction.atomic
def claim_contact(*, token: str, user: User) -> Contact:
    """Attach the message to `user` if the link is good and the account has the address it was sent to."""
    contact, email = contact_for_token(token)
    if (user.email or "").strip().lower() != email:
        raise SendHubError(WRONG_ACCOUNT)
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.sender_account_id == user.pk:
        return contact
    if contact.sender_account_id is not None:
        raise SendHubError(TAKEN)
    contact.sender_account = user
    contact.full_clean()
    contact.save(update_fields=["sender_account"])
    record_event(actor=user, action="voice.contact.claimed", target=contact)
    return contact
