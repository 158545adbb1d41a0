"""Preparing for Adulthood: reviews from year 9 give the Appendix C 3.8 percentages; internships as records."""

from sendhub.cases.tests.factories import ChildFactory
from sendhub.strategy.models import PfaReview, SupportedInternship

REVIEW = {"held_on_0": "3", "held_on_1": "3", "held_on_2": "2025", "year_group": "9", "ehcp": "1"}


def test_reviews_entered_give_the_3_8_percentages(client, login, officer):
    mine = [ChildFactory(officer=officer, reference=f"YP-{n}") for n in range(3)]
    login(client, officer)
    for child, answers in zip(
        mine,
        [
            {"young_person_participated": "on", "pfa_planning_started": "on"},
            {"young_person_participated": "on"},
            {},
        ],
        strict=True,
    ):
        page = client.post(
            "/strategy/adulthood/reviews/new/", REVIEW | {"reference": child.reference} | answers
        )
        assert page.status_code == 302
    body = client.get("/strategy/adulthood/").content.decode()
    assert "3 reviews recorded" in body
    participated = body.split("participating in their annual review</td>", 1)[1].split("</tr>", 1)[0]
    assert "66.7%" in participated
    planning = body.split("starting PfA planning in year 9</td>", 1)[1].split("</tr>", 1)[0]
    assert "33.3%" in planning


def test_a_review_of_a_young_person_the_officer_does_not_work_with_is_refused(
    client, login, officer, colleague
):
    other = ChildFactory(officer=colleague, reference="YP-OTHER")
    page = login(client, officer).post(
        "/strategy/adulthood/reviews/new/", REVIEW | {"reference": other.reference}
    )
    assert "Enter the case reference of a young person you work with" in page.content.decode()
    assert not PfaReview.objects.exists()


def test_an_internship_is_recorded_and_counted_by_academic_year(client, login, officer, analyst):
    child = ChildFactory(officer=officer, reference="YP-9")
    login(client, officer)
    page = client.post(
        "/strategy/adulthood/internships/new/",
        {
            "reference": "YP-9",
            "employer": "Synthetic Hotel Group",
            "provider": "Synthetic College",
            "start_0": "9",
            "start_1": "9",
            "start_2": "2024",
            "end_0": "11",
            "end_1": "7",
            "end_2": "2025",
            "outcome": "employed",
        },
    )
    assert page.status_code == 302
    assert SupportedInternship.objects.get().young_person == child
    row = (
        client.get("/strategy/adulthood/")
        .content.decode()
        .split('<td class="govuk-table__cell">2024/25</td>')[1]
    )
    assert row.split("</tr>")[0].count(">1<") == 3  # started, completed, in paid work
    analyst_view = login(client, analyst).get("/strategy/adulthood/").content.decode()
    assert "2024/25" in analyst_view and "YP-9" not in analyst_view  # aggregates only, no names
    assert client.get("/strategy/adulthood/internships/new/").status_code == 403


def test_an_ongoing_internship_has_no_end_date(client, login, officer):
    ChildFactory(officer=officer, reference="YP-10")
    page = login(client, officer).post(
        "/strategy/adulthood/internships/new/",
        {
            "reference": "YP-10",
            "employer": "E",
            "provider": "P",
            "start_0": "9",
            "start_1": "9",
            "start_2": "2024",
            "end_0": "1",
            "end_1": "6",
            "end_2": "2025",
            "outcome": "ongoing",
        },
    )
    assert "Enter the end date when the internship has an outcome, and only then" in page.content.decode()
    assert not SupportedInternship.objects.exists()
