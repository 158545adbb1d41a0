"""Who may use the family pages (rules library). Which children: Child.objects.visible_to(user)."""

from __future__ import annotations

import rules

from sendhub.core.predicates import is_admin, is_casework_staff, is_parent

# A family account: the children whose records name it as parent or carer (or the young person themself).
rules.add_perm("portal.use_family_pages", is_parent)
# Staff answer the family's messages and clear the tasks their submissions make, on the case they may edit.
rules.add_perm("portal.answer_families", is_casework_staff | is_admin)
