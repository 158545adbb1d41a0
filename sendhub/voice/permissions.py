"""Who may do what in family voice. The Duty Line (contacts) is run by casework staff."""

import rules

from sendhub.core.predicates import is_admin, is_analyst, is_case_officer, is_parent, is_team_manager

duty_line = is_case_officer | is_team_manager | is_admin

rules.add_perm("voice.view_contacts", duty_line)
rules.add_perm("voice.manage_contacts", duty_line)
rules.add_perm("voice.view_complaints", duty_line)
rules.add_perm("voice.manage_complaints", is_team_manager | is_admin)
rules.add_perm("voice.log_compliments", duty_line)
rules.add_perm("voice.manage_surveys", duty_line)
rules.add_perm("voice.view_survey_results", duty_line | is_analyst)
rules.add_perm("voice.manage_surgeries", duty_line)
rules.add_perm("voice.view_reports", duty_line | is_analyst)
rules.add_perm("voice.view_outbox", duty_line)
rules.add_perm("voice.view_own_contacts", is_parent)
