"""Section I named settings as SEN2 PlanDetail items 4.7a-4.7f describe them (one of URN/UKPRN or type;
a SEN unit or resourced provision only within a named institution), and work-based learning only from 16."""

from __future__ import annotations

from datetime import date

import pytest

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


BORN = date(2010, 3, 15)  # 16 on 15 March 2026
LEAP = date(2008, 2, 29)  # 16 on 29 February 2024: 16 years on from a leap day is a leap day (until 2100)
TOO_YOUNG = "Work-based learning ({}) is only for young people aged 16 or over, and this child is {} on {}."


@pytest.mark.parametrize(
    ("birth", "code", "on", "problem"),
    [
        # No work-based learning: nothing to check, at any age.
        (BORN, "", date(2020, 9, 1), None),
        # Apprenticeships (A), traineeships (T) and supported internships (S) are post-16 routes, for young
        # people over compulsory school age (Education Act 1996 s.8): the child must be 16 on the day.
        (BORN, "A", date(2020, 9, 1), TOO_YOUNG.format("apprenticeship", 10, "1 September 2020")),
        (BORN, "T", date(2026, 3, 14), TOO_YOUNG.format("traineeship", 15, "14 March 2026")),
        (BORN, "S", date(2026, 3, 15), None),  # the 16th birthday itself
        (BORN, "S", date(2026, 3, 16), None),
        (BORN, "A", date(2033, 9, 1), None),  # and on to 25, when a plan may still name it
        # Born on a leap day: 16 on the leap day 16 years on, and not the day before.
        (LEAP, "A", date(2024, 2, 28), TOO_YOUNG.format("apprenticeship", 15, "28 February 2024")),
        (LEAP, "A", date(2024, 2, 29), None),
        (date(2009, 2, 28), "A", date(2025, 2, 28), None),
        (
            date(2008, 2, 29),
            "S",
            date(2023, 2, 28),
            TOO_YOUNG.format("supported internship", 14, "28 February 2023"),
        ),
    ],
)
def test_work_based_learning_is_only_from_16(birth, code, on, problem):
    found = work_based_problem(birth, code, on)
    if problem is None:
        assert found is None
    else:
        assert found == problem + " Choose None, or check the date of birth"
