from sendhub.core.navigation import NavItem

AREA = "performance"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS: list[NavItem] = [NavItem("Dashboard", "dashboard:index", "dashboard.view_dashboard", order=40)]
