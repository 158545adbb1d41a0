from sendhub.core.navigation import NavItem

AREA = "performance"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS: list[NavItem] = [NavItem("SEN2 return", "sen2:check", "sen2.run_return")]
