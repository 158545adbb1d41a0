"""What families send through their pages, the message threads with their officer, and the officer's tasks.

Everything here belongs to a child (cases.Child) and is seen by whoever may see that child: the family
through Child.objects.visible_to (their own children only), staff on the case page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class SubmissionKind(models.TextChoices):
    VIEWS = "views", "Your views"
    CHILD_VIEWS = "child_views", "All about me (the child's views)"
    ASSESSMENT = "assessment", "Request for an assessment"
    DRAFT_COMMENTS = "draft", "Comments on the draft plan"
    REVIEW = "review", "Contribution to the yearly review"


class Submission(models.Model):
    """One thing a family sent: their views, the child's views, a request, comments or a contribution."""

    child = models.ForeignKey("cases.Child", models.CASCADE, related_name="family_submissions")
    kind = models.CharField(max_length=12, choices=SubmissionKind.choices)
    text = models.TextField(blank=True)  # a draft comment may only name a setting
    # Comments on a draft name the plan; a review contribution names the plan it is for.
    plan = models.ForeignKey("cases.Plan", models.SET_NULL, null=True, blank=True, related_name="+")
    # CFA s.38(2): the school or college the family asks to be named in the plan: chosen from the settings
    # SEND Hub knows (by name or URN), or, when it is not among them (an independent school, a college
    # elsewhere), named in their own words.
    preferred_school = models.ForeignKey(
        "schools.School", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    preferred_setting = models.CharField(max_length=200, blank=True)
    document = models.ForeignKey("cases.Document", models.SET_NULL, null=True, blank=True, related_name="+")
    # A review contribution: the structured annual review it was added to (as the parents' views, and the
    # child's own views in `child_text` when the family gave them), when one was arranged.
    review = models.ForeignKey("cases.AnnualReview", models.SET_NULL, null=True, blank=True, related_name="+")
    child_text = models.TextField("the child's own views", blank=True)
    request = models.ForeignKey(
        "cases.AssessmentRequest", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.CheckConstraint(name="submission_kind_valid", condition=Q(kind__in=SubmissionKind.values)),
        ]
        indexes = [models.Index(fields=["child", "sent_at"], name="submission_by_child")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Thread(models.Model):
    """A conversation between a family and the child's officer."""

    child = models.ForeignKey("cases.Child", models.CASCADE, related_name="family_threads")
    subject = models.CharField(max_length=150)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_message_at", "-id"]
        indexes = [models.Index(fields=["child", "last_message_at"], name="thread_by_child")]

    def __str__(self) -> str:
        return self.subject


class Message(models.Model):
    thread = models.ForeignKey(Thread, models.CASCADE, related_name="messages")
    body = models.TextField()
    from_family = models.BooleanField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"Message {self.pk}"


class Task(models.Model):
    """Something the officer must do because the family acted (read their views, answer a message, ...)."""

    child = models.ForeignKey("cases.Child", models.CASCADE, related_name="family_tasks")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="family_tasks"
    )
    title = models.CharField(max_length=200)
    submission = models.ForeignKey(Submission, models.CASCADE, null=True, blank=True, related_name="tasks")
    thread = models.ForeignKey(Thread, models.CASCADE, null=True, blank=True, related_name="tasks")
    due = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due", "id"]
        indexes = [
            models.Index(
                fields=["officer", "due"], name="task_open_by_officer", condition=Q(done_at__isnull=True)
            ),
            models.Index(fields=["child"], name="task_by_child"),
        ]

    def __str__(self) -> str:
        return self.title
