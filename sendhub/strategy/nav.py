from sendhub.core.navigation import NavItem

AREA = "strategy"  # the header area these items fall in (sendhub.core.navigation.AREAS)

NAV_ITEMS = [
    NavItem("Strategy", "strategy:action_list", "strategy.view_plan", order=45),
    NavItem("Partner measures", "strategy:partner_measure_list", "strategy.view_partner_measures", order=46),
    NavItem("Board", "strategy:meeting_list", "strategy.view_board", order=47),
    NavItem("Self-evaluation", "strategy:sef", "strategy.view_plan", order=49),
    NavItem("Preparing for Adulthood", "strategy:adulthood", "strategy.view_adulthood", order=48),
]
