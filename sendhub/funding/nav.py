from sendhub.core.navigation import NavItem

# One header item each; the funding pages link to one another in their own sub-navigation.
NAV_ITEMS = [
    NavItem("Funding", "funding:position", "funding.view_funding", order=45),
    NavItem("Exceptional Needs Grants", "funding:cluster_list", "funding.eng_nav", order=46),
]
