"""Turn libxml2 schema messages into plain English with a fix. No Django."""

from __future__ import annotations

import re
from collections.abc import Collection

_NAMES = {
    "UPN": "unique pupil number (UPN)",
    "UniqueLearnerNumber": "unique learner number (ULN)",
    "URN": "school URN",
    "UKPRN": "UK provider reference number (UKPRN)",
    "PersonBirthDate": "date of birth",
    "ReceivedDate": "date the request was received",
    "RequestOutcomeDate": "date of the decision on the request",
    "AssessmentOutcomeDate": "date of the assessment outcome",
    "StartDate": "date the plan started",
    "CeaseDate": "date the plan ceased",
    "EntryDate": "date the placement started",
    "LeavingDate": "date the placement ended",
    "SENtype": "type of need",
    "SENSetting": "type of setting",
}

_ENUM = re.compile(
    r"Element '(?P<el>[^']+)': \[facet 'enumeration'\] The value '(?P<v>[^']*)' is not an element "
    r"of the set \{(?P<set>[^}]*)\}"
)
_PATTERN = re.compile(r"Element '(?P<el>[^']+)': \[facet 'pattern'\] The value '(?P<v>[^']*)'")
_TYPE = re.compile(
    r"Element '(?P<el>[^']+)': '(?P<v>[^']*)' is not a valid value of the atomic type '(?P<t>[^']+)'"
)
_MINLEN = re.compile(r"Element '(?P<el>[^']+)': \[facet 'minLength'\]")
_NOT_EXPECTED = re.compile(
    r"Element '(?P<el>[^']+)': This element is not expected\.(?: Expected is (?:one of )?"
    r"\( (?P<exp>[^)]*) \))?"
)
_MISSING = re.compile(
    r"Element '(?P<el>[^']+)': Missing child element\(s\)\. Expected is (?:one of )?"
    r"\( (?P<exp>[^)]*) \)"
)

_FORMATS = {
    "xs:date": "a date written YYYY-MM-DD",
    "xs:gYear": "a year such as 2026",
    "xs:dateTime": "a date and time written YYYY-MM-DDThh:mm:ss",
}
_PATTERN_HELP = {
    "UPN": "A UPN is 13 characters: a letter, 11 digits, then a digit or a letter (e.g. A123456789012).",
    "UniqueLearnerNumber": "A ULN is 10 digits.",
    "URN": "A URN is 1 to 6 digits; look it up on Get Information about Schools.",
    "UKPRN": "A UKPRN is 8 digits; look it up on the UK Register of Learning Providers.",
    "SerialNo": "The serial number is 3 digits, e.g. 001.",
}


def name(element: str) -> str:
    return _NAMES.get(element, element)


def explain(message: str, mandatory: Collection[str] = ()) -> tuple[str, str]:
    """(plain-English message, fix) for one schema error message.

    ``mandatory`` names the elements the schema always requires (``schema.mandatory_elements``): when
    libxml2 says an element "is not expected" because a required one before it is missing, the message
    names the missing element rather than blaming the one that follows it.
    """
    message = message.strip()
    if m := _ENUM.match(message):
        allowed = ", ".join(v.strip("' ") for v in m["set"].split(","))
        return (
            f"'{m['v']}' is not an allowed code for {name(m['el'])}.",
            f"Use one of the codes in the SEN2 guide: {allowed}.",
        )
    if m := _PATTERN.match(message):
        return (
            f"'{m['v']}' is not a valid {name(m['el'])}.",
            _PATTERN_HELP.get(m["el"], "Correct the value to the format in the SEN2 guide."),
        )
    if m := _TYPE.match(message):
        wanted = _FORMATS.get(m["t"], m["t"])
        return f"'{m['v']}' is not a valid {name(m['el'])}.", f"Enter {wanted}."
    if m := _MINLEN.match(message):
        return f"{name(m['el'])} is empty.", "Enter a value, or leave the element out."
    if m := _NOT_EXPECTED.match(message):
        exp = m["exp"]
        expected = [e.strip() for e in exp.split(",")] if exp else []
        missing = next((e for e in expected if e in mandatory), None)
        if missing is not None:
            what = f"<{missing}>" if name(missing) == missing else f"<{missing}> ({name(missing)})"
            return (
                f"{what} is missing: it is required, before <{m['el']}>.",
                f"Add <{missing}> with its value before <{m['el']}>.",
            )
        hint = f" At this point the schema expects {exp.replace(', ', ' or ')}." if exp else ""
        return (
            f"<{m['el']}> is not allowed here, or is in the wrong order.{hint}",
            "Check the element name, its order and the schema year; remove it if it does not belong.",
        )
    if m := _MISSING.match(message):
        return (
            f"<{m['el']}> is missing a required element: {m['exp'].replace(', ', ' or ')}.",
            "Add the missing element with its value.",
        )
    return message, "Correct the element so that it matches the SEN2 schema for the collection year."
