from sendhub.core.navigation import NavItem

AREA = "casework"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [
    NavItem("Worklist", "cases:worklist", "cases.view_worklist", order=10),
    NavItem("Children", "cases:child_list", "cases.view_child", order=11),
    NavItem("Panel", "cases:panel_agenda", "cases.manage_panel", order=12),
    NavItem("Phase transfers", "cases:phase_transfers", "cases.view_phase_transfers", order=13),
    NavItem("Caseloads", "cases:caseloads", "cases.view_caseloads", order=15),
    NavItem("Plan quality", "cases:qa_overview", "cases.audit_plans", order=14),
    NavItem("Print queue", "cases:print_queue", "cases.manage_print_queue", order=15),
    NavItem("Bulk letters", "cases:letter_batch_new", "cases.run_letter_batches", order=16),
    NavItem("Advice asked of you", "cases:advice_inbox", "cases.give_advice", order=9),
    NavItem("Requests from your school", "cases:school_requests", "cases.view_school_requests", order=12),
]
