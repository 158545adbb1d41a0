import rules

from sendhub.core.predicates import is_admin, is_analyst, is_casework_staff, is_staff_member

# Benchmarks, board tables and analysis: council, health and care staff and analysts (aggregates only).
rules.add_perm("dashboard.view_dashboard", is_staff_member | is_analyst)
# Drill-down from a live KPI to the list of cases: casework staff only.
rules.add_perm("dashboard.view_kpi_cases", is_casework_staff | is_admin)
