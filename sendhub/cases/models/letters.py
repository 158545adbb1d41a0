"""Letters and notices: editable templates (each naming the regulation it meets), the letters made from
them (kept exactly as sent, with a PDF document on the case), the print queue and batches of letters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class Recipient(models.TextChoices):
    PARENT = "parent", "Parent or young person"
    ADVISER = "adviser", "Adviser"
    SETTING = "setting", "School or college"
    AUTHORITY = "authority", "Another local authority"


class LetterTemplate(models.Model):
    """An editable letter; the body uses {{ merge fields }} listed on the edit page."""

    key = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    regulation = models.CharField("regulation it meets", max_length=200, blank=True)
    recipient = models.CharField(max_length=10, choices=Recipient.choices, default=Recipient.PARENT)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Delivery(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Post"


class Letter(models.Model):
    """A letter made from a template for one recipient at one step; kept exactly as sent."""

    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="letters")
    decision = models.ForeignKey(
        "cases.PanelDecision", models.PROTECT, null=True, blank=True, related_name="letters"
    )
    request = models.ForeignKey(
        "cases.AssessmentRequest", models.PROTECT, null=True, blank=True, related_name="letters"
    )
    plan = models.ForeignKey("cases.Plan", models.PROTECT, null=True, blank=True, related_name="letters")
    template = models.ForeignKey(LetterTemplate, models.PROTECT, related_name="+")
    template_version = models.PositiveIntegerField(default=1)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text, merge fields filled; escaped only when shown")
    letter_date = models.DateField(null=True, blank=True)
    recipient_name = models.CharField(max_length=200, blank=True)
    recipient_address = models.CharField(max_length=300, blank=True)
    recipient_email = models.EmailField(blank=True)
    delivery = models.CharField(max_length=5, choices=Delivery.choices, default=Delivery.POST)
    document = models.OneToOneField(
        "cases.Document", models.PROTECT, null=True, blank=True, related_name="letter"
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    printed_at = models.DateTimeField(null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    batch = models.ForeignKey(
        "cases.LetterBatch", models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(name="letter_delivery_valid", condition=Q(delivery__in=Delivery.values)),
        ]
        indexes = [
            # The print queue: letters for post not yet printed.
            models.Index(
                fields=["created_at"],
                name="letter_print_queue",
                condition=Q(delivery="post", printed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("cases:letter_detail", args=[self.pk])


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Making the letters"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Stopped with an error"


class LetterBatch(models.Model):
    """Letters for many children at once (a background job), e.g. every review invitation due next month."""

    template_key = models.SlugField(max_length=40)
    month = models.DateField(help_text="First day of the month the letters are for")
    status = models.CharField(max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Already sent for this month")
    error = models.CharField(max_length=300, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    team = models.ForeignKey("accounts.Team", models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(name="batch_status_valid", condition=Q(status__in=BatchStatus.values)),
            models.CheckConstraint(name="batch_done_within_total", condition=Q(done__lte=F("total"))),
        ]

    def __str__(self) -> str:
        return f"Letters {self.template_key} for {self.month:%B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("cases:letter_batch_detail", args=[self.pk])

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * (self.done + self.skipped) / self.total)
