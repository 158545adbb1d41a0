"""Section I extras and organised arrangements, which the SEN2 return reports (PlanDetail 2, PlanRes, PlanWBP, OA, WBP)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from sendhub.cases.models import Placement
from sendhub.cases.rules import school_leaving_date
from sendhub.cases.tests.factories import ChildFactory, PlanFactory, SchoolFactory
from sendhub.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(officer):
    return PlanFactory.create(
        child=ChildFactory.create(officer=officer, team=officer.team), named_setting=SchoolFactory.create()
    )


def test_officer_records_a_dual_residential_placement(client, login, officer, plan):
    second = SchoolFactory.create(name="Second Setting School")
    login(client, officer)
    url = reverse("cases:setting_edit", args=[plan.pk])
    response = client.post(
        url,
        {
            "named_setting": plan.named_setting.urn,
            "second_setting": second.urn,
            "residential": "A",
            "work_based": "",
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.second_setting, plan.residential) == (second, "A")
    assert AuditEvent.objects.filter(action="cases.plan.setting_updated").exists()
    assert b"Second Setting School (dual placement)" in client.get(plan.get_absolute_url()).content


def test_the_second_setting_must_differ_from_the_named_one(client, login, officer, plan):
    login(client, officer)
    response = client.post(
        reverse("cases:setting_edit", args=[plan.pk]),
        {
            "named_setting": plan.named_setting.urn,
            "second_setting": plan.named_setting.urn,
            "residential": "",
            "work_based": "",
            "version": plan.version,
        },
    )
    assert b"must differ from the named setting" in response.content
    plan.refresh_from_db()
    assert plan.second_setting is None


def test_a_plan_can_name_a_type_of_setting_instead_of_a_school(client, login, officer, plan):
    login(client, officer)
    url = reverse("cases:setting_edit", args=[plan.pk])
    page = client.get(url).content
    assert b"Or the type of setting named" in page
    both = client.post(url, {"named_setting": plan.named_setting.urn, "named_setting_type": "EHE"})
    assert b"Choose a school or a type of setting for the main setting, not both" in both.content
    no_words = client.post(url, {"named_setting_type": "NIEO", "version": plan.version})
    assert b"Describe the main setting" in no_words.content
    plan.refresh_from_db()
    assert plan.named_setting is not None, "a refused change keeps what was there"
    response = client.post(
        url,
        {
            "named_setting_type": "NIEO",
            "named_setting_other": "Awaiting a placement after moving into the area",
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.named_setting, plan.named_setting_type) == (None, "NIEO")
    shown = client.get(plan.get_absolute_url()).content.decode()
    assert "Not in education or training - other: Awaiting a placement after moving into the area" in shown
    event = AuditEvent.objects.filter(action="cases.plan.setting_updated").latest("pk")
    assert set(event.data) == {"named_setting", "named_setting_type", "named_setting_other"}


def test_a_phase_transfer_changes_the_school_named(client, login, officer, plan):
    secondary = SchoolFactory.create(name="Kentish Town Secondary")
    login(client, officer)
    response = client.post(
        reverse("cases:setting_edit", args=[plan.pk]),
        {"named_setting": secondary.urn, "version": plan.version},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.named_setting == secondary
    assert b"Kentish Town Secondary" in client.get(plan.get_absolute_url()).content


def test_organised_arrangements_need_a_personal_budget(client, login, officer, plan):
    login(client, officer)
    url = reverse("cases:budget_edit", args=[plan.pk])
    refused = client.post(
        url, {"organised_arrangements": "on", "direct_payment": "", "version": plan.version}
    )
    assert b"Organised arrangements are part of a personal budget" in refused.content
    ok = client.post(
        url,
        {
            "personal_budget": "on",
            "organised_arrangements": "on",
            "direct_payment": "",
            "version": plan.version,
        },
    )
    assert ok.status_code == 302
    plan.refresh_from_db()
    assert plan.personal_budget and plan.organised_arrangements


def test_a_placement_can_be_work_based_learning(client, login, officer, plan):
    plan.child.birth_date = date(2009, 8, 31)  # left school on 27 June 2025, before the placement starts
    plan.child.save()
    login(client, officer)
    response = client.post(
        reverse("cases:placement_new", args=[plan.child_id]),
        {
            "sen_setting": "OTH",
            "rank": "1",
            "start_0": "1",
            "start_1": "9",
            "start_2": "2025",
            "work_based": "S",
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get(child=plan.child).work_based == "S"
    assert Placement.objects.get(child=plan.child).start == date(2025, 9, 1)
    assert AuditEvent.objects.filter(action="cases.placement.added").exists()


def _years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day)


def _shows_field_error(page: str, message: str) -> bool:
    """GOV.UK pattern: the message in the error summary, linked to the field, and above the field itself."""
    return (
        f'<a href="#id_work_based">{message}</a>' in page
        and f'<span class="govuk-visually-hidden">Error:</span> {message}' in page
    )


IN_SCHOOL = (
    "is only for young people over compulsory school age, and this child is of compulsory school age until {} "
    "(the last Friday in June of the school year they turn 16). Choose None, or check the date of birth"
)


def test_a_plan_cannot_name_work_based_learning_for_a_child_of_school_age(client, login, officer, plan):
    """Apprenticeships are post-16 (Education Act 1996 s.8; SEN2 COD-03): refused when entered, not at export."""
    today = timezone.localdate()
    plan.child.birth_date = _years_before(today, 10)
    plan.child.save()
    version = plan.version
    login(client, officer)
    response = client.post(
        reverse("cases:setting_edit", args=[plan.pk]),
        {"named_setting": plan.named_setting.urn, "work_based": "A", "version": plan.version},
    )
    assert response.status_code == 200
    leaves = school_leaving_date(plan.child.birth_date)
    message = "Work-based learning (apprenticeship) " + IN_SCHOOL.format(f"{leaves.day} {leaves:%B %Y}")
    assert _shows_field_error(response.content.decode(), message)
    plan.refresh_from_db()
    assert (plan.work_based, plan.version) == ("", version), "nothing saved"
    assert not AuditEvent.objects.filter(action="cases.plan.setting_updated").exists()


def test_a_plan_can_name_work_based_learning_after_the_school_leaving_date(client, login, officer, plan):
    plan.child.birth_date = _years_before(timezone.localdate(), 18)  # left school a year ago or more
    plan.child.save()
    login(client, officer)
    response = client.post(
        reverse("cases:setting_edit", args=[plan.pk]),
        {"named_setting": plan.named_setting.urn, "work_based": "A", "version": plan.version},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.work_based == "A"
    assert AuditEvent.objects.get(action="cases.plan.setting_updated").data == {"work_based": "A"}


def test_a_placement_cannot_be_work_based_learning_for_a_child_of_school_age(client, login, officer, plan):
    """Judged on the placement's start date: a supported internship from 1 September 2025 for a child of 10."""
    plan.child.birth_date = date(2015, 3, 1)
    plan.child.save()
    login(client, officer)
    form = {"sen_setting": "OTH", "rank": "1", "start_0": "1", "start_1": "9", "start_2": "2025"}
    response = client.post(reverse("cases:placement_new", args=[plan.child_id]), {**form, "work_based": "S"})
    assert response.status_code == 200
    message = "Work-based learning (supported internship) " + IN_SCHOOL.format("27 June 2031")
    assert _shows_field_error(response.content.decode(), message)
    assert not Placement.objects.filter(child=plan.child).exists(), "nothing saved"
    assert not plan.child.timeline.filter(kind="placement").exists()
    assert not AuditEvent.objects.filter(action="cases.placement.added").exists()
    # Changing a recorded placement is refused the same way, and leaves it as it was.
    placement = Placement.objects.create(child=plan.child, sen_setting="OTH", rank=1, start=date(2025, 9, 1))
    edit = client.post(
        reverse("cases:placement_edit", args=[plan.child_id, placement.pk]), {**form, "work_based": "T"}
    )
    assert _shows_field_error(edit.content.decode(), message.replace("supported internship", "traineeship"))
    placement.refresh_from_db()
    assert placement.work_based == ""
    assert not AuditEvent.objects.filter(action="cases.placement.updated").exists()


