"""The roles a person holds in SEND Hub (one per account), for the permission rules of every app.

They live in core, below every app, so that the role predicates (`core.predicates`) import no app;
`accounts.models` re-exports them for the `User.role` field and its callers.
"""

from django.db import models


class Role(models.TextChoices):
    CASE_OFFICER = "case_officer", "SEND case officer"
    TEAM_MANAGER = "team_manager", "SEND team manager"
    EP = "ep", "Educational psychologist"
    HEALTH = "health", "Health adviser"
    SOCIAL_CARE = "social_care", "Social care adviser"
    SENCO = "senco", "School SENCO"
    PROVIDER = "provider", "Local Offer provider"
    PARENT = "parent", "Parent or carer"
    ANALYST = "analyst", "Performance analyst"
    ADMIN = "admin", "Administrator"
    MODERATOR = "moderator", "Local Offer moderator"
    FINANCE = "finance", "Finance officer"
    PARTNER = "partner", "Partner organisation officer"
    # CFA 2014 s.83(2): over compulsory school age and under 25; the Act's rights are theirs, not the parent's.
    YOUNG_PERSON = "young_person", "Young person"


COUNCIL_STAFF_ROLES = frozenset(
    {
        Role.CASE_OFFICER,
        Role.TEAM_MANAGER,
        Role.EP,
        Role.HEALTH,
        Role.SOCIAL_CARE,
        Role.ANALYST,
        Role.ADMIN,
        Role.MODERATOR,
        Role.FINANCE,
    }
)
