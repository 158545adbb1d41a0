from sendhub.core.navigation import NavItem

AREA = "families"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [
    # First in the area, beside "Your messages" (a superuser sees every area, so no new area: at most 7).
    NavItem("Your children", "portal:home", "portal.use_family_pages", order=5),
    NavItem("Family tasks", "portal:tasks", "portal.answer_families", order=17, area="casework"),
]
