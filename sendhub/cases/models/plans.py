"""EHC plans, their versions (every one kept), outcomes and provision, reviews and quality audits."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.cases import vocab
from sendhub.cases.rules import ReviewOutcome
from sendhub.lib.dates import long_date


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft (not yet final)"
    ACTIVE = "active", "Maintained"
    CEASING = "ceasing", "Ceasing"
    CEASED = "ceased", "Ceased"
    TRANSFERRED_OUT = "transferred_out", "Transferred to another authority"


class VersionKind(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Final"
    AMENDMENT_PROPOSED = "amendment_proposed", "Proposed amendments"
    AMENDED = "amended", "Amended final"


SECTION_CODES = vocab.codes(vocab.PLAN_SECTIONS)
# A draft and proposed amendments can still change; an issued version (final or amended) never does.
EDITABLE_KINDS = frozenset({VersionKind.DRAFT, VersionKind.AMENDMENT_PROPOSED})


class Plan(models.Model):
    """An EHC plan (SEN2 <NamedPlan>): one per child at a time, many versions."""

    child = models.ForeignKey("cases.Child", models.PROTECT, related_name="plans")
    request = models.OneToOneField(
        "cases.AssessmentRequest", models.PROTECT, null=True, blank=True, related_name="plan"
    )
    status = models.CharField(max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    start_date = models.DateField("date first issued", null=True, blank=True)
    named_setting = models.ForeignKey(
        "schools.School", models.SET_NULL, null=True, blank=True, related_name="+"
    )
    second_setting = (
        models.ForeignKey(  # SEN2 second <PlanDetail> (rank 2): a dual placement named in section I
            "schools.School", models.SET_NULL, null=True, blank=True, related_name="+"
        )
    )
    # Section I may name a type of setting rather than an institution (SEN2 <PlanDetail><SENSetting>).
    named_setting_type = models.CharField(
        "type of setting named", max_length=4, choices=vocab.SEN_SETTINGS_NO_URN, blank=True
    )
    named_setting_other = models.CharField("description of the setting named", max_length=200, blank=True)
    second_setting_type = models.CharField(
        "type of second setting named", max_length=4, choices=vocab.SEN_SETTINGS_NO_URN, blank=True
    )
    second_setting_other = models.CharField("description of the second setting", max_length=200, blank=True)
    # SEN2 <PlanDetail> items 4.7e/4.7f: the place named is the school's SEN unit or its resourced
    # provision. They describe a named institution, so they stay False when a type or nothing is named
    # (rules.named_setting_problems). Not a check constraint: removing a school from the register sets
    # the plan's setting to null (SET_NULL), which must not fail; the export writes them only with a URN.
    named_setting_sen_unit = models.BooleanField("named setting is a SEN unit", default=False)
    named_setting_resourced_provision = models.BooleanField(
        "named setting is resourced provision", default=False
    )
    second_setting_sen_unit = models.BooleanField("second setting is a SEN unit", default=False)
    second_setting_resourced_provision = models.BooleanField(
        "second setting is resourced provision", default=False
    )
    residential = models.CharField(  # SEN2 <PlanRes>: a residential placement named in the plan
        max_length=1, blank=True, choices=vocab.RESIDENTIAL
    )
    work_based = models.CharField(  # SEN2 <PlanWBP>: work-based learning named in the plan
        "work-based learning",
        max_length=1,
        blank=True,
        choices=vocab.WORK_BASED_LEARNING,
    )
    personal_budget = models.BooleanField(default=False)
    organised_arrangements = models.BooleanField(  # SEN2 <OA>, part of a personal budget (reg 4)
        "organised arrangements", default=False
    )
    personal_budget_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    direct_payment = models.CharField(
        max_length=1,
        blank=True,
        choices=[
            ("E", "Education only"),
            ("S", "Social care only"),
            ("H", "Health only"),
            ("I", "Integrated"),
        ],
    )
    amendment_notice = models.DateField("proposed amendments sent", null=True, blank=True)
    amended_issued = models.DateField(null=True, blank=True)
    cease_notice = models.DateField(null=True, blank=True)
    ceased = models.DateField(null=True, blank=True)
    cease_reason = models.CharField(max_length=1, choices=vocab.CEASE_REASONS, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(name="plan_status_valid", condition=Q(status__in=PlanStatus.values)),
            models.CheckConstraint(
                name="plan_active_has_start", condition=Q(status="draft") | Q(start_date__isnull=False)
            ),
            models.CheckConstraint(
                name="plan_ceased_has_reason",
                condition=~Q(status="ceased") | (Q(ceased__isnull=False) & ~Q(cease_reason="")),
            ),
            models.CheckConstraint(
                name="plan_named_setting_one_kind",
                condition=Q(named_setting__isnull=True) | Q(named_setting_type=""),
            ),
            models.CheckConstraint(
                name="plan_second_setting_one_kind",
                condition=Q(second_setting__isnull=True) | Q(second_setting_type=""),
            ),
            models.UniqueConstraint(
                fields=["child"],
                name="one_live_plan_per_child",
                condition=Q(status__in=["draft", "active", "ceasing"]),
            ),
        ]

    def __str__(self) -> str:
        return f"EHC plan for {self.child}"

    def get_absolute_url(self) -> str:
        return reverse("cases:plan_detail", args=[self.pk])

    def named_setting_label(self) -> str:
        label = _setting_label(
            self.named_setting, self.get_named_setting_type_display(), self.named_setting_other
        )
        return label + _unit_note(self.named_setting_sen_unit, self.named_setting_resourced_provision)

    def second_setting_label(self) -> str:
        label = _setting_label(
            self.second_setting, self.get_second_setting_type_display(), self.second_setting_other
        )
        return label + _unit_note(self.second_setting_sen_unit, self.second_setting_resourced_provision)

    def latest_version(self) -> PlanVersion | None:
        return self.versions.order_by("-number").first()

    def editable_version(self) -> PlanVersion | None:
        """The latest version while it can still change (see EDITABLE_KINDS), else None."""
        latest = self.latest_version()
        return latest if latest is not None and latest.kind in EDITABLE_KINDS else None


def _setting_label(school: object | None, setting_type: str, description: str) -> str:
    if school is not None:
        return str(school)
    return f"{setting_type}: {description}" if setting_type and description else setting_type


def _unit_note(sen_unit: bool, resourced_provision: bool) -> str:
    parts = [
        name for name, on in (("SEN unit", sen_unit), ("resourced provision", resourced_provision)) if on
    ]
    return f" ({' and '.join(parts)})" if parts else ""


class PlanVersion(models.Model):
    """One version of the plan, sections A-K as text (reg 12); never changed once saved."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=VersionKind.choices)
    issued_on = models.DateField()
    sections = models.JSONField(default=dict, help_text="Section code (A-K) to text")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            models.CheckConstraint(name="plan_version_kind_valid", condition=Q(kind__in=VersionKind.values)),
        ]

    def __str__(self) -> str:
        return f"Version {self.number} ({self.get_kind_display()})"


