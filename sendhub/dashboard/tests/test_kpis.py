"""Live KPI arithmetic (pure): each KPI's numerator and denominator, with the regulation it follows."""

from datetime import date

import pytest

from sendhub.cases.rules.assessment import ExceptionPeriod, ExceptionReason
from sendhub.cases.rules.reviews import in_transfer_cohort
from sendhub.dashboard.rules.kpis import (
    AppealFact,
    ChildFact,
    Facts,
    RequestFact,
    ReviewFact,
    TransferFact,
    caseload_breakdowns,
    compute_kpis,
    reviews_due,
)

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def kpis(facts: Facts) -> dict:
    return {k.key: k for k in compute_kpis(facts, start=YEAR[0], end=YEAR[1])}


def test_six_week_decisions():  # SEND Regulations 2014 reg 5(1)
    facts = Facts(
        requests=[
            RequestFact(
                1, date(2025, 1, 6), decided_on=date(2025, 2, 17), decided_to_assess=True
            ),  # exactly 6 weeks
            RequestFact(
                2, date(2025, 1, 6), decided_on=date(2025, 2, 18), decided_to_assess=False
            ),  # a day late
            RequestFact(
                3, date(2024, 12, 2), decided_on=date(2025, 1, 6), decided_to_assess=True
            ),  # decided in 2025
            RequestFact(4, date(2025, 12, 1)),  # received, not yet decided
        ]
    )
    result = kpis(facts)
    assert result["requests"].numerator_count == 3
    assert (result["six_week"].numerator_count, result["six_week"].denominator_count) == (2, 3)
    assert result["six_week"].numerator == frozenset({1, 3})
    assert result["refusals"].numerator == frozenset({2})


@pytest.mark.parametrize(
    ("received", "issued", "exception", "incl", "excl"),
    [
        (date(2025, 1, 6), date(2025, 5, 26), False, (1, 1), (1, 1)),  # 20 weeks to the day (reg 13(2))
        (date(2025, 1, 6), date(2025, 5, 27), False, (0, 1), (0, 1)),  # one day late
        (
            date(2025, 1, 6),
            date(2025, 6, 30),
            True,
            (0, 1),
            (0, 0),
        ),  # late, but a reg 10(4) exception applied
    ],
)
def test_twenty_week_timeliness_with_and_without_exceptions(received, issued, exception, incl, excl):
    periods = (ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, date(2025, 2, 1), date(2025, 3, 15)),)
    facts = Facts(
        requests=[RequestFact(1, received, final_issued=issued, exceptions=periods if exception else ())]
    )
    result = kpis(facts)
    assert (result["twenty_week_incl"].numerator_count, result["twenty_week_incl"].denominator_count) == incl
    assert (result["twenty_week_excl"].numerator_count, result["twenty_week_excl"].denominator_count) == excl


def test_an_exception_after_the_deadline_keeps_a_late_plan_in_the_excluding_figure():  # regs 10(4), 13(3)
    # Received 6 January 2025, due 26 May; the family was away from 1 June: that absence cannot be why
    # the deadline was missed, so the late plan still counts (as late) in the "excluding exceptions" figure.
    after = (ExceptionPeriod(ExceptionReason.ABSENT_FROM_AREA, date(2025, 6, 1), date(2025, 7, 15)),)
    facts = Facts(
        requests=[RequestFact(1, date(2025, 1, 6), final_issued=date(2025, 8, 1), exceptions=after)]
    )
    result = kpis(facts)
    assert (result["twenty_week_excl"].numerator_count, result["twenty_week_excl"].denominator_count) == (
        0,
        1,
    )


def test_annual_reviews_on_time_and_decisions_within_4_weeks():  # CFA 2014 s.44(1); reg 20(10)
    facts = Facts(
        reviews=[
            # the 12 months starting with 1 March 2024 end on 28 February 2025: a review on 1 March is late
            ReviewFact(1, date(2024, 3, 1), None, ((date(2025, 2, 28), date(2025, 3, 28)),)),
            ReviewFact(2, date(2024, 3, 1), None, ((date(2025, 3, 1), date(2025, 3, 31)),)),
        ]
    )
    result = kpis(facts)
    assert result["reviews_on_time"].numerator == frozenset({1})
    assert result["review_decisions"].numerator == frozenset({1})
    assert result["reviews_on_time"].percent == 50.0


