import rules

from sendhub.core.predicates import is_admin, is_signed_in

rules.add_perm("core.view_home", is_signed_in)
rules.add_perm("core.view_audit", is_admin)
