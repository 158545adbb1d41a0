"""Table tests for the strategy rules: the RAG rule (rules.py's docstring is the rule), by-when labels,
targets and the Appendix C 3.8 percentages."""

from datetime import date
from decimal import Decimal

import pytest

from sendhub.strategy.rules import (
    Delivery,
    PfaReviewFact,
    Rag,
    by_when_date,
    on_target,
    pfa_percentages,
    rag_status,
)

TODAY = date(2024, 10, 15)


@pytest.mark.parametrize(
    ("delivery", "due", "rag", "reason"),
    [
        (Delivery.COMPLETE, date(2024, 7, 31), Rag.GREEN, "Complete"),  # rule 1: complete beats overdue
        (Delivery.ON_TRACK, date(2024, 9, 30), Rag.RED, "Overdue"),  # rule 2: past its by-when
        (None, date(2024, 9, 30), Rag.RED, "Overdue"),  # rule 2 with no update at all
        (Delivery.ON_TRACK, date(2024, 10, 15), Rag.GREEN, "On track"),  # due today is not overdue
        (Delivery.OFF_TRACK, date(2024, 12, 31), Rag.RED, "Off track"),  # rule 3
        (Delivery.AT_RISK, date(2024, 12, 31), Rag.AMBER, "At risk"),  # rule 3
        (Delivery.AT_RISK, None, Rag.AMBER, "At risk"),  # "Year 3": no date, still at risk
        (Delivery.NOT_STARTED, date(2024, 12, 14), Rag.AMBER, "Not started and due soon"),  # 60 days
        (Delivery.NOT_STARTED, date(2024, 12, 15), Rag.GREEN, "Not started; not due yet"),  # 61 days
        (Delivery.NOT_STARTED, None, Rag.GREEN, "Not started; not due yet"),
        (Delivery.ON_TRACK, None, Rag.GREEN, "On track"),
        (None, date(2024, 12, 31), Rag.GREY, "No update yet"),  # rule 5
        (None, None, Rag.GREY, "No update yet"),
    ],
)
def test_rag_status(delivery, due, rag, reason):
    status = rag_status(delivery=delivery, due=due, today=TODAY)
    assert (status.rag, status.reason) == (rag, reason)


@pytest.mark.parametrize(
    ("label", "due"),
    [
        ("Oct-24", date(2024, 10, 31)),
        ("Feb-24", date(2024, 2, 29)),  # leap year
        ("Feb-25", date(2025, 2, 28)),
        ("dec-2024", date(2024, 12, 31)),
        (" Jul-24 ", date(2024, 7, 31)),
        ("Year 3", None),
        ("Ongoing", None),
        ("", None),
        ("Foo-24", None),
    ],
)
def test_by_when_date(label, due):
    assert by_when_date(label) == due


@pytest.mark.parametrize(
    ("value", "target", "direction", "met"),
    [
        (Decimal("75"), Decimal("75"), "higher", True),
        (Decimal("74.9"), Decimal("75"), "higher", False),
        (Decimal("10"), Decimal("10"), "lower", True),
        (Decimal("10.1"), Decimal("10"), "lower", False),
        (None, Decimal("10"), "lower", None),
    ],
)
def test_on_target(value, target, direction, met):
    assert on_target(value=value, target=target, direction=direction) is met


def test_pfa_percentages_follow_appendix_c_3_8():
    reviews = [
        PfaReviewFact(
            ehcp=True,
            year_group=9,
            young_person_participated=True,
            pfa_planning_started=True,
            pfa_outcomes_included=True,
        ),
        PfaReviewFact(
            ehcp=True,
            year_group=9,
            young_person_participated=False,
            pfa_planning_started=False,
            pfa_outcomes_included=True,
        ),
        PfaReviewFact(
            ehcp=True,
            year_group=11,
            young_person_participated=True,
            pfa_planning_started=True,
            pfa_outcomes_included=False,
        ),
        PfaReviewFact(
            ehcp=False,
            year_group=9,
            young_person_participated=True,
            pfa_planning_started=False,
            pfa_outcomes_included=False,
        ),
        PfaReviewFact(
            ehcp=True,
            year_group=8,
            young_person_participated=True,
            pfa_planning_started=True,
            pfa_outcomes_included=True,
        ),  # before year 9: not counted
    ]
    result = pfa_percentages(reviews)
    assert result.reviews == 4
    assert result.participated == Decimal("75.0")
    assert result.ehcp_year9_planning == Decimal("50.0")
    assert result.ehcp_pfa_outcomes == Decimal("66.7")
    assert result.sen_support_year9_planning == Decimal("0.0")


def test_pfa_percentages_of_nothing_are_blank():
    result = pfa_percentages([])
    assert (result.reviews, result.participated, result.ehcp_pfa_outcomes) == (0, None, None)
