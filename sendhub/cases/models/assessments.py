"""Requests for an EHC needs assessment, advice, reg 10(4) exceptions, the panel and its letters."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.cases import vocab
from sendhub.cases.rules import ExceptionReason, RequestSource
from sendhub.lib.dates import long_date


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    NOT_ASSESSED = "not_assessed", "Decided not to assess"
    NOT_ISSUED = "not_issued", "Decided not to issue"
    ISSUED = "issued", "Plan issued"
    WITHDRAWN = "withdrawn", "Withdrawn"


SOURCE_CHOICES = [
    (RequestSource.PARENT.value, "Parent or carer"),
    (RequestSource.YOUNG_PERSON.value, "Young person"),
    (RequestSource.SCHOOL.value, "School or other education setting"),
    (RequestSource.HEALTH.value, "Health professional"),
    (RequestSource.SOCIAL_CARE.value, "Social care professional"),
    (RequestSource.OTHER.value, "Other"),
]
EXCEPTION_CHOICES = [
    (ExceptionReason.SCHOOL_CLOSURE.value, "School or college closed for 4 weeks or more (reg 10(4)(a))"),
    (ExceptionReason.PERSONAL_CIRCUMSTANCES.value, "Exceptional personal circumstances (reg 10(4)(b))"),
    (ExceptionReason.ABSENT_FROM_AREA.value, "Absent from the area for 4 weeks or more (reg 10(4)(c))"),
    (ExceptionReason.MISSED_APPOINTMENT.value, "Missed appointment for an examination or test (reg 8(2))"),
]


class AssessmentRequest(models.Model):
    """A request for an EHC needs assessment and its statutory milestones (SEN2 <Requests>/<Assessment>)."""

    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="requests")
    received = models.DateField("date received")
    source = models.CharField(max_length=15, choices=SOURCE_CHOICES)
    requester_name = models.CharField("who asked", max_length=150, blank=True)
    status = models.CharField(max_length=15, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    decided_to_assess = models.DateField(null=True, blank=True)
    decided_not_to_assess = models.DateField(null=True, blank=True)
    decided_to_issue = models.DateField(null=True, blank=True)
    decided_not_to_issue = models.DateField(null=True, blank=True)
    draft_issued = models.DateField(null=True, blank=True)
    setting_consulted = models.DateField(null=True, blank=True)
    setting_responded = models.DateField(null=True, blank=True)
    final_issued = models.DateField(null=True, blank=True)
    withdrawn = models.DateField(null=True, blank=True)
    transferred_in_from = models.CharField("transferred from LA", max_length=3, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The panel meeting the request is listed for; cleared when the panel decides (or defers).
    panel_on = models.DateField("panel meeting", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received", "-id"]
        constraints = [
            models.CheckConstraint(
                name="request_source_valid", condition=Q(source__in=[c for c, _ in SOURCE_CHOICES])
            ),
            models.CheckConstraint(name="request_status_valid", condition=Q(status__in=RequestStatus.values)),
            models.CheckConstraint(
                name="request_decision_after_received",
                condition=(Q(decided_to_assess__isnull=True) | Q(decided_to_assess__gte=F("received")))
                & (Q(decided_not_to_assess__isnull=True) | Q(decided_not_to_assess__gte=F("received"))),
            ),
            models.CheckConstraint(
                name="request_final_after_received",
                condition=Q(final_issued__isnull=True) | Q(final_issued__gte=F("received")),
            ),
            models.CheckConstraint(
                name="request_one_assess_decision",
                condition=Q(decided_to_assess__isnull=True) | Q(decided_not_to_assess__isnull=True),
            ),
        ]
        indexes = [
            models.Index(fields=["child", "received"], name="request_by_child"),
            # Panel agenda: open requests awaiting a decision.
            models.Index(fields=["received"], name="request_open", condition=Q(status="open")),
        ]

    def __str__(self) -> str:
        return f"Request received {long_date(self.received)}"

    def get_absolute_url(self) -> str:
        return reverse("cases:request_detail", args=[self.pk])

    @property
    def decision_due(self) -> date:
        """Reg 5(1): the decision whether to assess is due 6 weeks after the request."""
        from sendhub.cases.rules import decision_to_assess_due

        return decision_to_assess_due(self.received)


class AdviceRequest(models.Model):
    """A request for advice under reg 6(1); due 6 weeks from the request (reg 8(1))."""

    request = models.ForeignKey(AssessmentRequest, models.CASCADE, related_name="advice")
    kind = models.CharField(max_length=15, choices=vocab.ADVICE_KINDS)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_requests",
        help_text="The adviser's account, if they have one",
    )
    adviser_name = models.CharField(max_length=150, blank=True)
    requested_on = models.DateField()
    due = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    # Advice given through the adviser's inbox (/advice/) as text; a document may come with it or instead.
    advice_text = models.TextField(blank=True)
    # An adviser may decline (for example "not known to the service"); the officer then asks elsewhere.
    declined_on = models.DateField(null=True, blank=True)
    decline_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["requested_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="advice_kind_valid", condition=Q(kind__in=vocab.codes(vocab.ADVICE_KINDS))
            ),
            models.CheckConstraint(
                name="advice_given_or_declined_not_both",
                condition=Q(received_on__isnull=True) | Q(declined_on__isnull=True),
            ),
            models.CheckConstraint(
                name="advice_declined_with_reason",
                condition=Q(declined_on__isnull=True) | ~Q(decline_reason=""),
            ),
            models.CheckConstraint(
                name="advice_received_after_request",
                condition=Q(received_on__isnull=True) | Q(received_on__gte=F("requested_on")),
            ),
        ]
        indexes = [
            # selectors.awaiting_advice(): outstanding advice by due date.
            models.Index(fields=["due"], name="advice_outstanding", condition=Q(received_on__isnull=True)),
            models.Index(fields=["adviser", "due"], name="advice_by_adviser"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} requested {long_date(self.requested_on)}"


class AssessmentException(models.Model):
    """A reg 10(4) exception recorded with its reason and dates; the case is reported both ways."""

    request = models.ForeignKey(AssessmentRequest, models.CASCADE, related_name="exceptions")
    reason = models.CharField(max_length=25, choices=EXCEPTION_CHOICES)
    start = models.DateField()
    end = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                name="exception_reason_valid", condition=Q(reason__in=[c for c, _ in EXCEPTION_CHOICES])
            ),
            models.CheckConstraint(name="exception_end_after_start", condition=Q(end__gte=F("start"))),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.start} to {self.end}"


class PanelQuestion(models.TextChoices):
    ASSESS = "assess", "Whether to carry out an EHC needs assessment"
    ISSUE = "issue", "Whether to issue an EHC plan"


class PanelOutcome(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    DEFER = "defer", "Deferred for more information"


class PanelMeeting(models.Model):
    """The weekly multi-disciplinary SEND panel."""

    held_on = models.DateField(unique=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    members_present = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="panels_attended"
    )
    other_attendees = models.CharField(max_length=300, blank=True, help_text="Members without an account")

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Panel {long_date(self.held_on)}"


class PanelDecision(models.Model):
    meeting = models.ForeignKey(PanelMeeting, models.PROTECT, related_name="decisions")
    request = models.ForeignKey(AssessmentRequest, models.PROTECT, related_name="panel_decisions")
    question = models.CharField(max_length=6, choices=PanelQuestion.choices)
    outcome = models.CharField(max_length=5, choices=PanelOutcome.choices)
    reasons = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meeting__held_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="panel_question_valid", condition=Q(question__in=PanelQuestion.values)
            ),
            models.CheckConstraint(name="panel_outcome_valid", condition=Q(outcome__in=PanelOutcome.values)),
            models.UniqueConstraint(fields=["meeting", "request", "question"], name="panel_decision_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_question_display()}: {self.get_outcome_display()}"


class SchoolRequestEvidence(models.Model):
    """A school's request for assessment (CFA s.36(1)) with the evidence of its graduated approach
    (SEND Code of Practice 6.44-6.56, 9.14): assess-plan-do-review cycles, SEN support plan, the
    school's notional SEN budget spent on the child."""

    request = models.OneToOneField(AssessmentRequest, models.CASCADE, related_name="school_evidence")
    school = models.ForeignKey("schools.School", models.PROTECT, related_name="assessment_requests_made")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    review_cycles = models.PositiveSmallIntegerField(help_text="Assess-plan-do-review cycles completed")
    support_plan = models.BooleanField(help_text="An SEN support plan is in place")
    notional_budget_used = models.DecimalField(max_digits=9, decimal_places=2)
    summary = models.TextField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="school_evidence_budget_not_negative", condition=Q(notional_budget_used__gte=0)
            ),
            models.CheckConstraint(
                name="school_evidence_cycles_at_most_99", condition=Q(review_cycles__lte=99)
            ),
        ]

    def __str__(self) -> str:
        return f"Graduated approach evidence for request {self.request_id}"
