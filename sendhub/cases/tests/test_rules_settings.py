"""Section I named settings as SEN2 PlanDetail items 4.7a-4.7f describe them (one of URN/UKPRN or type;
a SEN unit or resourced provision only within a named institution)."""

from __future__ import annotations

import pytest

from sendhub.cases.rules.settings import NamedSetting, named_setting_problems

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
