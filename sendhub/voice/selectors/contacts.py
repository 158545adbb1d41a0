"""The Duty Line queue, thread lookup by quoted reference, and access-checked loading."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sendhub.accounts.models import User
from sendhub.voice import rules
from sendhub.voice.models import Contact, ContactMessage, ContactStatus, Direction

QUEUES = {
    "open": "Waiting for a reply",
    "overdue": "Overdue",
    "due_today": "Due today",
    "replied": "Replied, not closed",
    "mine": "Assigned to you",
    "closed": "Closed",
}


def duty_queue(user: User, today: date, queue: str = "open") -> QuerySet[Contact]:
    """Contacts in one Duty Line queue, most urgent first.

    "overdue" is the SQL form of rules.is_reply_overdue(): open and the due day has passed.
    """
    contacts = Contact.objects.visible_to(user).select_related("assigned_to", "child")
    if queue == "overdue":
        contacts = contacts.filter(status=ContactStatus.OPEN, reply_due__lt=today)
    elif queue == "due_today":
        contacts = contacts.filter(status=ContactStatus.OPEN, reply_due=today)
    elif queue == "mine":
        contacts = contacts.filter(assigned_to=user).exclude(status=ContactStatus.CLOSED)
    elif queue == "replied":
        contacts = contacts.filter(status=ContactStatus.REPLIED)
    elif queue == "closed":
        return contacts.filter(status=ContactStatus.CLOSED).order_by("-closed_at", "-pk")
    else:
        contacts = contacts.filter(status=ContactStatus.OPEN)
    return contacts.order_by("reply_due", "received_at", "pk")


def queue_tabs(user: User, today: date) -> list[tuple[str, str, int]]:
    """(key, label, count) for each queue, for the Duty Line's queue links."""
    return [(key, label, duty_queue(user, today, key).count()) for key, label in QUEUES.items()]


def find_contact_by_reference(user: User, text: str) -> Contact | None:
    """The contact a family's quoted reference points to; raises rules.ReferenceError on bad format."""
    ref = rules.parse_reference(text)
    return Contact.objects.visible_to(user).filter(year=ref.year, number=ref.number).first()


def get_contact_for_user(user: User, pk: int, *, write: bool = False) -> Contact:
    contact = get_object_or_404(
        Contact.objects.visible_to(user).select_related("child", "assigned_to", "logged_by"), pk=pk
    )
    if write and not user.has_perm("voice.manage_contacts"):
        raise PermissionDenied
    return contact


def children_for_chooser(user: User) -> Any:
    """Children a contact may be linked to: only those whose records the user can open."""
    from sendhub.cases.models import Child

    return Child.objects.visible_to(user).order_by("last_name", "first_name")


def child_visible_to(user: User, contact: Contact) -> bool:
    """Whether to show the linked child's name: only to someone who may open that child's record."""
    if contact.child_id is None:
        return False
    from sendhub.cases.models import Child

    return Child.objects.visible_to(user).filter(pk=contact.child_id).exists()


def own_contacts(user: User) -> QuerySet[Contact]:
    """A signed-in parent's own contacts: those they sent while signed in to this account. Never matched
    by email address: anyone can type a parent's address on the public form."""
    if not getattr(user, "is_authenticated", False):
        return Contact.objects.none()
    return Contact.objects.filter(sender_account=user).order_by("-received_at", "-pk")


def get_own_contact(user: User, pk: int) -> Contact:
    return get_object_or_404(own_contacts(user), pk=pk)


def family_thread(contact: Contact) -> QuerySet[ContactMessage]:
    """What the family may see of a thread: their messages and our replies, never internal notes."""
    return contact.messages.exclude(direction=Direction.NOTE)


def duty_line_staff() -> Any:
    """People a contact can be assigned to: active case officers and team managers."""
    from sendhub.accounts.models import Role, User

    return User.objects.filter(is_active=True, role__in=[Role.CASE_OFFICER, Role.TEAM_MANAGER]).order_by(
        "full_name"
    )
