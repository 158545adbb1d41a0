"""Values ready to show for the Local Offer: the pages (`pages`) and the ORUK API's JSON (`oruk`). The pages'
names stay importable from here."""

from sendhub.localoffer.presenters.pages import (
    CHOICE_LABELS,
    SHORTLIST_KEY,
    SHORTLIST_MAX,
    age_text,
    content_blocks,
    field_changes,
    query_without_page,
    record_changes,
)

__all__ = [
    "CHOICE_LABELS",
    "SHORTLIST_KEY",
    "SHORTLIST_MAX",
    "age_text",
    "content_blocks",
    "field_changes",
    "query_without_page",
    "record_changes",
]
