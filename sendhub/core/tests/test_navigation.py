"""The header: one item per area for every role, at most MAX_TOP_LEVEL, with the rest reachable from the
area's page and shown as sub-navigation inside the area."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sendhub.core.navigation import (
    AREAS,
    MAX_TOP_LEVEL,
    UNKNOWN_AREA_ORDER,
    NavItem,
    all_nav_items,
    areas_for,
    items_for,
    place,
)
from sendhub.core.roles import Role

TOP_LEVEL = re.compile(r'<li class="govuk-service-navigation__item[^"]*">\s*<a[^>]*href="([^"]+)"')


def header_links(html: str) -> list[str]:
    return TOP_LEVEL.findall(html)


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
def test_every_roles_header_has_at_most_seven_items_and_every_item_is_reachable(
    client, make_user, login, role
):
    user = make_user(role)
    login(client, user)
    html = client.get(reverse("core:home")).content.decode()
    links = header_links(html)
    assert len(links) <= MAX_TOP_LEVEL, f"{role}: {len(links)} top-level items"
    assert len(links) == len(areas_for(user, "/"))
    # Every item the role may use is one click from the header: the link itself, or on its area's page.
    reachable = set(links)
    for area_url in [link for link in links if link.startswith("/area/")]:
        reachable |= set(
            re.findall(r'<a class="govuk-link[^"]*" href="([^"]+)"', client.get(area_url).content.decode())
        )
    missing = [item["label"] for item in items_for(user) if item["url"] not in reachable]
    assert not missing, f"{role} cannot reach {missing} from the header"


@pytest.mark.django_db
def test_a_superuser_sees_every_area_within_the_limit(client, login, admin_user):
    login(client, admin_user)
    links = header_links(client.get(reverse("core:home")).content.decode())
    areas = {placed.area.key for placed in all_nav_items()}
    assert len(links) == len(areas) <= MAX_TOP_LEVEL


@pytest.mark.django_db
def test_a_case_officer_sees_areas_not_seventeen_items(client, make_user, login):
    officer = make_user(Role.CASE_OFFICER)
    login(client, officer)
    html = client.get(reverse("core:home")).content.decode()
    labels = re.findall(
        r'class="govuk-service-navigation__link" href="[^"]+"[^>]*>(?:<strong[^>]*>)?([^<]+)<', html
    )
    assert labels[0] == "SEND Hub" or labels[0].strip()  # the service name comes first
    assert "Casework" in labels and "Families" in labels and "Local Offer" in labels
    assert "Duty Line" not in labels and "Children" not in labels  # inside their areas now
    assert "Your account" in html and "Sign out" in html  # in the top bar, not the service navigation


@pytest.mark.django_db
def test_inside_an_area_its_items_are_the_sub_navigation(client, make_user, login):
    officer = make_user(Role.CASE_OFFICER)
    login(client, officer)
    html = client.get(reverse("cases:child_list")).content.decode()
    sub_nav = html.split('class="app-sub-navigation"', 1)[1].split("</nav>", 1)[0]
    assert 'aria-label="Casework"' in html
    assert f'href="{reverse("cases:worklist")}"' in sub_nav
    assert f'href="{reverse("cases:child_list")}" aria-current="page"' in sub_nav
    assert "Duty Line" not in sub_nav
    # The Casework header item is the current one.
    assert re.search(r'aria-current="true"><strong[^>]*>Casework<', html)


@pytest.mark.django_db
def test_the_area_page_lists_only_what_the_person_may_use(client, make_user, login):
    login(client, make_user(Role.CASE_OFFICER))
    html = client.get(reverse("core:area", args=["families"])).content.decode()
    assert "Duty Line" in html and "Complaints" in html
    assert "Outbox" not in html  # in Admin
    assert client.get(reverse("core:area", args=["no-such-area"])).status_code == 404
    login(client, make_user(Role.PROVIDER))
    assert client.get(reverse("core:area", args=["casework"])).status_code == 404


@pytest.mark.django_db
def test_an_area_of_one_item_links_straight_to_it_under_the_items_name(make_user):
    single = [
        area for role in Role.values for area in areas_for(make_user(role), "/") if len(area["items"]) == 1
    ]
    assert single, "some role has an area of one item"
    for area in single:
        assert (area["label"], area["url"]) == (area["items"][0]["label"], area["items"][0]["url"])
    # A family's area holds their children's pages and their messages: the area's page lists both.
    families = next(a for a in areas_for(make_user(Role.PARENT), "/") if a["key"] == "families")
    assert [item["label"] for item in families["items"]] == ["Your children", "Your messages"]
    assert families["url"] == reverse("core:area", args=["families"])


def test_items_group_by_their_own_area_then_their_apps_then_a_new_area_named_after_the_app():
    items = [
        NavItem("Budgets", "x:budgets", "x.view"),
        NavItem("Payments log", "x:log", "x.view", area="admin"),
    ]
    known = place(items, "funding", "Funding")
    assert [p.area for p in known] == [AREAS["funding"], AREAS["admin"]]
    new = place([NavItem("Letters", "y:letters", "y.view")], "letters", "Letters and documents")
    assert new[0].area.label == "Letters and documents" and new[0].area.order == UNKNOWN_AREA_ORDER
