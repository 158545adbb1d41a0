"""Who may do what in strategy and governance.

Council staff read the plan, the board's papers and the whole measure catalogue; the SEND service's
managers (and analysts, who keep the plan's measures) change them. A partner organisation's officers
(health, social care, or the partner role for the Parent Carer Forum, SENDIASS and others) enter only
their own organisation's measures: which ones is checked per object through `PartnerMember`.
"""

import rules

from sendhub.accounts.predicates import (
    is_admin,
    is_analyst,
    is_casework_staff,
    is_health,
    is_partner,
    is_social_care,
    is_staff_member,
    is_team_manager,
)

plan_keepers = is_team_manager | is_admin | is_analyst
partner_officers = is_partner | is_health | is_social_care

rules.add_perm("strategy.view_plan", is_staff_member)
rules.add_perm("strategy.manage_plan", plan_keepers)
rules.add_perm("strategy.view_board", is_staff_member)
rules.add_perm("strategy.manage_board", is_team_manager | is_admin)
rules.add_perm("strategy.view_all_partner_measures", is_staff_member)
rules.add_perm("strategy.view_partner_measures", is_staff_member | is_partner)
rules.add_perm("strategy.enter_partner_measures", partner_officers | is_admin)
rules.add_perm("strategy.view_adulthood", is_staff_member)
rules.add_perm("strategy.record_adulthood", is_casework_staff | is_admin)
