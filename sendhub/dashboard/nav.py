from sendhub.core.navigation import NavItem

NAV_ITEMS: list[NavItem] = [NavItem("Dashboard", "dashboard:index", "dashboard.view_dashboard", order=40)]
