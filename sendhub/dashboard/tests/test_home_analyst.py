"""The analyst's home page counts the register by SEN status as the live figures page does, under the
statuses' plain names (never the raw codes "ehcp", "support")."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from sendhub.cases.tests.factories import ChildFactory
from sendhub.cases.tests.test_home import figures

pytestmark = pytest.mark.django_db


def test_the_analyst_sees_the_register_and_the_live_figures_page_agrees(client, login, analyst):
    for status, n in (("ehcp", 3), ("support", 2), ("none", 1)):
        for _ in range(n):
            ChildFactory(sen_status=status)
    login(client, analyst)
    shown = figures(client.get(reverse("core:home")).content)
    assert shown["Children: EHC plan"][0] == 3
    assert shown["Children: SEN Support"][0] == 2
    assert shown["Children: Exceptional Needs Grant"][0] == 0
    page = lxml.html.fromstring(client.get(shown["Children: EHC plan"][1].split("#")[0]).content)
    rows = {
        " ".join(tr.xpath("th")[0].text_content().split()): int(tr.xpath("td")[0].text_content())
        for tr in page.get_element_by_id("sen-status").xpath("tbody/tr")
    }
    assert rows == {"EHC plan": 3, "SEN Support": 2, "No current SEN provision": 1}
