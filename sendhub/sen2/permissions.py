"""Who may run the SEN2 return. It lists every child with a plan or request, so it is for team managers
(who own the return) and administrators; links to a child only appear if the viewer may open that record."""

from __future__ import annotations

import rules

from sendhub.core.predicates import is_admin, is_team_manager

rules.add_perm("sen2.run_return", is_team_manager | is_admin)
