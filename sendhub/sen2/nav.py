from sendhub.core.navigation import NavItem

NAV_ITEMS: list[NavItem] = [NavItem("SEN2 return", "sen2:check", "sen2.run_return")]
