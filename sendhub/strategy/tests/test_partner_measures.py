"""Partner measures: each partner enters only its own (form or CSV); a wrong CSV row saves nothing."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sendhub.strategy.models import PartnerMeasureValue

VALUE = {
    "period_start_0": "1",
    "period_start_1": "4",
    "period_start_2": "2024",
    "period_end_0": "31",
    "period_end_1": "3",
    "period_end_2": "2025",
    "value": "",
    "source": "GP practice returns",
}


def test_the_owning_partner_enters_a_value_as_numerator_and_denominator(
    client, login, health_officer, health_checks
):
    page = login(client, health_officer).post(
        f"/strategy/partner-measures/{health_checks.pk}/values/new/",
        VALUE | {"numerator": "150", "denominator": "200"},
    )
    assert page.status_code == 302
    row = PartnerMeasureValue.objects.get()
    assert (row.value, row.numerator, row.denominator, row.entered_by) == (75, 150, 200, health_officer)
    body = client.get(f"/strategy/partner-measures/{health_checks.pk}/").content.decode()
    assert "1 Apr 2024 to 31 Mar 2025" in body and ">75<" in body and "GP practice returns" in body


def test_a_partner_sees_only_its_own_measures_and_gets_404_for_anothers(
    client, login, forum_officer, health_checks, forum_events
):
    login(client, forum_officer)
    listing = client.get("/strategy/partner-measures/").content.decode()
    assert "Engagement events held" in listing and "Annual health checks 14+" not in listing
    assert client.get(f"/strategy/partner-measures/{health_checks.pk}/").status_code == 404
    assert client.get(f"/strategy/partner-measures/{health_checks.pk}/values/new/").status_code == 404
    page = client.post(
        f"/strategy/partner-measures/{health_checks.pk}/values/new/",
        VALUE | {"numerator": "1", "denominator": "2"},
    )
    assert page.status_code == 404
    assert not PartnerMeasureValue.objects.exists()


def test_staff_partner_sees_the_catalogue_but_enters_only_its_own(
    client, login, health_officer, forum_events
):
    login(client, health_officer)
    assert client.get(f"/strategy/partner-measures/{forum_events.pk}/").status_code == 200
    assert client.get(f"/strategy/partner-measures/{forum_events.pk}/values/new/").status_code == 403
    page = client.post(f"/strategy/partner-measures/{forum_events.pk}/values/new/", VALUE | {"value": "3"})
    assert page.status_code == 403
    assert not PartnerMeasureValue.objects.exists()


@pytest.mark.parametrize("role", ["case_officer", "parent", "senco"])
def test_people_who_are_not_partner_officers_cannot_enter_values(
    client, login, make_user, forum_events, role
):
    login(client, make_user(role))
    assert client.get(f"/strategy/partner-measures/{forum_events.pk}/values/new/").status_code in (403, 404)
    assert client.get("/strategy/partner-measures/upload/").status_code == 403


def test_a_duplicate_period_is_refused_on_its_field(client, login, forum_officer, forum_events):
    login(client, forum_officer)
    client.post(f"/strategy/partner-measures/{forum_events.pk}/values/new/", VALUE | {"value": "3"})
    page = client.post(f"/strategy/partner-measures/{forum_events.pk}/values/new/", VALUE | {"value": "4"})
    assert "already has a value for 1 Apr 2024 to 31 Mar 2025" in page.content.decode()
    assert PartnerMeasureValue.objects.get().value == 3


def _upload(client, text: str):
    return client.post(
        "/strategy/partner-measures/upload/",
        {"file": SimpleUploadedFile("values.csv", text.encode(), content_type="text/csv")},
    )


HEADER = "measure,period_start,period_end,value,numerator,denominator,source\n"


def test_a_csv_upload_saves_every_row(client, login, forum_officer, forum_events):
    login(client, forum_officer)
    page = _upload(
        client,
        HEADER + "engagement-events,2023-04-01,2024-03-31,14,,,Forum records\n"
        "engagement-events,2024-04-01,2025-03-31,17,,,Forum records\n",
    )
    assert page.status_code == 302
    assert [v.value for v in PartnerMeasureValue.objects.order_by("period_start")] == [14, 17]


def test_a_csv_with_any_wrong_row_saves_nothing_and_names_each_row_and_column(
    client, login, forum_officer, forum_events, health_checks
):
    login(client, forum_officer)
    page = _upload(
        client,
        HEADER
        + "engagement-events,2023-04-01,2024-03-31,14,,,Forum records\n"
        + "annual-health-checks-14,2023-04-01,2024-03-31,,1,2,GP\n"
        + "engagement-events,2024-13-01,2025-03-31,17,,,Forum records\n"
        + "engagement-events,2024-04-01,2025-03-31,lots,,,\n"
        + "engagement-events,2025-04-01,2025-03-31,3,,,Forum\n",
    )
    body = page.content.decode()
    assert page.status_code == 200 and "Nothing was saved: 5 problem(s)" in body
    assert (
        "Row 3, column A (measure): &#x27;annual-health-checks-14&#x27; is not one of your organisation"
        in body
    )
    assert "Row 4, column B (period_start): enter a date as YYYY-MM-DD" in body
    assert "Row 5, column D (value): enter a number" in body
    assert "Row 5, column G (source): enter where the figure comes from" in body
    assert "Row 6, column C (period_end): The period must end on or after its start" in body
    assert not PartnerMeasureValue.objects.exists()


def test_values_entered_count_towards_the_linked_actions_trend(health_checks_linked):
    from sendhub.strategy.selectors.measures import action_measures

    action = health_checks_linked.linked_to.get().action
    (trend,) = action_measures(action, date(2025, 6, 1))
    assert trend.points == [("2023-24", 60), ("2024-25", 70)] and trend.met is False


@pytest.mark.parametrize("raw", ["9" * 20, "²", "-1"])
def test_a_20_digit_or_superscript_count_is_a_form_error_not_a_server_error(
    client, login, health_officer, health_checks, raw
):
    login(client, health_officer)
    url = f"/strategy/partner-measures/{health_checks.pk}/values/new/"
    page = client.post(url, VALUE | {"numerator": raw, "denominator": "2"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Enter the numerator as a whole number" in body or "Enter a numerator from 0 to" in body
    assert not PartnerMeasureValue.objects.exists()
    page = client.post(url, VALUE | {"numerator": "1", "denominator": "9" * 20})
    assert page.status_code == 200 and "Enter a denominator from 1 to" in page.content.decode()
    assert not PartnerMeasureValue.objects.exists()
