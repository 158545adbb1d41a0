"""Contacts: log one (staff or the public form), reply (stops the clock), note, close, escalate."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sendhub.accounts.models import User
from sendhub.core.audit import record_event
from sendhub.core.exceptions import CaseStateError, SendHubError, StaleObjectError
from sendhub.voice import rules
from sendhub.voice.mail import send_templated
from sendhub.voice.models import (
    Contact,
    ContactMessage,
    ContactStatus,
    Direction,
    ReferenceCounter,
    Topic,
)
from sendhub.voice.services.claims import claim_link


def source_key_for(ip_address: str | None) -> str:
    """A keyed hash of the sender's address: enough to rate-limit, useless to identify anyone."""
    if not ip_address:
        return ""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip_address}".encode()).hexdigest()


def next_reference_number(year: int) -> int:
    """The next number in `year`, safe under concurrency on PostgreSQL and SQLite.

    The UPDATE ... SET last = last + 1 locks the counter row (PostgreSQL) or the database (SQLite)
    until the surrounding transaction commits, so two contacts can never get the same number; the
    unique constraint on (year, number) is the backstop. Call it inside a transaction.
    """
    for _ in range(3):
        if ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1):
            return ReferenceCounter.objects.get(year=year).last
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(year=year, last=0)
        except IntegrityError:
            pass  # another transaction created this year's counter first: bump that one
    raise SendHubError("Could not allocate a reference number. Try again.")


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def _quoted(text: str) -> Contact | None:
    """The earlier contact a family's quoted reference points to (staff see the link; the sender sees nothing)."""
    if not text:
        return None
    try:
        ref = rules.parse_reference(text)
    except rules.ReferenceError:
        return None
    return Contact.objects.filter(year=ref.year, number=ref.number).first()


@transaction.atomic
def log_contact(
    *,
    channel: str,
    topic: str,
    name: str,
    summary: str,
    message: str,
    received_at: datetime,
    relationship: str = "parent",
    email: str = "",
    phone: str = "",
    child: Any = None,
    child_name: str = "",
    by: User | None = None,
    source_key: str = "",
    quoted_reference: str = "",
    sender_account: Any = None,
) -> Contact:
    """Record a contact, give it a reference and a reply-due day, and email the reference if we can."""
    local = _local(received_at)
    number = next_reference_number(local.year)
    contact = Contact(
        reference=rules.format_reference(local.year, number),
        year=local.year,
        number=number,
        channel=channel,
        topic=topic,
        name=name,
        relationship=relationship,
        email=email,
        phone=phone,
        child=child,
        child_name=child_name,
        summary=summary,
        received_at=received_at,
        reply_due=rules.reply_due(local),
        logged_by=by,
        source_key=source_key,
        follows=_quoted(quoted_reference),
        sender_account=sender_account,
    )
    contact.full_clean()
    contact.save()
    ContactMessage.objects.create(contact=contact, direction=Direction.IN, body=message, at=received_at)
    record_event(
        actor=by,
        action="voice.contact.logged",
        target=contact,
        data={"reference": contact.reference, "channel": channel, "topic": topic},
    )
    if topic == Topic.COMPLAINT:
        # The LGSCO clock (acknowledge within 5 working days) starts when the complaint is received.
        from sendhub.voice.services.complaints import open_complaint

        open_complaint(contact=contact, received_on=local.date(), by=by)
    if email:
        link = "" if sender_account is not None else claim_link(contact)
        send_templated(
            to=email,
            template="contact_received",
            context={"contact": contact, "claim_link": link, "claim_days": rules.CLAIM_LINK_DAYS},
        )
    return contact


def _check_version(contact: Contact, version: int) -> None:
    if contact.version != version:
        raise StaleObjectError()


