from sendhub.strategy.models.adulthood import InternshipOutcome, PfaReview, SupportedInternship
from sendhub.strategy.models.board import BOARD_LIST_URLS, BoardItem, BoardKind, BoardMeeting, ItemKind
from sendhub.strategy.models.evidence import UpdateEvidence
from sendhub.strategy.models.measures import (
    Measure,
    MeasureSource,
    OrganisationKind,
    PartnerMeasure,
    PartnerMeasureValue,
    PartnerMember,
    PartnerOrganisation,
    Unit,
)
from sendhub.strategy.models.plan import (
    DELIVERY_LABELS,
    RAG_TAG_CLASSES,
    Action,
    Plan,
    Priority,
    Step,
    Strategy,
    Update,
)
from sendhub.strategy.models.report import ReportPublication
from sendhub.strategy.models.sef import SefSection, SefTheme

__all__ = [
    "BOARD_LIST_URLS",
    "DELIVERY_LABELS",
    "RAG_TAG_CLASSES",
    "Action",
    "BoardItem",
    "BoardKind",
    "BoardMeeting",
    "InternshipOutcome",
    "ItemKind",
    "Measure",
    "MeasureSource",
    "OrganisationKind",
    "PartnerMeasure",
    "PartnerMeasureValue",
    "PartnerMember",
    "PartnerOrganisation",
    "PfaReview",
    "Plan",
    "Priority",
    "ReportPublication",
    "SefSection",
    "SefTheme",
    "Step",
    "Strategy",
    "SupportedInternship",
    "Unit",
    "Update",
    "UpdateEvidence",
]
