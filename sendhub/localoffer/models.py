"""The Local Offer directory: ORUK-shaped records, moderation, search index, content pages."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sendhub.localoffer import rules


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Closed for good"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


class CostKind(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "Costs money"
    SOME_FREE = "some_free", "Free for some families"


class Area(models.TextChoices):
    BOROUGH = "borough", "Whole borough"
    NORTH = "north", "North of the borough"
    CENTRAL = "central", "Central"
    SOUTH = "south", "South of the borough"
    OUT_OF_AREA = "out_of_area", "Outside the borough"
    ONLINE = "online", "Online or by phone"


class TaxonomyKind(models.TextChoices):
    CATEGORY = "category", "Kind of support"
    NEED = "need", "Special educational need or disability"
    LOCAL = "local", "Local terms"


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="organisations")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=10, choices=TaxonomyKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"
        constraints = [
            models.CheckConstraint(name="taxonomy_kind_valid", condition=Q(kind__in=TaxonomyKind.values))
        ]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, models.PROTECT, related_name="terms")
    code = models.CharField(max_length=60)
    name = models.CharField(max_length=120)
    description = models.TextField()
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")
    term_uri = models.URLField(blank=True)

    class Meta:
        ordering = ["taxonomy__name", "name"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="taxonomy_term_code_unique")]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="services")
    name = models.CharField(max_length=200)
    description = models.TextField()
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    cost_kind = models.CharField(max_length=10, choices=CostKind.choices, default=CostKind.FREE)
    fees = models.TextField(blank=True, help_text="What it costs, in words")
    accreditations = models.TextField(blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    eligibility = models.TextField(blank=True, help_text="Who can use it")
    area = models.CharField(max_length=12, choices=Area.choices, default=Area.BOROUGH)
    alert = models.TextField(blank=True)
    # The Local Offer questions families ask (SEND Regulations 2014, Schedule 2).
    how_to_access = models.TextField(blank=True)
    referral_needed = models.BooleanField(default=False)
    how_decisions_are_made = models.TextField(blank=True)
    support_for_send = models.TextField(blank=True)
    how_to_give_feedback = models.TextField(blank=True)
    terms = models.ManyToManyField(TaxonomyTerm, through="ServiceTerm", related_name="services", blank=True)
    last_reviewed = models.DateField()
    review_reminder_sent = models.DateField(null=True, blank=True)
    last_modified = models.DateTimeField()
    approved_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(name="service_status_valid", condition=Q(status__in=ServiceStatus.values)),
            models.CheckConstraint(
                name="service_cost_kind_valid", condition=Q(cost_kind__in=CostKind.values)
            ),
            models.CheckConstraint(name="service_area_valid", condition=Q(area__in=Area.values)),
            models.CheckConstraint(
                name="service_age_range_in_order",
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=F("maximum_age")),
            ),
        ]
        indexes = [  # the 12-month review sweep: selectors.services_due_review()
            models.Index(fields=["last_reviewed"], name="service_review_due"),
            # the unsearched directory, A to Z: selectors.search_services() and /api/oruk/services
            models.Index(fields=["name", "id"], name="service_by_name"),
            # ORUK minimum_age / maximum_age filters: the page's count reads these indexes alone
            models.Index(fields=["minimum_age"], name="service_minimum_age"),
            models.Index(fields=["maximum_age"], name="service_maximum_age"),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceTerm(models.Model):
    """A service's taxonomy term: an ORUK `attribute` (its id is the attribute's id)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="service_terms")
    term = models.ForeignKey(TaxonomyTerm, models.PROTECT, related_name="service_terms")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "term"], name="service_term_unique")]

    def __str__(self) -> str:
        return f"{self.service_id} {self.term_id}"


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place you can visit"
    POSTAL = "postal", "Postal address"
    VIRTUAL = "virtual", "Online"


class Location(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    address_1 = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="location_type_valid", condition=Q(location_type__in=LocationType.values)
            )
        ]

    def __str__(self) -> str:
        return self.name


class AccessibilityFeature(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, models.CASCADE, related_name="accessibility")
    description = models.CharField(max_length=200)
    details = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.description


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, models.PROTECT, related_name="service_at_locations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="service_at_location_unique")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} at {self.location_id}"


class ScheduleKind(models.TextChoices):
    REGULAR = "regular", "Term time and all year"
    HOLIDAY = "holiday", "School holidays"


class Schedule(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="schedules")
    kind = models.CharField(max_length=10, choices=ScheduleKind.choices, default=ScheduleKind.REGULAR)
    byday = models.CharField(max_length=20, help_text="RFC 5545 days, e.g. MO,WE,FR")
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(name="schedule_kind_valid", condition=Q(kind__in=ScheduleKind.values)),
            models.CheckConstraint(
                name="schedule_closes_after_opening", condition=Q(closes_at__gt=F("opens_at"))
            ),
            models.CheckConstraint(
                name="schedule_dates_in_order",
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return self.description or self.byday

    @property
    def times_text(self) -> str:
        return rules.schedule_text(self.byday, self.opens_at, self.closes_at)


class Contact(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=120, blank=True)
    title = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    phone_id = models.UUIDField(default=uuid.uuid4, editable=False)

    def __str__(self) -> str:
        return self.name or self.title or str(self.pk)


class CostOption(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="cost_not_negative", condition=Q(amount__isnull=True) | Q(amount__gte=0)
            )
        ]

    def __str__(self) -> str:
        return self.option


