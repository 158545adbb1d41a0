"""Who may do what with high needs funding.

Finance officers see the funding pages (the block, bands, grants, packages, places, capital) with no
child detail beyond what a grant needs (a case reference, not a name). SENCOs make and see their schools'
ENG applications; a SENCO who leads a cluster sees and decides the cluster's (selectors.applications_for
scopes the rows, selectors.get_application_for_user each record). Analysts have no funding pages: some
list case references, and analysts see aggregates only.
"""

import rules

from sendhub.accounts.predicates import (
    is_admin,
    is_case_officer,
    is_finance,
    is_senco,
    is_team_manager,
)

funding_staff = is_finance | is_team_manager | is_admin

rules.add_perm("funding.view_funding", funding_staff)
rules.add_perm("funding.manage_budget", is_finance | is_admin)
# The edit pages of what the block is built from (budget lines, threshold, clusters, bands, provisions,
# targets, capital): the finance officer's own work (issue 18).
rules.add_perm("funding.maintain", is_finance)
rules.add_perm("funding.record_band", is_team_manager | is_admin)
rules.add_perm("funding.view_eng", funding_staff | is_case_officer | is_senco)
rules.add_perm("funding.apply_eng", is_senco)
rules.add_perm("funding.decide_eng", is_senco | is_team_manager | is_admin)
rules.add_perm("funding.view_packages", funding_staff | is_case_officer)
# Adding a package: casework for a child they may open; the finance officer for any child by case
# reference alone (cases.selectors.funding.child_id_by_reference: the page shows nothing else of the child).
rules.add_perm("funding.manage_packages", is_finance | is_case_officer | is_team_manager | is_admin)
# Changing or ending a package's terms (provider, hours, cost, dates, review): casework for the children
# they may open, and the finance officer for any package (a package is money the block pays; the page
# shows the case reference only).
rules.add_perm("funding.change_package", is_finance | is_case_officer | is_team_manager | is_admin)
rules.add_perm("funding.change_any_package", is_finance | is_admin)
rules.add_perm("funding.view_places", funding_staff | is_case_officer)
rules.add_perm("funding.manage_places", is_team_manager | is_admin)
# The header's ENG item for those who do not have the funding pages (whose sub-navigation links ENG).
rules.add_perm("funding.eng_nav", is_senco | is_case_officer)