def test_reviews_on_time_divide_by_reviews_due_not_held():  # CFA 2014 s.44(1); DfE SEN2
    """A review due in the year and never held is late: it is in the denominator, not left out.
    (Before, the KPI divided by reviews held, so plans never reviewed made the rate look better.)"""
    facts = Facts(
        reviews=[
            ReviewFact(1, date(2024, 3, 1), None, ((date(2025, 2, 20), None),)),  # due 28 Feb, on time
            ReviewFact(2, date(2024, 5, 10), None, ()),  # due 9 May 2025, never held: late
            ReviewFact(3, date(2024, 6, 1), date(2025, 1, 31), ()),  # ceased before its review fell due
            ReviewFact(4, date(2025, 6, 1), None, ()),  # first review due in 2026: not in 2025
        ]
    )
    result = kpis(facts)["reviews_on_time"]
    assert (result.numerator_count, result.denominator_count) == (1, 2)
    assert result.denominator == frozenset({1, 2})
    assert result.denominator_label == "Reviews due"


def test_reviews_due_chain_from_each_meeting_and_from_a_missed_deadline():  # CFA 2014 s.44(1)
    plan = ReviewFact(7, date(2022, 3, 15), None, ((date(2023, 3, 1), None), (date(2024, 4, 1), None)))
    dues = reviews_due(plan, until=date(2026, 12, 31))
    assert [(d.due, d.held, d.on_time) for d in dues] == [
        (date(2023, 3, 14), date(2023, 3, 1), True),
        (date(2024, 2, 29), date(2024, 4, 1), False),  # 12 months starting 1 March 2023
        (date(2025, 3, 31), None, False),  # 12 months starting 1 April 2024, missed
        (date(2026, 3, 31), None, False),  # the next 12 months start the day after the missed deadline
    ]


def test_phase_transfers_by_15_february_and_31_march():  # reg 18(1)
    to_secondary = in_transfer_cohort(date(2014, 5, 1), 2025)
    to_post16 = in_transfer_cohort(date(2009, 5, 1), 2025)
    assert to_secondary is not None and to_post16 is not None
    assert (to_secondary.amended_plan_due, to_post16.amended_plan_due) == (
        date(2025, 2, 15),
        date(2025, 3, 31),
    )
    facts = Facts(
        transfers=[
            TransferFact(1, to_secondary, date(2025, 2, 15)),
            TransferFact(2, to_post16, date(2025, 4, 1)),
            TransferFact(3, to_post16, None),
        ]
    )
    result = kpis(facts)["phase_transfers"]
    assert (result.numerator_count, result.denominator_count) == (1, 3)


def test_appeals_counted_in_period():
    facts = Facts(
        appeals=[AppealFact(1, date(2025, 5, 1), "tribunal"), AppealFact(2, date(2024, 5, 1), "tribunal")]
    )
    assert kpis(facts)["appeals"].numerator == frozenset({1})


def test_caseload_breakdowns():
    def child(i: int, status: str, age: int, need: str = "Autistic spectrum disorder") -> ChildFact:
        return ChildFact(
            i, status, age, need, "Special school", "Kilburn", "White - British", "Male", False, False
        )

    result = caseload_breakdowns(
        [child(1, "ehcp", 4), child(2, "ehcp", 12), child(3, "support", 8), child(4, "eng", 9)]
    )
    assert result["Primary need"] == [("Autistic spectrum disorder", 2)]
    assert result["Age"] == [("Under 5", 1), ("11 to 15", 1)]
    assert dict(result["SEN status"]) == {"ehcp": 2, "support": 1, "eng": 1}


def test_kpi_without_denominator_has_no_rate():
    assert kpis(Facts())["requests"].percent is None
