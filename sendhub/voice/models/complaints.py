"""Complaints (with the Ombudsman's timescales, outcomes and learning) and compliments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.lib.dates import long_date
from sendhub.voice.models.contacts import Channel

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from sendhub.accounts.models import User


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    STAGE_1 = "stage_1", "Stage 1 investigation"
    STAGE_1_DONE = "stage_1_done", "Stage 1 response sent"
    STAGE_2 = "stage_2", "Stage 2 review"
    CLOSED = "closed", "Closed"


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ComplaintQuerySet(models.QuerySet["Complaint"]):
    def visible_to(self, user: User | AnonymousUser) -> ComplaintQuerySet:
        if getattr(user, "is_authenticated", False) and user.has_perm("voice.view_complaints"):
            return self.all()
        return self.none()


class Complaint(models.Model):
    """A complaint about the SEND service, handled under the LGSCO Complaint Handling Code (rules.py)."""

    contact = models.OneToOneField("voice.Contact", models.PROTECT, related_name="complaint")
    status = models.CharField(
        max_length=15, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    received_on = models.DateField()
    acknowledge_due = models.DateField()
    acknowledged_on = models.DateField(null=True, blank=True)
    stage1_due = models.DateField(null=True, blank=True)
    stage1_responded_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True, help_text="Escalation request acknowledged")
    stage2_due = models.DateField(null=True, blank=True)
    stage2_responded_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=15, choices=ComplaintOutcome.choices, blank=True)
    learning = models.TextField(blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="complaint_status_valid", condition=Q(status__in=ComplaintStatus.values)
            ),
            models.CheckConstraint(
                name="complaint_outcome_valid",
                condition=Q(outcome="") | Q(outcome__in=ComplaintOutcome.values),
            ),
            models.CheckConstraint(
                name="complaint_ack_not_before_receipt",
                condition=Q(acknowledged_on__isnull=True) | Q(acknowledged_on__gte=F("received_on")),
            ),
            models.CheckConstraint(
                name="complaint_closed_has_outcome",
                condition=~Q(status=ComplaintStatus.CLOSED) | ~Q(outcome=""),
            ),
        ]
        indexes = [
            models.Index(
                fields=["received_on"], name="complaint_open", condition=~Q(status=ComplaintStatus.CLOSED)
            ),
        ]

    def __str__(self) -> str:
        return f"Complaint {self.contact.reference}"

    def get_absolute_url(self) -> str:
        return reverse("voice:complaint_detail", args=[self.pk])

    def clean(self) -> None:
        if (
            self.stage1_responded_on
            and self.acknowledged_on
            and self.stage1_responded_on < self.acknowledged_on
        ):
            raise ValidationError(
                {"stage1_responded_on": "The stage 1 response cannot be before the acknowledgement"}
            )
        if self.stage2_responded_on and self.escalated_on and self.stage2_responded_on < self.escalated_on:
            raise ValidationError(
                {"stage2_responded_on": "The stage 2 response cannot be before the escalation"}
            )


class Compliment(models.Model):
    received_on = models.DateField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    about = models.CharField(max_length=200, help_text="The team or service the compliment is about")
    summary = models.TextField()
    contact = models.ForeignKey(
        "voice.Contact", models.SET_NULL, null=True, blank=True, related_name="compliments"
    )
    shared_with_team = models.BooleanField(default=False)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(name="compliment_channel_valid", condition=Q(channel__in=Channel.values))
        ]

    def __str__(self) -> str:
        return f"Compliment {long_date(self.received_on)} about {self.about}"
