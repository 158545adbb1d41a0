"""Contacts with the SEND service: a call, email, web form or visit, with a reference and a reply-due day."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sendhub.accounts.models import User


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    WEB = "web", "Web form"
    IN_PERSON = "in_person", "In person"


class Topic(models.TextChoices):
    ASSESSMENT = "assessment", "EHC needs assessment"
    PLAN = "plan", "EHC plan"
    ANNUAL_REVIEW = "annual_review", "Annual review"
    SCHOOL_PLACE = "school_place", "School or college place"
    TRANSPORT = "transport", "Travel assistance"
    FUNDING = "funding", "Funding and personal budgets"
    HEALTH = "health", "Health or therapy"
    COMPLAINT = "complaint", "Complaint"
    OTHER = "other", "Something else"


class Relationship(models.TextChoices):
    PARENT = "parent", "Parent or carer"
    YOUNG_PERSON = "young_person", "Young person"
    PROFESSIONAL = "professional", "Professional"
    OTHER = "other", "Someone else"


class ContactStatus(models.TextChoices):
    OPEN = "open", "Waiting for a reply"
    REPLIED = "replied", "Replied"
    CLOSED = "closed", "Closed"


class Direction(models.TextChoices):
    IN = "in", "From the family"
    OUT = "out", "Reply to the family"
    NOTE = "note", "Internal note"


class ReferenceCounter(models.Model):
    """The last reference number used in a year; services bump it with a row-locking UPDATE."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(name="reference_counter_in_range", condition=Q(last__lte=999999))
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ContactQuerySet(models.QuerySet["Contact"]):
    def visible_to(self, user: User | AnonymousUser) -> ContactQuerySet:
        """The Duty Line is one shared queue: anyone allowed to see contacts sees them all."""
        if getattr(user, "is_authenticated", False) and user.has_perm("voice.view_contacts"):
            return self.all()
        return self.none()


class Contact(models.Model):
    reference = models.CharField(max_length=15, unique=True)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    status = models.CharField(max_length=10, choices=ContactStatus.choices, default=ContactStatus.OPEN)
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=20, choices=Relationship.choices, default=Relationship.PARENT)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    child = models.ForeignKey(
        "cases.Child", models.SET_NULL, null=True, blank=True, related_name="voice_contacts"
    )
    child_name = models.CharField(max_length=200, blank=True, help_text="As the family gave it")
    summary = models.CharField(max_length=200)
    follows = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text="The earlier contact whose reference the family quoted",
    )
    received_at = models.DateTimeField()
    reply_due = models.DateField()
    replied_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_key = models.CharField(max_length=64, blank=True, help_text="Hash of the sender's IP address")
    # The account the family sent it from, signed in: what "Your messages" shows. An email address typed
    # on the public form proves nothing, so it never links a message to an account.
    sender_account = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="own_contacts"
    )
    version = models.PositiveIntegerField(default=1)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["reply_due", "received_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="contact_reference_unique"),
            models.CheckConstraint(name="contact_channel_valid", condition=Q(channel__in=Channel.values)),
            models.CheckConstraint(name="contact_topic_valid", condition=Q(topic__in=Topic.values)),
            models.CheckConstraint(name="contact_status_valid", condition=Q(status__in=ContactStatus.values)),
            models.CheckConstraint(
                name="contact_relationship_valid", condition=Q(relationship__in=Relationship.values)
            ),
            models.CheckConstraint(
                name="contact_replied_has_time",
                condition=~Q(status=ContactStatus.REPLIED) | Q(replied_at__isnull=False),
            ),
            models.CheckConstraint(
                name="contact_closed_has_time",
                condition=~Q(status=ContactStatus.CLOSED) | Q(closed_at__isnull=False),
            ),
            models.CheckConstraint(
                name="contact_number_in_range", condition=Q(number__gte=1, number__lte=999999)
            ),
        ]
        indexes = [
            # The Duty Line queue and the escalation job: open contacts by due day.
            models.Index(
                fields=["reply_due", "received_at"],
                name="contact_open_by_due",
                condition=Q(status=ContactStatus.OPEN),
            ),
            # The public form's rate limit: recent contacts from one sender.
            models.Index(fields=["source_key", "received_at"], name="contact_by_source"),
            # Reports by month.
            models.Index(fields=["received_at"], name="contact_by_received"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("voice:contact_detail", args=[self.pk])


class ContactMessage(models.Model):
    """One message in a contact's thread: what the family said, our reply, or a note for colleagues."""

    contact = models.ForeignKey(Contact, models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=4, choices=Direction.choices)
    body = models.TextField()
    at = models.DateTimeField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_to = models.EmailField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="contact_message_direction_valid", condition=Q(direction__in=Direction.values)
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact.reference} {self.direction} {self.at:%Y-%m-%d %H:%M}"
