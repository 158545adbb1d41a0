import rules

from sendhub.core.predicates import is_admin, is_signed_in

rules.add_perm("accounts.view_profile", is_signed_in)
rules.add_perm("accounts.manage_users", is_admin)
