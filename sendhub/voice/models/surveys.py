"""Short feedback surveys sent to families at key points, their answers, themes and "you said, we did"."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Trigger(models.TextChoices):
    MANUAL = "manual", "Sent by hand"
    PLAN_ISSUED = "plan_issued", "EHC plan issued"
    REVIEW_FINISHED = "review_finished", "Annual review finished"
    CONTACT_CLOSED = "contact_closed", "Contact closed"


class QuestionKind(models.TextChoices):
    RADIOS = "radios", "Choose one answer (radios)"
    CHECKBOXES = "checkboxes", "Choose any answers (checkboxes)"
    TEXT = "text", "Free text"
    SCALE = "scale", "Scale from 1 to 5"


SCALE_LABELS = {
    1: "1 - Very dissatisfied",
    2: "2 - Dissatisfied",
    3: "3 - Neither satisfied nor dissatisfied",
    4: "4 - Satisfied",
    5: "5 - Very satisfied",
}


class Survey(models.Model):
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True)
    trigger = models.CharField(max_length=20, choices=Trigger.choices, default=Trigger.MANUAL)
    is_active = models.BooleanField(default=True, help_text="Only active surveys are sent automatically")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(name="survey_trigger_valid", condition=Q(trigger__in=Trigger.values)),
            # One active survey per key point, so "send the plan-issued survey" is never ambiguous.
            models.UniqueConstraint(
                fields=["trigger"],
                name="survey_one_active_per_trigger",
                condition=Q(is_active=True) & ~Q(trigger=Trigger.MANUAL),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("voice:survey_detail", args=[self.pk])


class Question(models.Model):
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=QuestionKind.choices)
    text = models.CharField(max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    required = models.BooleanField(default=True)
    choices = models.JSONField(default=list, blank=True, help_text="The options for radios and checkboxes")
    measures_satisfaction = models.BooleanField(
        default=False, help_text="A 1 to 5 scale whose answers count towards the 75% satisfaction target"
    )

    class Meta:
        ordering = ["survey", "position"]
        constraints = [
            models.CheckConstraint(name="question_kind_valid", condition=Q(kind__in=QuestionKind.values)),
            models.UniqueConstraint(fields=["survey", "position"], name="question_position_unique"),
            models.CheckConstraint(
                name="question_satisfaction_is_scale",
                condition=Q(measures_satisfaction=False) | Q(kind=QuestionKind.SCALE),
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Invitation(models.Model):
    """One family asked to answer one survey, by an emailed link carrying `token` (no account needed)."""

    survey = models.ForeignKey(Survey, models.PROTECT, related_name="invitations")
    token = models.CharField(max_length=64, unique=True)
    email = models.EmailField()
    trigger = models.CharField(max_length=20, choices=Trigger.choices)
    contact = models.ForeignKey("voice.Contact", models.SET_NULL, null=True, blank=True, related_name="+")
    child = models.ForeignKey("cases.Child", models.SET_NULL, null=True, blank=True, related_name="+")
    sent_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(name="invitation_trigger_valid", condition=Q(trigger__in=Trigger.values)),
            # The same contact is never surveyed twice by the same survey.
            models.UniqueConstraint(
                fields=["survey", "contact"],
                name="invitation_once_per_contact",
                condition=Q(contact__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["survey", "sent_at"], name="invitation_by_survey")]

    def __str__(self) -> str:
        return f"{self.survey} invitation {self.pk}"


class SurveyResponse(models.Model):
    invitation = models.OneToOneField(Invitation, models.PROTECT, related_name="response")
    survey = models.ForeignKey(Survey, models.PROTECT, related_name="responses")
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["survey", "submitted_at"], name="response_by_survey_month")]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey}"


class Theme(models.Model):
    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Answer(models.Model):
    response = models.ForeignKey(SurveyResponse, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.PROTECT, related_name="answers")
    text = models.TextField(blank=True)
    selected = models.JSONField(default=list, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="answers")

    class Meta:
        ordering = ["question__position"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_once_per_question"),
            models.CheckConstraint(
                name="answer_score_1_to_5", condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5)
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk}"


class YouSaidWeDid(models.Model):
    you_said = models.TextField()
    we_did = models.TextField()
    survey = models.ForeignKey(Survey, models.SET_NULL, null=True, blank=True, related_name="+")
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = "you said, we did entry"
        verbose_name_plural = "you said, we did entries"
        indexes = [
            models.Index(
                fields=["-published_on"], name="yswd_published", condition=Q(published_on__isnull=False)
            )
        ]

    def __str__(self) -> str:
        return self.you_said[:60]
