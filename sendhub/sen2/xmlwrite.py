"""Write a SEN2 return from the dataclasses in ``xmlmodel``, streaming. No Django.

Each ``<Person>`` is written as text straight from its dataclass, in the element order of the year's
schema, escaped as lxml escapes text (``&``, ``<``, ``>``, carriage return), and indented as lxml's
``pretty_print`` indents it; ``tests/test_xmlmodel.py`` checks the bytes against lxml's own
serialisation. Building an lxml element per value cost twice the time of everything else in an export,
and the file is validated by libxml2 afterwards anyway.
Each section's leaf elements are written by a function generated from its spec (``_compile``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import IO, Any, Protocol

from lxml import etree

from sendhub.lib.gcpause import cycle_collection_paused
from sendhub.sen2.schema import SUPPORTED_EXPORT_YEARS
from sendhub.sen2.xmlmodel import (
    ASSESSMENT_FIELDS,
    NEED_FIELDS,
    PERSON_FIELDS,
    PLACEMENT_FIELDS,
    PLAN_DETAIL_FIELDS,
    PLAN_FIELDS,
    REQUEST_FIELDS,
    REVIEW_FIELDS,
    REVIEW_ORDER,
    Header,
    Person,
)


class WriteError(ValueError):
    pass


# Characters XML 1.0 cannot hold at all (lxml refuses them too): C0 controls other than tab, LF and CR.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_NEEDS_WORK = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

Spec = list[tuple[str, str, str]]
Leaves = Callable[[object], str]


def _escaped(text: str) -> str:
    if text.isalnum() or _NEEDS_WORK.search(text) is None:  # nearly always: codes, numbers, plain names
        return text
    if _NOT_XML.search(text):
        raise WriteError(f"{text!r} holds a control character that an XML file cannot contain")
    return text.translate(_ESCAPE)


def _compile(spec: Spec, depth: int) -> Leaves:
    """A function writing one section's leaf elements, generated from its spec: straight-line code, one
    test per element, instead of a loop over the spec with getattr (that loop was half of an export's
    time). Each spec is only ever written at one depth, so the indent goes into the opening tag."""
    indent = "  " * depth
    lines = ["def leaves(o):", "    s = ''"]
    for tag, attr, kind in spec:
        open_tag, close_tag = repr(f"{indent}<{tag}>"), repr(f"</{tag}>\n")
        if kind == "d":
            test, text = "v is not None", "v.isoformat()"
        else:
            test, text = "v is not None and v != ''", "(v if v.isalnum() else _escaped(v))"
        lines += [f"    v = o.{attr}", f"    if {test}:", f"        s += {open_tag} + {text} + {close_tag}"]
    lines.append("    return s")
    scope: dict[str, Any] = {"_escaped": _escaped}
    exec("\n".join(lines), scope)  # noqa: S102 - source built above from the fixed specs, no input
    leaves: Leaves = scope["leaves"]
    return leaves


_PERSON = _compile(PERSON_FIELDS, 1)
_REQUEST = {
    year: _compile([s for s in REQUEST_FIELDS if year >= 2025 or s[0] != "RequestSource"], 2)
    for year in SUPPORTED_EXPORT_YEARS
}
_ASSESSMENT = _compile(ASSESSMENT_FIELDS, 3)
_START = _compile([("StartDate", "start_date", "d")], 4)
_PLAN_DETAIL = _compile(PLAN_DETAIL_FIELDS, 5)
_PLAN = _compile(PLAN_FIELDS, 4)
_TRANSFER = _compile([("TransferLA", "transfer_la", "s")], 3)
_PLACEMENT = _compile(PLACEMENT_FIELDS, 4)
_NEED = _compile(NEED_FIELDS, 4)
_REVIEW = {
    year: _compile([(tag, *REVIEW_FIELDS[tag]) for tag in REVIEW_ORDER[year]], 3)
    for year in SUPPORTED_EXPORT_YEARS
}


def _element(indent: str, tag: str, inner: str) -> str:
    """A container element; with nothing inside, lxml writes it empty (``<Tag/>``)."""
    if inner:
        return f"{indent}<{tag}>\n{inner}{indent}</{tag}>\n"
    return f"{indent}<{tag}/>\n"


def person_text(person: Person, year: int) -> str:
    """One ``<Person>`` element, as lxml would pretty-print it, in the element order of ``year``'s schema."""
    s = _PERSON(person)
    request_leaves, review_leaves = _REQUEST[year], _REVIEW[year]
    for req in person.requests:
        r = request_leaves(req)
        assessment = req.assessment
        if assessment is not None:
            a = _ASSESSMENT(assessment)
            plan = assessment.named_plan
            if plan is not None:
                p = _START(plan)
                for detail in plan.plan_details:
                    p += _element("        ", "PlanDetail", _PLAN_DETAIL(detail))
                a += _element("      ", "NamedPlan", p + _PLAN(plan))
            r += _element("    ", "Assessment", a)
        active = req.active_plans
        if active is not None:
            x = _TRANSFER(active)
            for placement in active.placements:
                x += _element("      ", "PlacementDetail", _PLACEMENT(placement))
            for need in active.sen_needs:
                x += _element("      ", "SENneed", _NEED(need))
            r += _element("    ", "ActivePlans", x + review_leaves(active))
        s += _element("  ", "Requests", r)
    return _element("", "Person", s)


