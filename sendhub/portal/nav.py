from sendhub.core.navigation import NavItem

AREA = "families"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [
    # Its own area (core.navigation.AREAS["family"]): a family sees "Your children" first in the header.
    NavItem("Your children", "portal:home", "portal.use_family_pages", order=5, area="family"),
    NavItem("Family tasks", "portal:tasks", "portal.answer_families", order=17, area="casework"),
]
