"""The structured annual review (regs 19-21): who was invited and came, progress on each outcome, and the
contributions sent before the meeting; and the consultations with settings before one is named (CFA s.39)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sendhub.cases.rules import ANSWER_LABELS


class ParticipantRole(models.TextChoices):
    """Reg 20(3)-(4): whose advice and information is sought and who is invited to the meeting."""

    CHILD = "child", "The child or young person"
    PARENT = "parent", "Parent or carer"
    SETTING = "setting", "School or college"
    LA = "la", "Local authority SEN officer"
    HEALTH = "health", "Health care professional"
    SOCIAL_CARE = "social_care", "Social care"
    OTHER = "other", "Other"


class ReviewParticipant(models.Model):
    """Someone invited to the review meeting (reg 20(3)-(4)), and whether they came."""

    review = models.ForeignKey("cases.AnnualReview", models.CASCADE, related_name="participants")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=12, choices=ParticipantRole.choices)
    attended = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                name="participant_role_valid", condition=Q(role__in=ParticipantRole.values)
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class Progress(models.TextChoices):
    ACHIEVED = "achieved", "Achieved"
    ON_TRACK = "on_track", "On track"
    SOME = "some", "Some progress"
    NONE = "none", "No progress"


class OutcomeProgress(models.Model):
    """Progress towards one outcome of the plan (section E) since the last review (reg 20(5))."""

    review = models.ForeignKey("cases.AnnualReview", models.CASCADE, related_name="progress")
    outcome = models.ForeignKey("cases.Outcome", models.SET_NULL, null=True, blank=True, related_name="+")
    outcome_text = models.TextField(help_text="The outcome as it read in the plan reviewed")
    progress = models.CharField(max_length=8, choices=Progress.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(name="progress_valid", condition=Q(progress__in=Progress.values)),
            models.UniqueConstraint(fields=["review", "outcome"], name="progress_once_per_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.outcome_text[:40]}: {self.get_progress_display()}"


class ContributorKind(models.TextChoices):
    CHILD = "child", "The child or young person"
    PARENT = "parent", "Parent or carer"
    SETTING = "setting", "School or college"
    PROFESSIONAL = "professional", "Professional"


class ReviewContribution(models.Model):
    """Views, advice or information sent for a review (reg 20(2)-(3)), with any documents."""

    review = models.ForeignKey("cases.AnnualReview", models.CASCADE, related_name="contributions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField("from", max_length=150)
    kind = models.CharField(max_length=12, choices=ContributorKind.choices)
    text = models.TextField(blank=True)
    documents = models.ManyToManyField("cases.Document", blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="contribution_kind_valid", condition=Q(kind__in=ContributorKind.values)
            )
        ]

    def __str__(self) -> str:
        return f"From {self.author_name}"


ANSWER_CHOICES = [(k.value, v) for k, v in ANSWER_LABELS.items()]


class SettingConsultation(models.Model):
    """One setting consulted before it is named in section I (CFA s.39(2)-(3), s.40(3))."""

    request = models.ForeignKey(
        "cases.AssessmentRequest", models.CASCADE, null=True, blank=True, related_name="consultations"
    )
    plan = models.ForeignKey(
        "cases.Plan", models.CASCADE, null=True, blank=True, related_name="consultations"
    )
    # The proposed amendments (reg 22(1)) a consultation on a live plan was made for; none on a request.
    plan_version = models.ForeignKey(
        "cases.PlanVersion",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="consultations",
        verbose_name="proposed amendments consulted on",
    )
    school = models.ForeignKey("schools.School", models.PROTECT, related_name="+")
    sent = models.DateField("consultation sent")
    response_due = models.DateField()
    answered_on = models.DateField(null=True, blank=True)
    answer = models.CharField(max_length=24, blank=True, choices=ANSWER_CHOICES)
    reasons = models.TextField(blank=True)
    parent_preference = models.BooleanField("the parent's or young person's preference", default=False)
    named = models.BooleanField("named in the plan", default=False)
    documents = models.ManyToManyField("cases.Document", blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent", "id"]
        constraints = [
            models.CheckConstraint(
                name="consultation_request_or_plan",
                condition=Q(request__isnull=False) | Q(plan__isnull=False),
            ),
            models.CheckConstraint(
                name="consultation_answer_valid",
                condition=Q(answer__in=["", *[c for c, _ in ANSWER_CHOICES]]),
            ),
            models.CheckConstraint(
                name="consultation_answer_with_date",
                condition=(Q(answer="") & Q(answered_on__isnull=True))
                | (~Q(answer="") & Q(answered_on__isnull=False)),
            ),
            models.CheckConstraint(
                name="consultation_answer_after_sent",
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("sent")),
            ),
        ]
        indexes = [  # unanswered consultations, for the worklist and the request page
            models.Index(
                fields=["response_due"], name="consultation_open", condition=Q(answered_on__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"Consultation with {self.school}"
