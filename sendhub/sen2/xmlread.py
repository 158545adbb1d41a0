"""Read a SEN2 return into the dataclasses of ``xmlmodel``, streaming. No Django.

``iter_elements`` uses ``iterparse`` and hands over each ``<Person>`` detached from the parse tree, so a
national-size return never sits in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any

from lxml import etree

from sendhub.sen2.xmlmodel import (
    ASSESSMENT_FIELDS,
    NEED_FIELDS,
    PERSON_FIELDS,
    PLACEMENT_FIELDS,
    PLAN_DETAIL_FIELDS,
    PLAN_FIELDS,
    REQUEST_FIELDS,
    REVIEW_FIELDS,
    ActivePlans,
    Assessment,
    Header,
    NamedPlan,
    Person,
    PlacementDetail,
    PlanDetail,
    Request,
    SENneed,
)


class ReadError(ValueError):
    """The file is not well-formed XML or not a SEN2 message."""


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)  # callers strip
    except ValueError:
        return None  # the XSD check reports the bad date; the rules treat it as missing


PERSON_READ = [*PERSON_FIELDS, ("GenderCurrent", "sex", "s")]  # 2023 called Sex GenderCurrent
_PLAN_READ = [("StartDate", "start_date", "d"), *PLAN_FIELDS]
_ACTIVE_READ = [("TransferLA", "transfer_la", "s"), *[(t, a, k) for t, (a, k) in REVIEW_FIELDS.items()]]
Leaves = dict[str, tuple[str, bool]]  # tag -> (attribute, is a date)


def _leaves(spec: list[tuple[str, str, str]]) -> Leaves:
    return {tag: (attr, kind == "d") for tag, attr, kind in spec}


_PERSON, _REQUEST, _ASSESSMENT = _leaves(PERSON_READ), _leaves(REQUEST_FIELDS), _leaves(ASSESSMENT_FIELDS)
_PLAN, _DETAIL, _ACTIVE = _leaves(_PLAN_READ), _leaves(PLAN_DETAIL_FIELDS), _leaves(_ACTIVE_READ)
_PLACEMENT, _NEED = _leaves(PLACEMENT_FIELDS), _leaves(NEED_FIELDS)


# One loop over each element's children that both fills the leaves and descends into the containers:
# a person is ~30 elements and a return can hold 100,000 persons, so this is the validator's hot path.
def _fill(obj: Any, el: etree._Element, leaves: Leaves) -> None:
    for child in el:
        hit = leaves.get(child.tag)  # comments (a function as tag) miss
        if hit is not None:
            text = child.text
            text = text.strip() if text else ""
            setattr(obj, hit[0], _date(text) if hit[1] else text)


def parse_person(el: etree._Element) -> Person:
    person = Person(line=el.sourceline)
    for child in el:
        tag = child.tag
        if tag == "Requests":
            person.requests.append(_request(child))
        elif (hit := _PERSON.get(tag)) is not None:
            text = child.text
            text = text.strip() if text else ""
            setattr(person, hit[0], _date(text) if hit[1] else text)
    return person


def _request(el: etree._Element) -> Request:
    req = Request()
    for child in el:
        tag = child.tag
        if tag == "Assessment":
            req.assessment = _assessment(child)
        elif tag == "ActivePlans":
            req.active_plans = _active(child)
        elif (hit := _REQUEST.get(tag)) is not None:
            text = child.text
            text = text.strip() if text else ""
            setattr(req, hit[0], _date(text) if hit[1] else text)
    return req


def _assessment(el: etree._Element) -> Assessment:
    assessment = Assessment()
    for child in el:
        tag = child.tag
        if tag == "NamedPlan":
            plan = assessment.named_plan = NamedPlan()
            for item in child:
                if item.tag == "PlanDetail":
                    detail = PlanDetail()
                    _fill(detail, item, _DETAIL)
                    plan.plan_details.append(detail)
                elif (hit := _PLAN.get(item.tag)) is not None:
                    text = item.text
                    text = text.strip() if text else ""
                    setattr(plan, hit[0], _date(text) if hit[1] else text)
        elif (hit := _ASSESSMENT.get(tag)) is not None:
            text = child.text
            text = text.strip() if text else ""
            setattr(assessment, hit[0], _date(text) if hit[1] else text)
    return assessment


def _active(el: etree._Element) -> ActivePlans:
    active = ActivePlans()
    for child in el:
        tag = child.tag
        if tag == "PlacementDetail":
            placement = PlacementDetail()
            _fill(placement, child, _PLACEMENT)
            active.placements.append(placement)
        elif tag == "SENneed":
            need = SENneed()
            _fill(need, child, _NEED)
            active.sen_needs.append(need)
        elif (hit := _ACTIVE.get(tag)) is not None:
            text = child.text
            text = text.strip() if text else ""
            setattr(active, hit[0], _date(text) if hit[1] else text)
    return active


def parse_header(el: etree._Element) -> Header:
    def text(path: str) -> str | None:
        found = el.find(path)
        return None if found is None or found.text is None else found.text.strip()

    year_text = text("CollectionDetails/Year") or ""
    stamp = text("Source/DateTime")
    try:
        stamp_value = datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        stamp_value = None
    return Header(
        year=int(year_text) if year_text.isascii() and year_text.isdigit() else 0,  # not "²⁰²⁶"
        reference_date=_date(text("CollectionDetails/ReferenceDate")) or date.min,
        lea=text("Source/LEA") or "",
        software_code=text("Source/SoftwareCode") or "",
        release=text("Source/Release") or "",
        serial_no=text("Source/SerialNo") or "",
        date_time=stamp_value,
        dmo=text("Source/DMO") or "",
        dco=text("Source/DCO") or "",
        dsco=text("Source/DSCO"),
    )


def _stray(el: etree._Element) -> bool:
    return isinstance(el.tag, str)  # comments and processing instructions are not elements


def iter_elements(source: IO[bytes] | str) -> Iterator[etree._Element]:  # noqa: C901 (one streaming pass over the XML events; split, it would walk the file twice)
    """Yield the ``<Header>`` and then each ``<Person>`` element, plus any element misplaced directly under
    ``<Message>`` or ``<Persons>`` (for the validator to report), in file order.

    Each person is yielded detached from the parse tree, so it lives only as long as the caller keeps it:
    memory stays flat however long the file, and the caller may move it into a tree of its own (the
    validator checks persons against the schema in batches). A person is detached once the parser has
    reached the next one: the parser may still be using the last element it finished.
    libxml2 filters the tags, so Python only sees the elements it needs.
    Whitespace between elements is dropped as it is parsed (the schema ignores it there, and moving and
    validating persons costs less without it); whitespace inside a value is kept.
    Raises ReadError when the file is not well-formed, declares a DTD (entities are never expanded) or its
    root is not ``<Message>``.
    """
    context = etree.iterparse(
        source,
        events=("end",),
        tag=("Header", "Person"),
        remove_comments=True,
        remove_blank_text=True,
        huge_tree=True,
        resolve_entities=False,
        no_network=True,
    )
    root: etree._Element | None = None
    persons: etree._Element | None = None
    try:
        for _event, el in context:
            if root is None:
                _refuse_dtd(el.getroottree().docinfo)
                root = el.getroottree().getroot()
                if root.tag != "Message":
                    raise ReadError(
                        f"This is not a SEN2 file: the first element is <{root.tag}>, not <Message>"
                    )
            parent = el.getparent()
            if parent is None:
                continue
            if parent is root and el.tag == "Header":
                yield from _earlier(parent, el)
                yield el
                el.clear(keep_tail=True)
            elif el.tag == "Person" and parent.tag == "Persons" and parent.getparent() is root:
                if persons is not None and persons is not parent:  # a second <Persons> (the XSD allows one)
                    yield from _earlier(persons, None)
                persons = parent
                yield from _earlier(parent, el)
            # a Header or Person anywhere else is left in the tree and reported below
        root = context.root
    except etree.XMLSyntaxError as e:
        raise ReadError(f"The file is not well-formed XML: {e.msg} (line {e.lineno})") from e
    if root is None:
        return
    if root.tag != "Message":
        raise ReadError(f"This is not a SEN2 file: the first element is <{root.tag}>, not <Message>")
    if persons is not None and len(persons):
        yield from _earlier(persons, None)
    for child in root:
        if child.tag not in ("Header", "Persons") and _stray(child):
            yield child
        elif child.tag == "Persons":
            yield from (c for c in child if c.tag != "Person" and _stray(c))


def _refuse_dtd(docinfo: etree.DocInfo) -> None:
    """A SEN2 file has no document type declaration. One with a DTD is refused before anything is read:
    entities are never expanded (``resolve_entities=False``: no entity expansion attack, no external
    file read), and an unexpanded entity reference would otherwise reach the schema check, which libxml2
    cannot validate ("Internal error in XML Schema validation")."""
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.system_url:
        raise ReadError(
            "The file has a document type declaration (<!DOCTYPE ...>), which SEN2 files do not have: "
            "entities and DTDs are not accepted. Export the file again without it."
        )


def _earlier(parent: etree._Element, current: etree._Element | None) -> Iterator[etree._Element]:
    """Detach and yield the children before ``current`` (all of them for None): persons, and strays."""
    if current is None:
        before = list(parent)
    else:  # walked back from ``current``: normally one person (``len(parent)`` would walk all children)
        before = []
        prev = current.getprevious()
        while prev is not None:
            before.append(prev)
            prev = prev.getprevious()
        before.reverse()
    for first in before:
        parent.remove(first)
        if first.tag == "Person" or (first.tag not in ("Header", "Persons") and _stray(first)):
            yield first  # a person, or a stray to report (the header was already read)


def read_return(source: IO[bytes] | str) -> tuple[Header | None, Iterator[Person]]:
    """The header (None when the file has none) and an iterator over its persons.

    The header is read eagerly; the persons lazily, so a large file is never held whole.
    """
    elements = iter_elements(source)
    first = next(elements, None)
    header: Header | None = None
    pending: etree._Element | None = None
    if first is not None and first.tag == "Header":
        header = parse_header(first)
    elif first is not None:
        pending = first

    def persons() -> Iterator[Person]:
        if pending is not None:
            yield parse_person(pending)
        for el in elements:
            if el.tag == "Person":
                yield parse_person(el)

    return header, persons()
