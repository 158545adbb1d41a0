import rules

from sendhub.core.predicates import is_admin, is_senco, is_staff_member

rules.add_perm("schools.view_schools", is_staff_member | is_senco)
rules.add_perm("schools.import_schools", is_admin)
