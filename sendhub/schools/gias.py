"""Reading the DfE "Get Information About Schools" (GIAS) establishment CSV.

GIAS's column names (URN, EstablishmentName, "PhaseOfEducation (name)", …) are the contract; other
columns are ignored, so the full national extract (every establishment in England: independent,
non-maintained special, specialist post-16, other areas' schools, closed ones) or a filtered one both work.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

REQUIRED_COLUMNS = (
    "URN",
    "EstablishmentName",
    "LA (code)",
    "PhaseOfEducation (name)",
    "TypeOfEstablishment (name)",
)

PHASES = {
    "nursery": "nursery",
    "primary": "primary",
    "middle deemed primary": "primary",
    "secondary": "secondary",
    "middle deemed secondary": "secondary",
    "all-through": "all_through",
    "16 plus": "16_plus",
    "not applicable": "not_applicable",
}


@dataclass(frozen=True)
class GiasRow:
    urn: int
    ukprn: str
    name: str
    phase: str
    setting_type: str
    establishment_type: str
    la_code: str
    la_name: str
    ward: str
    postcode: str
    is_open: bool


@dataclass(frozen=True)
class GiasProblem:
    line: int
    message: str


# GIAS "TypeOfEstablishment (name)" values (its code list, 2024) and the setting type each one is.
ESTABLISHMENT_SETTINGS = {
    "community school": "mainstream",
    "voluntary aided school": "mainstream",
    "voluntary controlled school": "mainstream",
    "foundation school": "mainstream",
    "city technology college": "mainstream",
    "academy sponsor led": "mainstream",
    "academy converter": "mainstream",
    "free schools": "mainstream",
    "university technical college": "mainstream",
    "studio schools": "mainstream",
    "community special school": "special",
    "foundation special school": "special",
    "academy special sponsor led": "special",
    "academy special converter": "special",
    "free schools special": "special",
    "non-maintained special school": "non_maintained_special",
    "other independent special school": "independent_special",
    "other independent school": "independent",
    "special post 16 institution": "specialist_post16",
    "pupil referral unit": "ap_pru",
    "academy alternative provision converter": "ap_pru",
    "academy alternative provision sponsor led": "ap_pru",
    "free schools alternative provision": "ap_pru",
    "further education": "fe",
    "sixth form centres": "fe",
    "academy 16-19 converter": "fe",
    "academy 16 to 19 sponsor led": "fe",
    "free schools 16 to 19": "fe",
    "local authority nursery school": "early_years",
    "la nursery school": "early_years",
}
MAINSTREAM_TYPES = {"mainstream"}  # the only ones a resourced provision or SEN unit turns into "resourced"


def setting_type_for(establishment_type: str, has_resourced_provision: bool) -> str:
    """The setting type of a GIAS type of establishment; types GIAS adds later fall back on their words."""
    kind = establishment_type.strip().lower()
    setting = ESTABLISHMENT_SETTINGS.get(kind) or _setting_from_words(kind)
    if setting in MAINSTREAM_TYPES and has_resourced_provision:
        return "resourced"
    return setting


def _setting_from_words(kind: str) -> str:
    if "pupil referral" in kind or "alternative provision" in kind:
        return "ap_pru"
    if "special" in kind and "post 16" in kind:
        return "specialist_post16"
    if "non-maintained" in kind and "special" in kind:
        return "non_maintained_special"
    if "special" in kind:
        return "independent_special" if "independent" in kind else "special"
    if "independent" in kind:
        return "independent"
    if "further education" in kind or "sixth form" in kind or "16 to 19" in kind or "16-19" in kind:
        return "fe"
    if "nursery" in kind:
        return "early_years"
    if "school" in kind or "academy" in kind or "college" in kind:
        return "mainstream"
    return "other"


def _csv_rows(reader: csv.DictReader[str]) -> Iterator[dict[str, str] | GiasProblem]:
    """The rows, or one problem where the file stops being CSV (a stray carriage return, a huge field)."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield GiasProblem(reader.line_num, f"This line cannot be read as CSV ({e})")
            return
        yield row


def read_gias(lines: Iterable[str]) -> Iterator[GiasRow | GiasProblem]:
    reader = csv.DictReader(lines)
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as e:
        yield GiasProblem(1, f"The first line cannot be read as CSV ({e})")
        return
    missing = [c for c in REQUIRED_COLUMNS if c not in fieldnames]
    if missing:
        yield GiasProblem(1, f"The file is missing the GIAS column(s): {', '.join(missing)}")
        return
    for line, row in enumerate(_csv_rows(reader), start=2):
        if isinstance(row, GiasProblem):
            yield row
            return
        urn = (row.get("URN") or "").strip()
        if not (urn.isascii() and urn.isdigit()):  # int() refuses superscript digits
            yield GiasProblem(line, f"URN {urn!r} is not a number")
            continue
        phase = PHASES.get((row.get("PhaseOfEducation (name)") or "").strip().lower())
        if phase is None:
            yield GiasProblem(line, f"Unknown phase of education {row.get('PhaseOfEducation (name)')!r}")
            continue
        establishment = (row.get("TypeOfEstablishment (name)") or "").strip()
        resourced = (row.get("ResourcedProvisionOnRoll") or "").strip() not in ("", "0")
        yield GiasRow(
            urn=int(urn),
            ukprn=(row.get("UKPRN") or "").strip(),
            name=(row.get("EstablishmentName") or "").strip(),
            phase=phase,
            setting_type=setting_type_for(establishment, resourced),
            establishment_type=establishment,
            la_code=(row.get("LA (code)") or "").strip(),
            la_name=(row.get("LA (name)") or "").strip(),
            ward=(row.get("AdministrativeWard (name)") or "").strip(),
            postcode=(row.get("Postcode") or "").strip(),
            is_open=(row.get("EstablishmentStatus (name)") or "Open").strip().lower().startswith("open"),
        )
