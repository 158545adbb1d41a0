from sendhub.core.navigation import NavItem

AREA = "admin"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [NavItem("Users", "accounts:user_list", "accounts.manage_users", order=95)]
