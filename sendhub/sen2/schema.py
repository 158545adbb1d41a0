"""Load the (fixed) SEN2 XSD for a collection year. No Django.

The schemas under ``schemas/`` are SEND Hub's corrected copies of the community XSDs (see
docs/domains/sen2.md, "Schemas", for every fix). Compiled schemas are cached per year: compiling
takes ~20 ms and a schema is immutable.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_YEARS = (2022, 2023, 2024, 2025, 2026, 2027)
# Years whose structure the writer and the cross-field rules know (Sex, NamedPlan/ActivePlans modules).
SUPPORTED_EXPORT_YEARS = (2024, 2025, 2026, 2027)
# A collection whose schema DfE has not published yet uses the latest published schema's structure:
# the January 2027 return is checked and written as the 2026 schema says (the casework runs on through
# 2026, so the return has to be made) until DfE publishes the 2027 schema, which then replaces this entry.
PROVISIONAL_SCHEMA_YEARS: dict[int, int] = {2027: 2026}
_XS = "http://www.w3.org/2001/XMLSchema"


class UnknownYear(ValueError):
    pass


def schema_path(year: int) -> Path:
    if year not in SCHEMA_YEARS:
        raise UnknownYear(
            f"There is no SEN2 schema for {year}: choose one of {', '.join(map(str, SCHEMA_YEARS))}"
        )
    return SCHEMA_DIR / f"sen2_schema_{PROVISIONAL_SCHEMA_YEARS.get(year, year)}.xsd"


def provisional_note(year: int) -> str | None:
    """What the page and the command say about a year checked against an earlier year's schema."""
    latest = PROVISIONAL_SCHEMA_YEARS.get(year)
    if latest is None:
        return None
    return (
        f"DfE has not published the SEN2 {year} schema yet: the {year} return uses the structure of the "
        f"{latest} schema, the latest published, until it does."
    )


def _schema_doc(year: int) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(schema_path(year)), parser)


@cache
def mandatory_elements(year: int) -> frozenset[str]:
    """Names of the elements the year's schema requires wherever it declares them (``minOccurs`` not 0).

    libxml2 reports a missing mandatory element as the *next* element being "not expected"; this set lets
    the message name the missing one instead (``validation.xsd.explain``).
    """
    required: set[str] = set()
    optional: set[str] = set()
    for el in _schema_doc(year).iter(f"{{{_XS}}}element"):
        element_name = el.get("name")
        if element_name:
            (optional if el.get("minOccurs") == "0" else required).add(element_name)
    return frozenset(required - optional)


@cache
def load_schema(year: int) -> etree.XMLSchema:
    """The compiled schema for a whole ``<Message>``."""
    return etree.XMLSchema(_schema_doc(year))


@cache
def load_part_schema(year: int) -> etree.XMLSchema:
    """``part_schema``, compiled once per year (for use on one thread at a time: a schema keeps one error log)."""
    return part_schema(year)


def part_schema(year: int) -> etree.XMLSchema:
    """The same schema with ``<Header>``, ``<Persons>`` and ``<Person>`` also declared as global elements.

    This lets the validator check a batch of persons, or one person, at a time while streaming (XSD validation of a whole
    message needs the whole tree in memory); the types are the year's own, so the verdict is the same.
    """
    doc = _schema_doc(year)
    root = doc.getroot()
    for name, type_name in (
        ("Header", "headertype"),
        ("Persons", "personstype"),
        ("Person", "persondetailstype"),
    ):
        el = etree.SubElement(root, f"{{{_XS}}}element")
        el.set("name", name)
        el.set("type", type_name)
    return etree.XMLSchema(doc)
