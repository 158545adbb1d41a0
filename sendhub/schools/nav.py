from sendhub.core.navigation import NavItem

NAV_ITEMS = [NavItem("Schools", "schools:school_list", "schools.view_schools", order=80)]
