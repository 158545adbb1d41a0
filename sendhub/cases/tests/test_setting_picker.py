"""Choosing a setting by URN or name, never from a list of every setting in England (issue 17 item 7)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from lxml import html

from sendhub.cases.forms.children import PlacementForm
from sendhub.cases.models import Placement
from sendhub.cases.tests.factories import ChildFactory, SchoolFactory
from sendhub.schools.models import School

pytestmark = pytest.mark.django_db

START = {"rank": "1", "start_0": "1", "start_1": "9", "start_2": "2025"}


def school_error(form: PlacementForm) -> str:
    assert not form.is_valid()
    return " ".join(str(e) for e in form.errors["school"])


def test_a_setting_is_chosen_by_its_urn():
    oak = SchoolFactory.create(urn=100001, name="Oak Primary School")
    form = PlacementForm(data={**START, "school": " 100001 "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["school"] == oak


def test_a_setting_is_chosen_by_a_name_only_it_has():
    SchoolFactory.create(urn=100001, name="Oak Primary School")
    elm = SchoolFactory.create(urn=100002, name="Elm Tree Academy")
    form = PlacementForm(data={**START, "school": "elm  tree"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["school"] == elm


def test_an_exact_name_wins_over_names_containing_it():
    oak = SchoolFactory.create(urn=100001, name="Oak School")
    SchoolFactory.create(urn=100002, name="Oak School Sixth Form")
    form = PlacementForm(data={**START, "school": "oak school"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["school"] == oak


def test_a_name_several_settings_share_asks_for_the_urn_and_lists_them():
    SchoolFactory.create(urn=100001, name="Oak Primary School", la_name="Hackney", postcode="E8 1AA")
    SchoolFactory.create(urn=100002, name="Oak Academy", la_name="Barnet", postcode="N2 0AB")
    error = school_error(PlacementForm(data={**START, "school": "oak"}))
    assert error.startswith("More than one setting matches \u201coak\u201d: enter its URN")
    assert "Oak Academy (URN 100002, Barnet, N2 0AB)" in error
    assert "Oak Primary School (URN 100001, Hackney, E8 1AA)" in error


def test_an_unknown_or_closed_urn_and_an_unknown_name_are_refused():
    SchoolFactory.create(urn=100003, name="Old Mill School", is_open=False)
    assert school_error(PlacementForm(data={**START, "school": "123456"})) == "No open setting has URN 123456"
    assert school_error(PlacementForm(data={**START, "school": "100003"})) == "No open setting has URN 100003"
    assert school_error(PlacementForm(data={**START, "school": "Nowhere High"})) == (
        "No open setting is called \u201cNowhere High\u201d: check the name, or enter its URN"
    )


def test_odd_input_is_refused_with_an_error_not_a_crash():
    SchoolFactory.create(urn=100001, name="Oak Primary School")
    huge = "9" * 40
    assert school_error(PlacementForm(data={**START, "school": huge})) == f"No open setting has URN {huge}"
    assert school_error(PlacementForm(data={**START, "school": "\u00b2"})).startswith(
        "No open setting is called"
    )


def test_a_closed_setting_already_recorded_is_kept_when_the_form_is_saved_again(client, login, officer):
    child = ChildFactory.create(officer=officer, team=officer.team)
    closed = SchoolFactory.create(urn=100003, name="Old Mill School", is_open=False)
    placement = Placement.objects.create(child=child, school=closed, rank=1, start="2025-09-01")
    login(client, officer)
    url = reverse("cases:placement_edit", args=[child.pk, placement.pk])
    page = html.fromstring(client.get(url).content)
    assert page.xpath("//input[@name='school']/@value") == ["100003"]
    response = client.post(url, {**START, "school": "100003", "end_0": "1", "end_1": "1", "end_2": "2026"})
    assert response.status_code == 302
    placement.refresh_from_db()
    assert placement.school == closed and str(placement.end) == "2026-01-01"


def test_a_form_page_does_not_list_every_setting(client, login, officer):
    School.objects.bulk_create(
        SchoolFactory.build(urn=200000 + n, name=f"Setting number {n:03d}") for n in range(300)
    )
    child = ChildFactory.create(officer=officer, team=officer.team)
    login(client, officer)
    for url in (
        reverse("cases:placement_new", args=[child.pk]),
        reverse("cases:request_new"),
        reverse("cases:child_edit", args=[child.pk]),
    ):
        content = client.get(url).content.decode()
        assert "Setting number" not in content, url
        page = html.fromstring(content)
        assert page.xpath("//input[@name='school'][@type='text']"), url
        assert not page.xpath("//select[@name='school']"), url
        assert "Find a setting (opens in new tab)" in content
    response = client.post(reverse("cases:placement_new", args=[child.pk]), {**START, "school": "200123"})
    assert response.status_code == 302
    placed = child.placements.get().school
    assert placed is not None and placed.name == "Setting number 123"