class Language(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="languages")
    name = models.CharField(max_length=60)
    code = models.CharField(max_length=10, blank=True)

    def __str__(self) -> str:
        return self.name


class SearchPosting(models.Model):
    """One indexed term of a service (search.index_terms); services.reindex_service() keeps it current."""

    service = models.ForeignKey(Service, models.CASCADE, related_name="+")
    term = models.CharField(max_length=60)
    weight = models.FloatField()

    class Meta:
        # selectors.search_sql.ranked_page reads (term, service, weight) from the index alone (an index-only scan)
        indexes = [models.Index(fields=["term", "service", "weight"], name="search_posting_cover")]

    def __str__(self) -> str:
        return self.term


class SearchKey(models.Model):
    """Vocabulary: each indexed term and its one-letter deletions (typo lookup, search.vocabulary_keys)."""

    key = models.CharField(max_length=60)
    term = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "term"], name="search_key_unique")]
        indexes = [models.Index(fields=["term"], name="search_key_term")]

    def __str__(self) -> str:
        return f"{self.key} -> {self.term}"


class ServiceDocument(models.Model):
    """The service's ORUK JSON, stored ready to send (documents.refresh_documents keeps it current).

    The API's list pages are concatenations of `summary`; `/services/{id}` sends `full` as it is.
    """

    service = models.OneToOneField(Service, models.CASCADE, primary_key=True, related_name="document")
    summary = models.TextField()  # a /services list item: the service and its organisation
    full = models.TextField()  # /services/{id}: everything nested
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.service_id)


class DirectoryVersion(models.Model):
    """One row, bumped whenever the published directory changes: the API's ETag and cache key."""

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.number)


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a moderator"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    # A later change to the same service was sent; it carries this one's edits forward.
    SUPERSEDED = "superseded", "Replaced by a later change"


class ServiceRevision(models.Model):
    """A provider's proposed version of a service. Approved revisions are kept: they are the history."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, null=True, blank=True, related_name="revisions")
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="revisions")
    data = models.JSONField()
    status = models.CharField(max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
    number = models.PositiveIntegerField(null=True, blank=True, help_text="Version number once approved")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="revision_status_valid", condition=Q(status__in=RevisionStatus.values)
            ),
            models.CheckConstraint(
                name="rejection_has_reason", condition=~Q(status=RevisionStatus.REJECTED) | ~Q(reason="")
            ),
            models.UniqueConstraint(fields=["service", "number"], name="revision_number_unique"),
        ]
        indexes = [  # the moderation queue: selectors.moderation_queue()
            models.Index(
                fields=["submitted_at"], name="revision_pending", condition=Q(status=RevisionStatus.PENDING)
            ),
        ]

    def __str__(self) -> str:
        return f"Revision {self.pk} ({self.status})"


class ProblemReport(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, models.CASCADE, related_name="problem_reports")
    what_is_wrong = models.TextField()
    email = models.EmailField(blank=True)
    reported_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return f"Problem with {self.service_id}"


class ContentPage(models.Model):
    """A staff-edited page of the Local Offer (glossary, ordinarily available provision, ...)."""

    slug = models.SlugField(max_length=60, primary_key=True)
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs, '## ' starts a heading")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ContentPageVersion(models.Model):
    page = models.ForeignKey(ContentPage, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    edited_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="content_version_unique")]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.number}"


class ContentPageChange(models.Model):
    """A proposed new text for a content page: families see it only once another moderator approves it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(ContentPage, models.CASCADE, related_name="changes")
    base_version = models.PositiveIntegerField(help_text="The page's version the change was made to")
    title = models.CharField(max_length=150)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="content_change_status_valid", condition=Q(status__in=RevisionStatus.values)
            ),
            models.CheckConstraint(
                name="content_change_rejection_has_reason",
                condition=~Q(status=RevisionStatus.REJECTED) | ~Q(reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Change to {self.page_id} ({self.status})"


class PageViewCount(models.Model):
    """How many times a public Local Offer page was opened on a day, counted by SEND Hub itself.

    No cookie, no third party and nothing about the visitor: only the path (without its query string,
    which may hold a search) and the day. Staff pages and known robots are not counted (`visits.py`)."""

    path = models.CharField(max_length=200)
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day", "path"]
        constraints = [models.UniqueConstraint(fields=["path", "day"], name="page_view_one_row_per_day")]
        indexes = [models.Index(fields=["day"], name="page_view_by_day")]

    def __str__(self) -> str:
        return f"{self.path} on {self.day}: {self.views}"