def test_a_named_school_can_be_its_sen_unit_or_resourced_provision(client, login, officer, plan):
    second = SchoolFactory.create(name="Second Setting School")
    login(client, officer)
    url = reverse("cases:setting_edit", args=[plan.pk])
    page = client.get(url).content.decode()
    assert 'name="named_setting_units" type="checkbox" value="sen_unit"' in page
    assert 'name="second_setting_units" type="checkbox" value="resourced_provision"' in page
    response = client.post(
        url,
        {
            "named_setting": plan.named_setting.urn,
            "named_setting_units": ["sen_unit"],
            "second_setting": second.urn,
            "second_setting_units": ["resourced_provision"],
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.named_setting_sen_unit, plan.named_setting_resourced_provision) == (True, False)
    assert (plan.second_setting_sen_unit, plan.second_setting_resourced_provision) == (False, True)
    event = AuditEvent.objects.filter(action="cases.plan.setting_updated").latest("pk")
    assert event.data == {
        "named_setting_sen_unit": True,
        "second_setting": second.pk,
        "second_setting_resourced_provision": True,
    }
    shown = client.get(plan.get_absolute_url()).content.decode()
    assert f"{plan.named_setting} (SEN unit)" in shown
    assert "Second Setting School (resourced provision) (dual placement)" in shown
    again = client.get(url).content.decode()
    assert 'value="sen_unit" checked' in again, "the form shows what the plan records"
    client.post(
        url, {"named_setting": plan.named_setting.urn, "second_setting": second.urn, "version": plan.version}
    )
    plan.refresh_from_db()
    assert not (plan.named_setting_sen_unit or plan.second_setting_resourced_provision), (
        "unticking clears them"
    )


def test_a_type_of_setting_cannot_be_a_sen_unit(client, login, officer, plan):
    login(client, officer)
    url = reverse("cases:setting_edit", args=[plan.pk])
    response = client.post(
        url,
        {"named_setting_type": "OTH", "named_setting_units": ["sen_unit"], "version": plan.version},
    )
    assert response.status_code == 200
    assert (
        "A SEN unit or resourced provision is part of a school: name the school for the main setting rather "
        "than a type of setting, or untick it"
    ) in response.content.decode()
    no_second = client.post(
        url,
        {
            "named_setting": plan.named_setting.urn,
            "second_setting_units": ["resourced_provision"],
            "version": plan.version,
        },
    )
    assert "name the school for the second setting, or untick it" in no_second.content.decode()
    plan.refresh_from_db()
    assert plan.named_setting is not None and plan.named_setting_type == ""
    assert not (plan.named_setting_sen_unit or plan.second_setting_resourced_provision)
    assert not AuditEvent.objects.filter(action="cases.plan.setting_updated").exists()


def test_an_out_of_area_independent_school_is_found_and_named(client, login, officer, plan, settings):
    """With all of England imported, "Find a setting" finds one anywhere and its name or URN names it."""
    import io as _io

    from lxml import html

    from sendhub.schools.models import School
    from sendhub.schools.services import import_gias
    from sendhub.schools.tests.test_gias_import import ENGLAND

    settings.SENDHUB_LA_CODE = "202"
    import_gias(lines=_io.StringIO(ENGLAND).readlines())
    away = School.objects.get(urn=990003)
    login(client, officer)
    url = reverse("cases:setting_edit", args=[plan.pk])
    form_page = html.fromstring(client.get(url).content)
    assert not form_page.xpath("//select[@name='named_setting']")
    assert form_page.xpath("//input[@name='named_setting']/@value") == [str(plan.named_setting.urn)]
    links = form_page.xpath("//a[text()='Find a setting (opens in new tab)']/@href")
    assert links == ["/schools/", "/schools/"], "each setting field links to the search"
    found = client.get(reverse("schools:school_list") + "?q=larchmont").content.decode()
    assert "990003" in found and "Larchmont House School" in found and "Hertfordshire" in found
    response = client.post(
        url,
        {"named_setting": "larchmont house", "residential": "", "work_based": "", "version": plan.version},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.named_setting == away
    assert b"Larchmont House School (Hertfordshire)" in client.get(plan.get_absolute_url()).content
    again = html.fromstring(client.get(url).content)
    assert again.xpath("//input[@name='named_setting']/@value") == ["990003"]
