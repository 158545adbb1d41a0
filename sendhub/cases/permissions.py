"""Who may do what in casework (rules library). Object scoping is Child.objects.visible_to(user)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules

from sendhub.core.predicates import (
    is_admin,
    is_advice_giver,
    is_casework_staff,
    is_parent,
    is_senco,
    is_team_manager,
)

if TYPE_CHECKING:
    from sendhub.accounts.models import User
    from sendhub.cases.models import Child

casework = is_casework_staff | is_admin

rules.add_perm("cases.view_child", casework | is_senco | is_advice_giver | is_parent)
rules.add_perm("cases.edit_child", casework)
rules.add_perm("cases.view_worklist", casework)
rules.add_perm("cases.record_request", casework)
rules.add_perm("cases.manage_panel", casework)
rules.add_perm("cases.edit_letter_templates", is_team_manager | is_admin)
rules.add_perm("cases.reassign_case", is_team_manager | is_admin)
rules.add_perm("cases.view_caseloads", is_team_manager | is_admin)  # their team's officers; all for an admin
rules.add_perm("cases.view_phase_transfers", casework)
rules.add_perm("cases.audit_plans", is_team_manager | is_admin)
rules.add_perm("cases.view_registers", casework)
# Documents are seen by whoever sees the child (the download view scopes by Child.objects.visible_to).
# A SENCO uploads the school's advice and annual review paperwork for their schools' pupils (the view scopes the
# child by Child.objects.visible_to, so another school's child is a 404).
rules.add_perm("cases.upload_document", casework | is_senco)
rules.add_perm("cases.remove_document", casework)
rules.add_perm("cases.manage_print_queue", casework)
rules.add_perm("cases.run_letter_batches", is_team_manager | is_admin)
# The advice inbox (/advice/): the adviser's own requests only (selectors.advice scopes by adviser).
rules.add_perm("cases.give_advice", is_advice_giver)
# A SENCO asks for an assessment for their schools' pupils (CFA s.36(1)); staff record anyone's request.
rules.add_perm("cases.make_request", casework | is_senco)
rules.add_perm("cases.view_school_requests", is_senco)


def can_edit_case(user: User, child: Child) -> bool:
    """Casework staff may change the records they can see; SENCOs, advisers and parents only read."""
    return bool(user.has_perm("cases.edit_child"))


def can_upload_document(user: User, child: Child) -> bool:
    """Casework staff upload to any record they can see; a SENCO to their schools' pupils (scoped by the caller)."""
    return bool(user.has_perm("cases.upload_document"))
