"""The family pages (/family/): a family sees exactly their own children, in plain English, with the next
step and its date, their letters, the plan; another family's child, document or thread is a 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from sendhub.cases.models import Document, ParentCarer
from sendhub.portal import rules
from sendhub.portal.services import family
from sendhub.portal.tests.conftest import child_with_draft, plain_child

pytestmark = pytest.mark.django_db


def test_home_lists_only_the_familys_children_with_next_step_date_and_contact(
    client, login, parent, officer, make_user, today
):
    child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    other_family = make_user("parent", email="other@example.test")
    plain_child(officer, other_family, first_name="Zed")
    login(client, parent)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Ana Testchild" in page
    assert "Zed" not in page
    closes = rules.comments_close(today - timedelta(days=3))
    assert "We have sent you a draft plan" in page
    assert f"Send us your comments and the school or college you want, by {closes:%-d %B %Y}" in page
    assert officer.full_name in page and officer.email in page
    for jargon in ("reg 13", "CFA", "UPN", "Officer"):
        assert jargon not in page


def test_child_page_shows_letters_plan_and_the_draft_deadline(client, login, parent, officer, today):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    letter_titles = list(
        Document.objects.filter(child=child, kind="letter", shared_with_family=True).values_list(
            "title", flat=True
        )
    )
    assert letter_titles, "letters to the family are shared with them by default"
    login(client, parent)
    page = client.get(reverse("portal:child", args=[child.pk])).content.decode()
    assert "Ana Testchild" in page
    for title in letter_titles:
        assert title.replace("'", "&#x27;") in page
    closes = rules.comments_close(today - timedelta(days=3))
    assert f"until <strong>{closes:%-d %B %Y}</strong>" in page
    assert "Comment on the draft plan and name a school or college" in page
    plan = child.plans.get()
    assert reverse("cases:plan_version_pdf", args=[plan.pk, 1]) in page
    assert "Draft EHC plan issued" in page  # the timeline


def test_a_document_not_shared_with_the_family_is_neither_listed_nor_downloadable(
    client, login, parent, officer
):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    letter = Document.objects.filter(child=child, kind="letter").first()
    assert letter is not None
    Document.objects.filter(pk=letter.pk).update(shared_with_family=False, title="Internal note")
    login(client, parent)
    page = client.get(reverse("portal:child", args=[child.pk])).content.decode()
    assert "Internal note" not in page
    assert client.get(reverse("cases:document_download", args=[letter.pk])).status_code == 404


def test_another_familys_child_document_and_thread_are_404(client, login, parent, officer, make_user, today):
    other = make_user("parent", email="other@example.test")
    theirs = child_with_draft(officer, other, first_name="Zed", draft_days_ago=2)
    thread = family.start_thread(child=theirs, subject="Hello", body="A question", by=other, today=today)
    document = Document.objects.filter(child=theirs).first()
    assert document is not None
    plain_child(officer, parent, first_name="Ana")
    login(client, parent)
    for name in ("portal:child", "portal:views", "portal:assessment", "portal:draft", "portal:review"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404, name
    assert client.get(reverse("portal:thread_new", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("portal:thread", args=[thread.pk])).status_code == 404
    assert client.post(reverse("portal:thread", args=[thread.pk]), {"body": "x"}).status_code == 404
    assert client.get(reverse("cases:document_download", args=[document.pk])).status_code == 404
    assert thread.messages.count() == 1


def test_a_family_loses_the_child_the_moment_the_link_ends(client, login, parent, officer):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    login(client, parent)
    assert client.get(reverse("portal:child", args=[child.pk])).status_code == 200
    ParentCarer.objects.filter(child=child, user=parent).update(user=None)
    assert client.get(reverse("portal:child", args=[child.pk])).status_code == 404
    assert "Ana Testchild" not in client.get(reverse("portal:home")).content.decode()


def test_staff_and_others_cannot_use_the_family_pages(client, login, officer, senco):
    for user in (officer, senco):
        login(client, user)
        assert client.get(reverse("portal:home")).status_code == 403


def test_staff_share_a_document_and_the_family_then_sees_it(client, login, parent, officer):
    child = child_with_draft(officer, parent, first_name="Ana", draft_days_ago=3)
    document = Document.objects.filter(child=child).first()
    assert document is not None
    Document.objects.filter(pk=document.pk).update(shared_with_family=False, title="Speech therapy report")
    login(client, parent)
    assert (
        client.post(reverse("cases:document_share", args=[document.pk]), {"shared": "1"}).status_code == 403
    )
    login(client, officer)
    listing = client.get(reverse("cases:document_list", args=[child.pk])).content.decode()
    assert "Share with the family" in listing
    client.post(reverse("cases:document_share", args=[document.pk]), {"shared": "1"})
    assert (
        "Shared with the family"
        in client.get(reverse("cases:document_list", args=[child.pk])).content.decode()
    )
    login(client, parent)
    assert "Speech therapy report" in client.get(reverse("portal:child", args=[child.pk])).content.decode()
    assert client.get(reverse("cases:document_download", args=[document.pk])).status_code == 200


def test_an_admin_who_may_open_every_page_still_has_no_family_children(
    client, login, admin_user, officer, parent
):
    plain_child(officer, parent, first_name="Ana")
    login(client, admin_user)
    response = client.get(reverse("portal:home"))
    if response.status_code == 200:  # a superuser holds every permission
        page = response.content.decode()
        assert "Ana Testchild" not in page and "No children are linked to your account yet" in page
    else:
        assert response.status_code == 403


def test_a_young_person_sees_their_own_record_on_the_family_pages(client, login, officer, make_user):
    """CFA 2014 s.83(2): a young person's own account (Child.account) reaches their record as a parent's
    would, and no one else's."""
    young = make_user("young_person", email="sam@example.test")
    own = plain_child(officer, None, first_name="Sam")
    own.account = young
    own.save(update_fields=["account"])
    plain_child(officer, None, first_name="Zed")
    login(client, young)
    page = client.get(reverse("portal:home")).content.decode()
    assert "Sam Testchild" in page and "Zed" not in page
    assert client.get(reverse("portal:child", args=[own.pk])).status_code == 200