@transaction.atomic
def reply_to_contact(
    *, contact: Contact, body: str, by: User, version: int, close: bool = False, now: datetime | None = None
) -> ContactMessage:
    """Send a reply to the family. The first reply stops the 2-working-day clock."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _check_version(contact, version)
    if contact.status == ContactStatus.CLOSED:
        raise CaseStateError(f"{contact.reference} is closed. Reopen it before replying.")
    now = now or timezone.now()
    reply = ContactMessage(
        contact=contact, direction=Direction.OUT, body=body, at=now, author=by, emailed_to=contact.email
    )
    reply.full_clean()
    reply.save()
    first = contact.replied_at is None
    if first:
        contact.replied_at = now
    contact.status = ContactStatus.REPLIED
    contact.version += 1
    contact.full_clean()
    contact.save(update_fields=["replied_at", "status", "version"])
    record_event(actor=by, action="voice.contact.replied", target=contact, data={"first_reply": first})
    if contact.email:
        send_templated(to=contact.email, template="contact_reply", context={"contact": contact, "body": body})
    if close:
        close_contact(contact=contact, by=by, version=contact.version, now=now)
    return reply


@transaction.atomic
def add_note(*, contact: Contact, body: str, by: User) -> ContactMessage:
    note = ContactMessage(contact=contact, direction=Direction.NOTE, body=body, at=timezone.now(), author=by)
    note.full_clean()
    note.save()
    record_event(actor=by, action="voice.contact.noted", target=contact)
    return note


@transaction.atomic
def close_contact(*, contact: Contact, by: User, version: int, now: datetime | None = None) -> Contact:
    """Close the reference ("Ref number closed when done") and, if a survey is set up, ask for feedback."""
    from sendhub.voice.models import Trigger
    from sendhub.voice.services.surveys import invite_for_trigger

    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _check_version(contact, version)
    if contact.status == ContactStatus.CLOSED:
        raise CaseStateError(f"{contact.reference} is already closed.")
    now = now or timezone.now()
    contact.status = ContactStatus.CLOSED
    contact.closed_at = now
    contact.version += 1
    contact.full_clean()
    contact.save(update_fields=["status", "closed_at", "version"])
    record_event(actor=by, action="voice.contact.closed", target=contact)
    if contact.email and contact.topic != Topic.COMPLAINT:
        invite_for_trigger(trigger=Trigger.CONTACT_CLOSED, email=contact.email, contact=contact, now=now)
    return contact


@transaction.atomic
def reopen_contact(*, contact: Contact, by: User, version: int) -> Contact:
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _check_version(contact, version)
    if contact.status != ContactStatus.CLOSED:
        raise CaseStateError(f"{contact.reference} is not closed.")
    contact.status = ContactStatus.REPLIED if contact.replied_at else ContactStatus.OPEN
    contact.closed_at = None
    contact.version += 1
    contact.full_clean()
    contact.save(update_fields=["status", "closed_at", "version"])
    record_event(actor=by, action="voice.contact.reopened", target=contact)
    return contact


@transaction.atomic
def assign_contact(*, contact: Contact, to: Any, by: User, version: int) -> Contact:
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    _check_version(contact, version)
    contact.assigned_to = to
    contact.version += 1
    contact.full_clean()
    contact.save(update_fields=["assigned_to", "version"])
    record_event(
        actor=by, action="voice.contact.assigned", target=contact, data={"to": to.pk if to else None}
    )
    return contact


@transaction.atomic
def escalate_overdue_contacts(
    *, today: date, now: datetime | None = None, dry_run: bool = False
) -> list[Contact]:
    """Mark open contacts whose reply is overdue and email the team managers a list, once per contact."""
    from sendhub.accounts.models import Role, User

    now = now or timezone.now()
    overdue = list(
        Contact.objects.select_for_update()
        .filter(status=ContactStatus.OPEN, reply_due__lt=today, escalated_at__isnull=True)
        .order_by("reply_due", "pk")
    )
    if dry_run or not overdue:
        return overdue
    Contact.objects.filter(pk__in=[c.pk for c in overdue]).update(escalated_at=now, version=F("version") + 1)
    for contact in overdue:
        record_event(
            actor=None, action="voice.contact.escalated", target=contact, data={"due": str(contact.reply_due)}
        )
    managers = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).exclude(email="").order_by("pk")
    for manager in managers:
        send_templated(
            to=manager.email, template="contacts_overdue", context={"contacts": overdue, "today": today}
        )
    return overdue
