"""The date of a strategy update, when impossible, is shown on its field."""

from __future__ import annotations

from datetime import date

import time_machine

from sendhub.core.tests.date_errors import date_error
from sendhub.strategy.models import Update


@time_machine.travel(date(2024, 11, 15))
def test_an_impossible_update_date_is_shown_on_the_field(client, login, manager, plan):
    action = plan.actions.get(number="2.4")
    response = login(client, manager).post(
        f"/strategy/actions/{action.pk}/update/",
        {
            "reported_on_0": "31",
            "reported_on_1": "11",
            "reported_on_2": "2024",
            "delivery": "on_track",
            "progress": "Grants agreed",
            "next_steps": "",
            "evidence": "",
        },
    )
    assert date_error(response.content, "reported_on") == "Error: The date of the update must be a real date"
    assert not Update.objects.filter(action=action).exists()