def header_element(header: Header) -> etree._Element:
    el = etree.Element("Header")
    cd = etree.SubElement(el, "CollectionDetails")
    etree.SubElement(cd, "Collection").text = "SEN2"
    etree.SubElement(cd, "Year").text = str(header.year)
    etree.SubElement(cd, "ReferenceDate").text = header.reference_date.isoformat()
    src = etree.SubElement(el, "Source")
    etree.SubElement(src, "SourceLevel").text = "L"
    etree.SubElement(src, "LEA").text = header.lea
    etree.SubElement(src, "SoftwareCode").text = header.software_code
    etree.SubElement(src, "Release").text = header.release
    etree.SubElement(src, "SerialNo").text = header.serial_no
    if header.date_time is not None:
        etree.SubElement(src, "DateTime").text = header.date_time.replace(microsecond=0).isoformat()
    etree.SubElement(src, "DMO").text = header.dmo
    etree.SubElement(src, "DCO").text = header.dco
    if header.year >= 2025 and header.dsco:
        etree.SubElement(src, "DSCO").text = header.dsco
    return el


_BATCH = 200  # persons per write: fewer calls into the file object, still a small buffer


class Watch(Protocol):
    """Sees what is written, with the file line it starts on (``validation.ExportCheck``)."""

    def header(self, header: Header, data: bytes, line: int) -> None: ...

    def persons(self, persons: list[Person], data: bytes, line: int) -> None: ...


def write_return(
    out: IO[bytes] | str, header: Header, persons: Iterable[Person], *, watch: Watch | None = None
) -> int:
    """Write a whole return, one person at a time; returns how many persons were written."""
    if header.year not in SUPPORTED_EXPORT_YEARS:
        raise WriteError(
            f"SEN2 {header.year} cannot be written: years {SUPPORTED_EXPORT_YEARS} are supported"
        )
    with cycle_collection_paused():  # the persons (and the rows they come from) hold no cycles
        if isinstance(out, str):
            with open(out, "wb") as f:
                return _write(f, header, persons, watch)
        return _write(out, header, persons, watch)


def _write(f: IO[bytes], header: Header, persons: Iterable[Person], watch: Watch | None) -> int:
    f.write(b"<?xml version='1.0' encoding='UTF-8'?>\n<Message>\n")
    data = etree.tostring(header_element(header), encoding="UTF-8", xml_declaration=False, pretty_print=True)
    f.write(data)
    if watch is not None:
        watch.header(header, data, 3)
    f.write(b"<Persons>\n")
    line = 4 + data.count(b"\n")  # where the next person starts
    count, texts, batch = 0, [], []
    for person in persons:
        texts.append(person_text(person, header.year))
        batch.append(person)
        count += 1
        if len(texts) == _BATCH:
            line = _flush(f, texts, batch, line, watch)
    _flush(f, texts, batch, line, watch)
    f.write(b"</Persons>\n</Message>")
    return count


def _flush(f: IO[bytes], texts: list[str], batch: list[Person], line: int, watch: Watch | None) -> int:
    data = "".join(texts).encode()
    f.write(data)
    if watch is not None and batch:
        watch.persons(list(batch), data, line)
    texts.clear()
    batch.clear()
    return line + data.count(b"\n")
