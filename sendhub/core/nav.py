from sendhub.core.navigation import NavItem

NAV_ITEMS = [
    NavItem("Home", "core:home", "core.view_home", order=0),
    NavItem("Audit trail", "core:audit_log", "core.view_audit", order=90),
]
