"""Who may do what in the Local Offer (rules predicates, registered in LocalOfferConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from sendhub.core.predicates import is_admin, is_moderator, is_provider

if TYPE_CHECKING:
    from sendhub.accounts.models import User
    from sendhub.localoffer.models import Service

# Only the named Local Offer moderators (and administrators) decide what the public directory says:
# other council staff (analysts, health advisers...) neither moderate nor edit services or pages.
can_moderate = is_moderator | is_admin
can_edit_content = is_moderator | is_admin
can_provide = is_provider


@rules.predicate
def is_service_member(user: User, service: Service | None) -> bool:
    """The user belongs to the organisation that runs the service."""
    return service is not None and service.organisation.members.filter(pk=user.pk).exists()


# Providers change their own organisation's services; moderators may change any (still moderated).
can_edit_service = can_moderate | (can_provide & is_service_member)

rules.add_perm("localoffer.moderate", can_moderate)
rules.add_perm("localoffer.edit_content", can_edit_content)
rules.add_perm("localoffer.view_problem_reports", can_moderate)
rules.add_perm("localoffer.manage_own_services", can_provide)
rules.add_perm("localoffer.edit_services", can_provide | can_moderate)  # the pages; objects: edit_service
rules.add_perm("localoffer.edit_service", can_edit_service)
rules.add_perm("localoffer.browse", rules.always_allow)  # the public directory, linked in every user's menu
