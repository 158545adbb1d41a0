"""The child or young person (0-25), their family, the professionals involved and the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from sendhub.cases import vocab
from sendhub.cases.rules import Stage

if TYPE_CHECKING:
    from sendhub.accounts.models import User


class SenStatus(models.TextChoices):
    SUPPORT = "support", "SEN Support"
    ENG = "eng", "Exceptional Needs Grant"
    EHCP = "ehcp", "EHC plan"
    NONE = "none", "No current SEN provision"


class Sex(models.TextChoices):  # SEN2 <Sex>
    MALE = "M", "Male"
    FEMALE = "F", "Female"


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    TEXT = "text", "Text message"
    POST = "post", "Post"


STAGE_CHOICES = [(s.value, s.label) for s in Stage]
NEED_CODES = vocab.codes(vocab.SEN_NEEDS)


class ChildQuerySet(models.QuerySet["Child"]):
    def visible_to(self, user: User | AnonymousUser | None) -> ChildQuerySet:
        """The one place that decides whose records a user may open (docs/domains/cases.md, "Access").

        Case officers: their caseload. Team managers: their team's children and any child
        whose officer is in their team. SENCOs: pupils of their schools. EPs, health and
        social care advisers: children whose advice has been asked of them. Parents: their
        own children (via a parent/carer record linked to their account). A young person (CFA 2014
        s.83(2)): their own record (Child.account), where a parent would see it. Admins: all.
        Everyone else (analysts, providers): none; they see aggregates only.
        """
        from sendhub.accounts.models import Role

        if user is None or isinstance(user, AnonymousUser) or not user.is_active:
            return self.none()
        role = user.role
        if role == Role.ADMIN:
            return self.all()
        if role == Role.CASE_OFFICER:
            return self.filter(officer=user)
        if role == Role.TEAM_MANAGER:
            if user.team_id is None:
                return self.none()
            return self.filter(Q(team_id=user.team_id) | Q(officer__team_id=user.team_id))
        if role == Role.SENCO:
            return self.filter(school__in=user.schools.all())
        if role in {Role.EP, Role.HEALTH, Role.SOCIAL_CARE}:
            from sendhub.cases.models.assessments import AdviceRequest

            asked = AdviceRequest.objects.filter(adviser=user).values("request__child_id")
            return self.filter(pk__in=models.Subquery(asked))
        if role == Role.PARENT:
            return self.filter(
                pk__in=models.Subquery(ParentCarer.objects.filter(user=user).values("child_id"))
            )
        if role == Role.YOUNG_PERSON:
            return self.filter(account=user)
        return self.none()


# The child's details that staff record and change (the child form and the update service share it).
EDITABLE_FIELDS = [
    "first_name",
    "last_name",
    "birth_date",
    "sex",
    "ethnicity",
    "first_language",
    "upn",
    "uln",
    "nhs_number",
    "address",
    "postcode",
    "ward",
    "school",
    "looked_after",
    "child_in_need",
    "free_school_meals",
    "primary_need",
    "secondary_need",
    "sen_status",
]


class Child(models.Model):
    """A child or young person (0-25) known to the SEND service."""

    reference = models.CharField(max_length=20, unique=True, help_text="Case reference")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    birth_date = models.DateField("date of birth")
    sex = models.CharField(max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(max_length=4, choices=vocab.ETHNICITY, default="NOBT")
    first_language = models.CharField(max_length=60, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True, help_text="Unique pupil number")
    uln = models.CharField("ULN", max_length=10, blank=True, help_text="Unique learner number")
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    ward = models.CharField(max_length=100, blank=True)
    school = models.ForeignKey(
        "schools.School",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="current setting",
    )
    looked_after = models.BooleanField(default=False)
    child_in_need = models.BooleanField("child in need", default=False)
    free_school_meals = models.BooleanField(default=False)
    primary_need = models.CharField(max_length=4, choices=vocab.SEN_NEEDS, blank=True)
    secondary_need = models.CharField(max_length=4, choices=vocab.SEN_NEEDS, blank=True)
    sen_status = models.CharField(
        "SEN status", max_length=8, choices=SenStatus.choices, default=SenStatus.SUPPORT
    )
    # A young person's own account (CFA 2014 s.83(2)): they see their record where a parent would.
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="own_record",
        verbose_name="young person's account",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name="case officer",
    )
    team = models.ForeignKey("accounts.Team", models.SET_NULL, null=True, blank=True, related_name="children")
    # Denormalised from the rules (services.refresh_status) so worklists are one indexed query.
    stage = models.CharField(max_length=40, choices=STAGE_CHOICES, blank=True)
    next_step = models.CharField(max_length=120, blank=True)
    next_due = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "children"
        constraints = [
            models.CheckConstraint(name="child_sex_valid", condition=Q(sex__in=Sex.values)),
            models.CheckConstraint(
                name="child_ethnicity_valid", condition=Q(ethnicity__in=vocab.codes(vocab.ETHNICITY))
            ),
            models.CheckConstraint(name="child_status_valid", condition=Q(sen_status__in=SenStatus.values)),
            models.CheckConstraint(
                name="child_primary_need_valid", condition=Q(primary_need__in=[*NEED_CODES, ""])
            ),
            models.CheckConstraint(
                name="child_secondary_need_valid", condition=Q(secondary_need__in=[*NEED_CODES, ""])
            ),
            models.CheckConstraint(
                name="child_needs_differ",
                condition=Q(secondary_need="") | ~Q(secondary_need=F("primary_need")),
            ),
            models.CheckConstraint(
                name="child_stage_valid", condition=Q(stage__in=[*(s.value for s in Stage), ""])
            ),
        ]
        indexes = [
            # selectors.worklist(): an officer's open work ordered by due date.
            models.Index(
                fields=["officer", "next_due"],
                name="child_worklist_officer",
                condition=Q(next_due__isnull=False),
            ),
            # selectors.worklist() for a team manager.
            models.Index(
                fields=["team", "next_due"], name="child_worklist_team", condition=Q(next_due__isnull=False)
            ),
            models.Index(fields=["school"], name="child_by_school"),
            models.Index(fields=["last_name", "first_name"], name="child_by_name"),
            models.Index(fields=["birth_date"], name="child_by_birth"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self) -> str:
        return reverse("cases:child_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ParentCarer(models.Model):
    child = models.ForeignKey(Child, models.CASCADE, related_name="parents")
    name = models.CharField(max_length=150)
    relationship = models.CharField(max_length=60, default="Parent")
    parental_responsibility = models.BooleanField(default=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    address = models.CharField(max_length=200, blank=True)
    contact_preference = models.CharField(
        max_length=8, choices=ContactPreference.choices, default=ContactPreference.EMAIL
    )
    language = models.CharField("preferred language", max_length=60, blank=True, default="English")
    interpreter_needed = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="parent_links",
        help_text="The parent's own account, if they have one",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="parent_contact_pref_valid", condition=Q(contact_preference__in=ContactPreference.values)
            ),
            models.UniqueConstraint(
                fields=["child", "user"], name="parent_user_once_per_child", condition=Q(user__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Professional(models.Model):
    child = models.ForeignKey(Child, models.CASCADE, related_name="professionals")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=100)
    organisation = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class TimelineEntry(models.Model):
    """One thing that happened on the case, in date order; written by services, never edited."""

    child = models.ForeignKey(Child, models.CASCADE, related_name="timeline")
    occurred_on = models.DateField()
    kind = models.CharField(max_length=40)
    summary = models.CharField(max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["child", "occurred_on"], name="timeline_by_child")]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.summary}"


class Placement(models.Model):
    """Where the child is educated (SEN2 <PlacementDetail>): a setting by URN/UKPRN, or a SEN2 setting code."""

    child = models.ForeignKey(Child, models.CASCADE, related_name="placements")
    school = models.ForeignKey(
        "schools.School", models.PROTECT, null=True, blank=True, related_name="placements"
    )
    sen_setting = models.CharField(
        "setting type (no URN)", max_length=4, choices=vocab.SEN_SETTINGS_NO_URN, blank=True
    )
    sen_setting_other = models.CharField(max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(
        default=1, choices=[(1, "Primary placement"), (2, "Secondary placement")]
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    sen_unit = models.BooleanField("SEN unit", default=False)
    resourced_provision = models.BooleanField(default=False)
    residential = models.CharField(max_length=1, blank=True, choices=vocab.RESIDENTIAL)
    work_based = models.CharField(  # SEN2 <WBP>
        "work-based learning",
        max_length=1,
        blank=True,
        choices=vocab.WORK_BASED_LEARNING,
    )

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                name="placement_has_setting", condition=Q(school__isnull=False) | ~Q(sen_setting="")
            ),
            models.CheckConstraint(name="placement_rank_valid", condition=Q(rank__in=[1, 2])),
            models.CheckConstraint(
                name="placement_end_after_start", condition=Q(end__isnull=True) | Q(end__gte=F("start"))
            ),
        ]

    def __str__(self) -> str:
        return str(self.school or self.get_sen_setting_display())
