from sendhub.core.navigation import NavItem

NAV_ITEMS = [NavItem("Users", "accounts:user_list", "accounts.manage_users", order=95)]
