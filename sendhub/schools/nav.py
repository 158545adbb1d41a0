from sendhub.core.navigation import NavItem

AREA = "admin"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [NavItem("Schools", "schools:school_list", "schools.view_schools", order=80)]