class Outcome(models.Model):
    """Section E: an outcome sought, with the Preparing for Adulthood area where relevant."""

    version = models.ForeignKey(PlanVersion, models.CASCADE, related_name="outcomes")
    description = models.TextField()
    area = models.CharField(
        max_length=30,
        blank=True,
        choices=[
            ("education", "Education and employment"),
            ("independent_living", "Independent living"),
            ("community", "Community inclusion"),
            ("health", "Good health"),
        ],
    )
    by_when = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.description[:60]


class Provision(models.Model):
    """Sections F, G, H1 and H2: what is provided, how often, by whom, for which outcome."""

    version = models.ForeignKey(PlanVersion, models.CASCADE, related_name="provision")
    section = models.CharField(
        max_length=2,
        choices=[
            ("F", "F: Special educational provision"),
            ("G", "G: Health provision"),
            ("H1", "H1: Social care (CSDPA 1970 s.2)"),
            ("H2", "H2: Other social care"),
        ],
    )
    description = models.TextField()
    frequency = models.CharField(max_length=100, blank=True)
    provider = models.CharField(max_length=150, blank=True)
    outcome = models.ForeignKey(Outcome, models.SET_NULL, null=True, blank=True, related_name="provision")

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="provision_section_valid", condition=Q(section__in=["F", "G", "H1", "H2"])
            )
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.description[:60]}"


