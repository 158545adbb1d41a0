"""The Local Offer directory: ORUK-shaped records, moderation, search index, content pages."""

from sendhub.localoffer.models.content import (
    ContentPage,
    ContentPageChange,
    ContentPageVersion,
    PageViewCount,
)
from sendhub.localoffer.models.details import (
    AccessibilityFeature,
    Contact,
    CostOption,
    Language,
    Location,
    LocationType,
    Schedule,
    ScheduleKind,
    ServiceAtLocation,
)
from sendhub.localoffer.models.directory import (
    Area,
    CostKind,
    Organisation,
    Service,
    ServiceStatus,
    ServiceTerm,
    Taxonomy,
    TaxonomyKind,
    TaxonomyTerm,
)
from sendhub.localoffer.models.moderation import ProblemReport, RevisionStatus, ServiceRevision
from sendhub.localoffer.models.search import DirectoryVersion, SearchKey, SearchPosting, ServiceDocument

__all__ = [
    "AccessibilityFeature",
    "Area",
    "Contact",
    "ContentPage",
    "ContentPageChange",
    "ContentPageVersion",
    "CostKind",
    "CostOption",
    "DirectoryVersion",
    "Language",
    "Location",
    "LocationType",
    "Organisation",
    "PageViewCount",
    "ProblemReport",
    "RevisionStatus",
    "Schedule",
    "ScheduleKind",
    "SearchKey",
    "SearchPosting",
    "Service",
    "ServiceAtLocation",
    "ServiceDocument",
    "ServiceRevision",
    "ServiceStatus",
    "ServiceTerm",
    "Taxonomy",
    "TaxonomyKind",
    "TaxonomyTerm",
]
