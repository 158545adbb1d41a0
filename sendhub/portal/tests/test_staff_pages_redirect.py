"""A parent or young person who opens a staff page about a child (an old link, a typed address) is sent to
their own family page for that child; another family's child is a 404; staff are not affected."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sendhub.cases.models import Child
from sendhub.portal.tests.conftest import child_with_draft, plain_child

pytestmark = pytest.mark.django_db


def _staff_urls(child: Child) -> list[str]:
    plan = child.plans.get()
    return [
        reverse("cases:child_detail", args=[child.pk]),
        reverse("cases:document_list", args=[child.pk]),
        reverse("cases:request_detail", args=[child.requests.get().pk]),
        reverse("cases:plan_detail", args=[plan.pk]),
        reverse("cases:plan_version_detail", args=[plan.pk, 1]),
    ]


def _assert_sent_to_family_page(client, child: Child) -> None:
    family_page = reverse("portal:child", args=[child.pk])
    for url in _staff_urls(child):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == family_page, url
    page = client.get(reverse("cases:child_detail", args=[child.pk]), follow=True).content.decode()
    assert "What you can do" in page and "Comment on the draft plan and name a school or college" in page
    assert "Officer" not in page and "UPN" not in page


def test_a_parent_is_sent_to_the_family_page_for_their_child_and_404_for_another(
    client, login, parent, officer, make_user
):
    own = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    other = child_with_draft(
        officer, make_user("parent", email="o@example.test"), first_name="Zed", draft_days_ago=3
    )
    login(client, parent)
    _assert_sent_to_family_page(client, own)
    for url in _staff_urls(other):
        assert client.get(url).status_code == 404, url
    children = client.get(reverse("cases:child_list"), follow=True).content.decode()
    assert "Your children" in children and "Ana Testchild" in children and "Zed" not in children


def test_a_young_person_is_sent_to_their_own_family_page(client, login, officer, make_user):
    young = make_user("young_person", email="sam@example.test")
    own = child_with_draft(officer, young, first_name="Sam", draft_days_ago=2)
    own.account = young  # their own record (CFA 2014 s.83(2))
    own.save(update_fields=["account"])
    someone = plain_child(officer, None, first_name="Zed")
    login(client, young)
    _assert_sent_to_family_page(client, own)
    assert client.get(reverse("cases:child_detail", args=[someone.pk])).status_code == 404


@pytest.mark.parametrize("staff", ["officer", "admin_user"])
def test_staff_still_see_the_staff_pages(client, login, parent, officer, staff, request):
    """The admin role is a superuser, whose has_perm says yes to the family pages too: still staff."""
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    login(client, request.getfixturevalue(staff))
    for url in _staff_urls(child):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("cases:child_detail", args=[child.pk])).content.decode()
    assert child.reference in page and "From the family" in page
