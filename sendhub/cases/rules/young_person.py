"""Who is a young person under the Act: the rights of Part 3 pass from the parent to them.

Children and Families Act 2014 s.83(2): "young person" means a person over compulsory school age but under
25 ("child" means a person who is not over compulsory school age). Compulsory school age ends on the school
leaving date of the school year in which the person turns 16 (Education Act 1996 s.8; ``school_leaving_date``),
so it is "16 or over" only roughly: a pupil who turns 16 in September is still a child until the June after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sendhub.cases.rules.reviews import school_leaving_date


def twenty_fifth_birthday(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + 25)
    except ValueError:  # born 29 February: 1 March in a year without one
        return date(birth.year + 25, 3, 1)


@dataclass(frozen=True, slots=True)
class YoungPersonCheck:
    allowed: bool
    reason: str  # empty when allowed


def young_person_check(birth: date | None, today: date) -> YoungPersonCheck:
    """May this person hold their own account as a young person today (CFA 2014 s.83(2))?"""
    if birth is None:
        return YoungPersonCheck(
            False, "Record the date of birth first: a young person must be over school age"
        )
    over_school_age_from = school_leaving_date(birth) + timedelta(days=1)
    if today < over_school_age_from:
        return YoungPersonCheck(
            False,
            "Under 16 or still of compulsory school age: the parent or carer holds the rights until "
            f"{over_school_age_from:%-d %B %Y}, when the rights pass to the young person "
            "(Children and Families Act 2014 s.83(2))",
        )
    if today >= twenty_fifth_birthday(birth):
        return YoungPersonCheck(
            False, "25 or over: no longer a young person under the Children and Families Act 2014 s.83(2)"
        )
    return YoungPersonCheck(True, "")
