from sendhub.core.navigation import NavItem

AREA = "families"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [
    NavItem("Duty Line", "voice:contact_list", "voice.view_contacts", order=30),
    NavItem("Complaints", "voice:complaint_list", "voice.view_complaints", order=31),
    NavItem("Surveys", "voice:survey_list", "voice.view_survey_results", order=32),
    NavItem("Surgeries", "voice:surgery_list", "voice.manage_surgeries", order=33),
    NavItem("Family voice reports", "voice:reports", "voice.view_reports", order=34),
    NavItem("Outbox", "voice:outbox_list", "voice.view_outbox", order=90, area="admin"),
    NavItem("Your messages", "voice:own_contact_list", "voice.view_own_contacts", order=35),
]
