"""Reading the DfE "Get Information About Schools" (GIAS) establishment CSV.

GIAS's column names (URN, EstablishmentName, "PhaseOfEducation (name)", …) are the contract; other
columns are ignored, so a full national extract or a filtered one both work.
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
    ward: str
    postcode: str
    is_open: bool


@dataclass(frozen=True)
class GiasProblem:
    line: int
    message: str


def setting_type_for(establishment_type: str, has_resourced_provision: bool) -> str:
    kind = establishment_type.lower()
    if "pupil referral" in kind or "alternative provision" in kind:
        return "ap_pru"
    if "special" in kind:
        return "independent_special" if ("non-maintained" in kind or "independent" in kind) else "special"
    if "further education" in kind or "sixth form" in kind:
        return "fe"
    if "nursery" in kind:
        return "early_years"
    if "school" in kind or "academy" in kind or "free school" in kind:
        return "resourced" if has_resourced_provision else "mainstream"
    return "other"


def read_gias(lines: Iterable[str]) -> Iterator[GiasRow | GiasProblem]:
    reader = csv.DictReader(lines)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        yield GiasProblem(1, f"The file is missing the GIAS column(s): {', '.join(missing)}")
        return
    for line, row in enumerate(reader, start=2):
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
            ward=(row.get("AdministrativeWard (name)") or "").strip(),
            postcode=(row.get("Postcode") or "").strip(),
            is_open=(row.get("EstablishmentStatus (name)") or "Open").strip().lower().startswith("open"),
        )
