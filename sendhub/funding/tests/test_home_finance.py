"""The finance officer's home page shows this year's High Needs Block position, the figures of the position
page it links to, in pounds and pence."""

from __future__ import annotations

import lxml.html
import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-11-02 09:00 +00:00")
def test_the_finance_officer_sees_the_position_of_the_position_page(client, login, world) -> None:
    login(client, world.finance)
    home = lxml.html.fromstring(client.get(reverse("core:home")).content)
    shown = {
        " ".join(li.xpath(".//*[@class='app-figures__label']")[0].text_content().split()): (
            li.xpath(".//*[@class='app-figures__count']")[0].text_content(),
            li.xpath(".//a/@href")[0],
        )
        for li in home.xpath("//li[@class='app-figures__item']")
    }
    position = lxml.html.fromstring(client.get(shown["Budget"][1]).content)
    for label, element in (("Budget", "total-budget"), ("Forecast outturn", "total-forecast")):
        assert shown[label][0] == position.get_element_by_id(element).text_content()
    assert shown["Forecast outturn"][0] == "£153,673.97"
    assert "High Needs Block 2026-27" in home.text_content()
