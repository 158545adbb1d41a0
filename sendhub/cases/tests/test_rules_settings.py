"""Section I named settings as SEN2 PlanDetail items 4.7a-4.7f describe them (one of URN/UKPRN or type;
a SEN unit or resourced provision only within a named institution), and work-based learning only over
compulsory school age."""

from __future__ import annotations

from datetime import date

import pytest

from sendhub.cases.rules.reviews import school_leaving_date
from sendhub.cases.rules.settings import NamedSetting, named_setting_problems, work_based_problem

NONE = NamedSetting()
SCHOOL_1, SCHOOL_2 = NamedSetting(institution=1), NamedSetting(institution=2)


@pytest.mark.parametrize(
    ("main", "second", "problems"),
    [
        (NONE, NONE, []),
        (SCHOOL_1, NONE, []),
        (SCHOOL_1, SCHOOL_2, []),
        (NamedSetting(setting_type="EHE"), NONE, []),
        (NamedSetting(setting_type="OTH", description="A special school for autism"), NONE, []),
        (SCHOOL_1, NamedSetting(setting_type="OLA"), []),
        (
            NamedSetting(institution=1, setting_type="EHE"),
            NONE,
            ["Choose a school or a type of setting for the main setting, not both"],
        ),
        (
            NamedSetting(setting_type="NIEO"),
            NONE,
            ["Describe the main setting: the return asks for more about this type"],
        ),
        (
            NamedSetting(setting_type="NIEO", description="   "),
            NONE,
            ["Describe the main setting: the return asks for more about this type"],
        ),
        (
            SCHOOL_1,
            NamedSetting(description="Forest school on Fridays"),
            ["A description is for a type of setting: choose the type of the second setting"],
        ),
        (NONE, SCHOOL_2, ["Name the main setting before a second one"]),
        (SCHOOL_1, SCHOOL_1, ["The second setting must differ from the named setting"]),
        # Items 4.7e/4.7f: a unit or resourced provision within the named institution.
        (NamedSetting(institution=1, sen_unit=True), NONE, []),
        (SCHOOL_1, NamedSetting(institution=2, resourced_provision=True), []),
        (NamedSetting(institution=1, sen_unit=True, resourced_provision=True), NONE, []),
        (
            NamedSetting(setting_type="OTH", sen_unit=True),
            NONE,
            [
                "A SEN unit or resourced provision is part of a school: name the school for the main setting"
                " rather than a type of setting, or untick it"
            ],
        ),
        (
            SCHOOL_1,
            NamedSetting(setting_type="OLA", resourced_provision=True),
            [
                "A SEN unit or resourced provision is part of a school: name the school for the second"
                " setting rather than a type of setting, or untick it"
            ],
        ),
        (
            NamedSetting(sen_unit=True),
            NONE,
            [
                "A SEN unit or resourced provision is part of a school: name the school for the main setting,"
                " or untick it"
            ],
        ),
        (
            SCHOOL_1,
            NamedSetting(resourced_provision=True),
            [
                "A SEN unit or resourced provision is part of a school: name the school for the second setting,"
                " or untick it"
            ],
        ),
    ],
)
def test_named_setting_problems(main, second, problems):
    assert named_setting_problems(main, second) == problems


BORN = date(2010, 3, 15)  # 16 on 15 March 2026, in year 11 until the leaving date, Friday 26 June 2026
IN_SCHOOL = (
    "Work-based learning ({}) is only for young people over compulsory school age, and this child is of "
    "compulsory school age until {} (the last Friday in June of the school year they turn 16). "
    "Choose None, or check the date of birth"
)


@pytest.mark.parametrize(
    ("birth", "leaves"),
    [
        # Education Act 1996 s.8(3)-(4) and the School Leaving Date Order 1997: the last Friday in June of
        # the school year in which the child turns 16 (30 June 2026 is a Tuesday).
        (BORN, date(2026, 6, 26)),
        (date(2010, 8, 31), date(2026, 6, 26)),  # 16 in August, after the leaving date: still that June
        (date(2009, 9, 1), date(2026, 6, 26)),  # 16 on 1 September 2025, the start of year 11: next June
        (date(2009, 8, 31), date(2025, 6, 27)),  # the youngest of the year before (30 June 2025: Monday)
        (date(2008, 2, 29), date(2024, 6, 28)),  # a leap day (30 June 2024: Sunday)
        (date(2011, 1, 1), date(2027, 6, 25)),  # 30 June 2027 is a Wednesday
        (date(2012, 1, 1), date(2028, 6, 30)),  # 30 June 2028 is itself a Friday
    ],
)
def test_school_leaving_date(birth, leaves):
    assert school_leaving_date(birth) == leaves


@pytest.mark.parametrize(
    ("birth", "code", "on", "problem"),
    [
        # No work-based learning: nothing to check, at any age.
        (BORN, "", date(2020, 9, 1), None),
        # Apprenticeships (A), traineeships (T) and supported internships (S) are post-16 routes, for young
        # people over compulsory school age (Education Act 1996 s.8): from the day after the leaving date.
        (BORN, "A", date(2020, 9, 1), IN_SCHOOL.format("apprenticeship", "26 June 2026")),
        (
            BORN,
            "S",
            date(2026, 3, 15),
            IN_SCHOOL.format("supported internship", "26 June 2026"),
        ),  # 16, year 11
        (BORN, "T", date(2026, 6, 26), IN_SCHOOL.format("traineeship", "26 June 2026")),  # the leaving date
        (BORN, "T", date(2026, 6, 27), None),  # the day after
        (BORN, "A", date(2033, 9, 1), None),  # and on to 25, when a plan may still name it
        # A summer-born child leaves school at 15 and may start an apprenticeship in July.
        (date(2010, 8, 20), "A", date(2026, 7, 1), None),
        # An autumn-born child is 16 all through year 11 and may not.
        (date(2009, 9, 1), "A", date(2025, 10, 1), IN_SCHOOL.format("apprenticeship", "26 June 2026")),
        (date(2008, 2, 29), "S", date(2024, 6, 29), None),
    ],
)
def test_work_based_learning_is_only_over_compulsory_school_age(birth, code, on, problem):
    assert work_based_problem(birth, code, on) == problem
