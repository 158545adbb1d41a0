"""Who may do what in the Local Offer (rules predicates, registered in LocalOfferConfig.ready)."""

from __future__ import annotations

import rules

from sendhub.accounts.predicates import is_admin, is_provider, is_staff_member

can_moderate = is_staff_member | is_admin
can_edit_content = is_staff_member | is_admin
can_provide = is_provider

rules.add_perm("localoffer.moderate", can_moderate)
rules.add_perm("localoffer.edit_content", can_edit_content)
rules.add_perm("localoffer.view_problem_reports", can_moderate)
rules.add_perm("localoffer.manage_own_services", can_provide)
rules.add_perm("localoffer.browse", rules.always_allow)  # the public directory, linked in every user's menu
