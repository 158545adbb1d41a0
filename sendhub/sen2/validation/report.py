"""What a validation run finds: one ``Issue`` per problem, gathered in a ``Report``. No Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Enough to find the person in casework (the XSD has no person identifier)."""

    index: int  # 1-based position in the file
    key: str  # how the report names them
    upn: str | None = None
    uln: str | None = None
    surname: str = ""
    forename: str = ""
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class Issue:
    rule: str  # e.g. "XSD", "REQ-03"
    path: str  # element path, e.g. "Person[3]/Requests[1]/Assessment/AssessmentOutcomeDate"
    message: str  # plain English: what is wrong
    fix: str  # plain English: what to do about it
    person: PersonRef | None = None
    line: int | None = None

    @property
    def who(self) -> str:
        return self.person.key if self.person else "Header"


@dataclass(slots=True)
class Report:
    year: int | None = None
    persons: int = 0
    requests: int = 0
    issues: list[Issue] = field(default_factory=list)
    fatal: str | None = None  # the file could not be read at all
    truncated: int = 0  # issues not kept once max_issues was reached

    @property
    def ok(self) -> bool:
        return self.fatal is None and not self.issues

    @property
    def error_count(self) -> int:
        return len(self.issues) + self.truncated + (1 if self.fatal else 0)
