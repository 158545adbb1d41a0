from sendhub.core.navigation import NavItem

# Home is not an item: the service name in the header leads home.
NAV_ITEMS = [NavItem("Audit trail", "core:audit_log", "core.view_audit", order=90, area="admin")]