REVIEW_OUTCOME_CHOICES = [
    (ReviewOutcome.KEEP.value, "Maintain the plan as it is"),
    (ReviewOutcome.AMEND.value, "Amend the plan"),
    (ReviewOutcome.CEASE.value, "Cease the plan"),
]


class AnnualReview(models.Model):
    """A review of the plan (CFA s.44; regs 18-22)."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="reviews")
    meeting = models.DateField("review meeting")
    report_sent = models.DateField(null=True, blank=True)
    decision_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=6, blank=True, choices=REVIEW_OUTCOME_CHOICES)
    phase_transfer = models.BooleanField(default=False, help_text="Review ahead of a phase transfer (reg 18)")
    # The structured record (regs 19-21). A review recorded before these fields existed has them empty.
    at_school = models.BooleanField(
        "the child attends a school", default=True, help_text="Reg 20 applies; otherwise reg 21"
    )
    child_views = models.TextField("views of the child or young person", blank=True)
    parent_views = models.TextField("views of the parent", blank=True)
    meets_needs = models.CharField(
        "the plan still meets the needs", max_length=3, blank=True, choices=[("yes", "Yes"), ("no", "No")]
    )
    meets_needs_notes = models.TextField("why", blank=True)
    pfa = models.JSONField(
        "Preparing for Adulthood", default=dict, blank=True, help_text="PfA area to text (reg 20(6), 21(6))"
    )
    recommendations = models.TextField(blank=True)
    recommended_outcome = models.CharField(max_length=6, blank=True, choices=REVIEW_OUTCOME_CHOICES)
    proposed_changes = models.JSONField(
        default=dict, blank=True, help_text="Section code (A-K) to the proposed new text, for an amendment"
    )
    amendment = models.ForeignKey(  # the proposed amendments this review's decision started (reg 22)
        PlanVersion, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meeting"]
        constraints = [
            models.CheckConstraint(
                name="review_report_after_meeting",
                condition=Q(report_sent__isnull=True) | Q(report_sent__gte=F("meeting")),
            ),
            models.CheckConstraint(
                name="review_decision_after_meeting",
                condition=Q(decision_on__isnull=True) | Q(decision_on__gte=F("meeting")),
            ),
            models.CheckConstraint(
                name="review_outcome_with_decision", condition=Q(outcome="") | Q(decision_on__isnull=False)
            ),
            models.CheckConstraint(
                name="review_meets_needs_valid", condition=Q(meets_needs__in=["", "yes", "no"])
            ),
            models.CheckConstraint(
                name="review_recommended_outcome_valid",
                condition=Q(recommended_outcome__in=["", *[c for c, _ in REVIEW_OUTCOME_CHOICES]]),
            ),
        ]

    def __str__(self) -> str:
        return f"Review {long_date(self.meeting)}"

    def get_absolute_url(self) -> str:
        return reverse("cases:review_detail", args=[self.plan_id, self.pk])

    @property
    def child(self) -> Any:
        """The child whose plan this reviews (the casework form pages lead back to the child through it)."""
        return self.plan.child


class Grade(models.TextChoices):
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class QualityAudit(models.Model):
    """A plan quality audit: a grade for each section A-K and overall, in a monthly sample."""

    version = models.ForeignKey(PlanVersion, models.PROTECT, related_name="audits")
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    audited_on = models.DateField()
    sample_month = models.DateField(help_text="First day of the month sampled")
    grades = models.JSONField(default=dict, help_text="Section code to grade")
    overall = models.CharField(max_length=20, choices=Grade.choices)
    comments = models.TextField(blank=True)

    class Meta:
        ordering = ["-audited_on"]
        constraints = [
            models.CheckConstraint(name="audit_overall_valid", condition=Q(overall__in=Grade.values)),
            models.UniqueConstraint(fields=["version", "sample_month"], name="audit_once_per_month"),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.version} on {self.audited_on}"
