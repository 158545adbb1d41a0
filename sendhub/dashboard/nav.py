from sendhub.core.navigation import NavItem

NAV_ITEMS: list[NavItem] = []
