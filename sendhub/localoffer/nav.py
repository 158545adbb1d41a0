from sendhub.core.navigation import NavItem

AREA = "localoffer"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS: list[NavItem] = [
    NavItem("Local Offer", "localoffer:index", "localoffer.browse", order=60),
    NavItem("Your services", "localoffer:provider_services", "localoffer.manage_own_services", order=61),
    NavItem("Local Offer moderation", "localoffer:moderation_queue", "localoffer.moderate", order=62),
    NavItem("Local Offer pages", "localoffer:content_pages", "localoffer.edit_content", order=63),
]
