"""The SEN2 return as plain dataclasses, with a streaming writer and a streaming reader. No Django.

Class and field names follow the XSD elements (``Requests`` is one request: the XSD repeats the
``<Requests>`` element once per request). Codes and 0/1 indicators stay strings, exactly as in the file,
so reading and writing a file gives the same bytes back; dates are ``datetime.date``.

The writer uses ``lxml.etree.xmlfile`` and takes an iterator of persons, so a national-size return
never sits in memory; the reader uses ``iterparse`` and clears each ``<Person>`` after yielding it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from lxml import etree

from sendhub.sen2.schema import SUPPORTED_EXPORT_YEARS


@dataclass(slots=True)
class Header:
    year: int
    reference_date: date
    lea: str
    software_code: str = "SEND Hub"
    release: str = "1.0"
    serial_no: str = "001"
    date_time: datetime | None = None
    dmo: str = "Y"  # designated medical officer in post (Y/N/R recruiting)
    dco: str = "Y"  # designated clinical officer in post
    dsco: str | None = "Y"  # designated social care officer (2025 on)


@dataclass(slots=True)
class PlanDetail:  # a setting named in the plan (section I); also the shape of PlacementDetail
    urn: str | None = None
    ukprn: str | None = None
    sen_setting: str | None = None
    sen_setting_other: str | None = None
    placement_rank: str | None = None
    sen_unit_indicator: str | None = None
    resourced_provision_indicator: str | None = None


@dataclass(slots=True)
class NamedPlan:
    start_date: date | None = None
    plan_details: list[PlanDetail] = field(default_factory=list)
    plan_res: str | None = None
    plan_wbp: str | None = None
    pb: str | None = None
    oa: str | None = None
    dp: str | None = None
    cease_date: date | None = None
    cease_reason: str | None = None


@dataclass(slots=True)
class Assessment:
    assessment_outcome: str | None = None
    assessment_outcome_date: date | None = None
    assessment_mediation: str | None = None
    assessment_tribunal: str | None = None
    other_mediation: str | None = None
    other_tribunal: str | None = None
    week20: str | None = None
    named_plan: NamedPlan | None = None


@dataclass(slots=True)
class PlacementDetail:
    urn: str | None = None
    ukprn: str | None = None
    sen_setting: str | None = None
    sen_setting_other: str | None = None
    placement_rank: str | None = None
    entry_date: date | None = None
    leaving_date: date | None = None
    sen_unit_indicator: str | None = None
    resourced_provision_indicator: str | None = None
    res: str | None = None
    wbp: str | None = None


@dataclass(slots=True)
class SENneed:
    sen_type: str | None = None
    sen_type_rank: str | None = None


@dataclass(slots=True)
class ActivePlans:
    transfer_la: str | None = None
    placements: list[PlacementDetail] = field(default_factory=list)
    sen_needs: list[SENneed] = field(default_factory=list)
    review_meeting: date | None = None
    review_outcome: str | None = None
    review_draft: date | None = None
    phase_transfer_due_date: date | None = None
    phase_transfer_final_date: date | None = None
    last_review: date | None = None


@dataclass(slots=True)
class Request:
    received_date: date | None = None
    request_source: str | None = None
    rya: str | None = None
    request_outcome_date: date | None = None
    request_outcome: str | None = None
    request_mediation: str | None = None
    request_tribunal: str | None = None
    exported: str | None = None
    assessment: Assessment | None = None
    active_plans: ActivePlans | None = None


@dataclass(slots=True)
class Person:
    surname: str = ""
    forename: str = ""
    person_birth_date: date | None = None
    sex: str | None = None
    ethnicity: str | None = None
    post_code: str | None = None
    upn: str | None = None
    unique_learner_number: str | None = None
    upn_unknown: str | None = None
    requests: list[Request] = field(default_factory=list)
    line: int | None = None  # where the person starts in the file it was read from

    @property
    def key(self) -> str:
        """How a person is named in an error report (the XSD has no person identifier)."""
        if self.upn:
            return f"UPN {self.upn}"
        if self.unique_learner_number:
            return f"ULN {self.unique_learner_number}"
        born = self.person_birth_date.isoformat() if self.person_birth_date else "no date of birth"
        return f"{self.forename} {self.surname} (born {born})"


# Element order per section (the XSD sequences; they differ by year). Each entry: (element, attribute, kind).
_PERSON = [
    ("Surname", "surname", "s"),
    ("Forename", "forename", "s"),
    ("PersonBirthDate", "person_birth_date", "d"),
    ("Sex", "sex", "s"),
    ("Ethnicity", "ethnicity", "s"),
    ("PostCode", "post_code", "s"),
    ("UPN", "upn", "s"),
    ("UniqueLearnerNumber", "unique_learner_number", "s"),
    ("UPNunknown", "upn_unknown", "s"),
]
_REQUEST_HEAD = [
    ("ReceivedDate", "received_date", "d"),
    ("RequestSource", "request_source", "s"),
    ("RYA", "rya", "s"),
    ("RequestOutcomeDate", "request_outcome_date", "d"),
    ("RequestOutcome", "request_outcome", "s"),
    ("RequestMediation", "request_mediation", "s"),
    ("RequestTribunal", "request_tribunal", "s"),
    ("Exported", "exported", "s"),
]
_ASSESSMENT = [
    ("AssessmentOutcome", "assessment_outcome", "s"),
    ("AssessmentOutcomeDate", "assessment_outcome_date", "d"),
    ("AssessmentMediation", "assessment_mediation", "s"),
    ("AssessmentTribunal", "assessment_tribunal", "s"),
    ("OtherMediation", "other_mediation", "s"),
    ("OtherTribunal", "other_tribunal", "s"),
    ("Week20", "week20", "s"),
]
_PLAN_AFTER = [
    ("PlanRes", "plan_res", "s"),
    ("PlanWBP", "plan_wbp", "s"),
    ("PB", "pb", "s"),
    ("OA", "oa", "s"),
    ("DP", "dp", "s"),
    ("CeaseDate", "cease_date", "d"),
    ("CeaseReason", "cease_reason", "s"),
]
_SETTING = [
    ("URN", "urn", "s"),
    ("UKPRN", "ukprn", "s"),
    ("SENSetting", "sen_setting", "s"),
    ("SENSettingOther", "sen_setting_other", "s"),
    ("PlacementRank", "placement_rank", "s"),
]
_INDICATORS = [
    ("SENunitIndicator", "sen_unit_indicator", "s"),
    ("ResourcedProvisionIndicator", "resourced_provision_indicator", "s"),
]
_PLAN_DETAIL = _SETTING + _INDICATORS
_PLACEMENT = [
    *_SETTING,
    ("EntryDate", "entry_date", "d"),
    ("LeavingDate", "leaving_date", "d"),
    *_INDICATORS,
    ("Res", "res", "s"),
    ("WBP", "wbp", "s"),
]
_NEED = [("SENtype", "sen_type", "s"), ("SENtypeRank", "sen_type_rank", "s")]
_REVIEW = {
    "ReviewMeeting": ("review_meeting", "d"),
    "ReviewOutcome": ("review_outcome", "s"),
    "ReviewDraft": ("review_draft", "d"),
    "PhaseTransferDueDate": ("phase_transfer_due_date", "d"),
    "PhaseTransferFinalDate": ("phase_transfer_final_date", "d"),
    "LastReview": ("last_review", "d"),
}
_REVIEW_ORDER = {
    2024: ["ReviewMeeting", "ReviewOutcome", "LastReview"],
    2025: [
        "ReviewMeeting",
        "LastReview",
        "ReviewOutcome",
        "ReviewDraft",
        "PhaseTransferDueDate",
        "PhaseTransferFinalDate",
    ],
    2026: [
        "ReviewMeeting",
        "ReviewOutcome",
        "ReviewDraft",
        "PhaseTransferDueDate",
        "PhaseTransferFinalDate",
        "LastReview",
    ],
}


class WriteError(ValueError):
    pass


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _add(parent: etree._Element, obj: object, spec: Iterable[tuple[str, str, str]]) -> None:
    for tag, attr, _kind in spec:
        value = getattr(obj, attr)
        if value is not None and value != "":
            etree.SubElement(parent, tag).text = _text(value)


def person_element(person: Person, year: int) -> etree._Element:
    """One ``<Person>`` element in the element order of ``year``'s schema."""
    el = etree.Element("Person")
    _add(el, person, _PERSON)
    for req in person.requests:
        r = etree.SubElement(el, "Requests")
        head = _REQUEST_HEAD if year >= 2025 else [s for s in _REQUEST_HEAD if s[0] != "RequestSource"]
        _add(r, req, head)
        if req.assessment is not None:
            a = etree.SubElement(r, "Assessment")
            _add(a, req.assessment, _ASSESSMENT)
            plan = req.assessment.named_plan
            if plan is not None:
                p = etree.SubElement(a, "NamedPlan")
                _add(p, plan, [("StartDate", "start_date", "d")])
                for detail in plan.plan_details:
                    _add(etree.SubElement(p, "PlanDetail"), detail, _PLAN_DETAIL)
                _add(p, plan, _PLAN_AFTER)
        if req.active_plans is not None:
            ap = req.active_plans
            x = etree.SubElement(r, "ActivePlans")
            _add(x, ap, [("TransferLA", "transfer_la", "s")])
            for placement in ap.placements:
                _add(etree.SubElement(x, "PlacementDetail"), placement, _PLACEMENT)
            for need in ap.sen_needs:
                _add(etree.SubElement(x, "SENneed"), need, _NEED)
            _add(x, ap, [(tag, *_REVIEW[tag]) for tag in _REVIEW_ORDER[year]])
    return el


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


def write_return(out: IO[bytes] | str, header: Header, persons: Iterable[Person]) -> int:
    """Write a whole return, one person at a time; returns how many persons were written."""
    if header.year not in SUPPORTED_EXPORT_YEARS:
        raise WriteError(
            f"SEN2 {header.year} cannot be written: years {SUPPORTED_EXPORT_YEARS} are supported"
        )
    count = 0
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            xf.write("\n")
            xf.write(header_element(header), pretty_print=True)
            with xf.element("Persons"):
                xf.write("\n")
                for person in persons:
                    xf.write(person_element(person, header.year), pretty_print=True)
                    count += 1
                    if count % 1000 == 0:
                        xf.flush()
            xf.write("\n")
    return count


# ---------------------------------------------------------------- reading


class ReadError(ValueError):
    """The file is not well-formed XML or not a SEN2 message."""


class SchemaInvalid(ReadError):
    """Streaming validation found the message does not match its schema (no detail: libxml2 gives none)."""


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None  # the XSD check reports the bad date; the rules treat it as missing


_MAPS: dict[int, dict[str, tuple[str, bool]]] = {}  # by id() of the module-level specs below
_PERSON_READ = [*_PERSON, ("GenderCurrent", "sex", "s")]  # 2023 called Sex GenderCurrent
_PLAN_READ = [("StartDate", "start_date", "d"), *_PLAN_AFTER]
_ACTIVE_READ = [("TransferLA", "transfer_la", "s"), *[(t, a, k) for t, (a, k) in _REVIEW.items()]]


def _fill(obj: Any, el: etree._Element, spec: list[tuple[str, str, str]]) -> None:
    by_tag = _MAPS.get(id(spec))
    if by_tag is None:
        by_tag = _MAPS[id(spec)] = {tag: (attr, kind == "d") for tag, attr, kind in spec}
    for child in el:
        hit = by_tag.get(child.tag)  # comments (a function as tag) miss
        if hit is not None:
            text = (child.text or "").strip()
            setattr(obj, hit[0], _date(text) if hit[1] else text)


def parse_person(el: etree._Element) -> Person:
    person = Person(line=el.sourceline)
    _fill(person, el, _PERSON_READ)
    for r in el.iterchildren("Requests"):
        req = Request()
        _fill(req, r, _REQUEST_HEAD)
        for a in r.iterchildren("Assessment"):
            req.assessment = Assessment()
            _fill(req.assessment, a, _ASSESSMENT)
            for p in a.iterchildren("NamedPlan"):
                plan = NamedPlan()
                _fill(plan, p, _PLAN_READ)
                for d in p.iterchildren("PlanDetail"):
                    detail = PlanDetail()
                    _fill(detail, d, _PLAN_DETAIL)
                    plan.plan_details.append(detail)
                req.assessment.named_plan = plan
        for x in r.iterchildren("ActivePlans"):
            ap = ActivePlans()
            _fill(ap, x, _ACTIVE_READ)
            for pd in x.iterchildren("PlacementDetail"):
                placement = PlacementDetail()
                _fill(placement, pd, _PLACEMENT)
                ap.placements.append(placement)
            for n in x.iterchildren("SENneed"):
                need = SENneed()
                _fill(need, n, _NEED)
                ap.sen_needs.append(need)
            req.active_plans = ap
        person.requests.append(req)
    return person


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
        year=int(year_text) if year_text.isdigit() else 0,
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


def iter_elements(
    source: IO[bytes] | str, schema: etree.XMLSchema | None = None
) -> Iterator[etree._Element]:
    """Yield the ``<Header>`` and then each ``<Person>`` element, clearing each after use, plus any element
    misplaced directly under ``<Message>`` or ``<Persons>`` (for the validator to report).

    libxml2 filters the tags, so Python only sees the elements it needs.
    With ``schema``, libxml2 also validates the whole message as it streams, at the cost of a plain parse
    plus the check; its errors carry no line or path, so they end the iteration as ``SchemaInvalid`` (raised
    only after the last element, since libxml2 goes on parsing after a validity error).
    Raises ReadError when the file is not well-formed or its root is not ``<Message>``.
    """
    context = etree.iterparse(source, events=("end",), tag=("Header", "Person"), remove_comments=True,
                              huge_tree=True, resolve_entities=False, no_network=True,
                              schema=schema)  # fmt: skip
    root: etree._Element | None = None
    try:
        for _event, el in context:
            if root is None:
                root = el.getroottree().getroot()
                if root.tag != "Message":
                    raise ReadError(
                        f"This is not a SEN2 file: the first element is <{root.tag}>, not <Message>"
                    )
            parent = el.getparent()
            if parent is None:
                continue
            at_top = parent is root and el.tag == "Header"
            in_persons = el.tag == "Person" and parent.tag == "Persons" and parent.getparent() is root
            if not (at_top or in_persons):
                continue  # a Header or Person elsewhere: left in the tree, reported below
            while el.getprevious() is not None:  # earlier siblings: strays, or persons already cleared
                first = parent[0]
                if first.tag not in ("Header", "Person", "Persons") and _stray(first):
                    yield first
                del parent[0]
            yield el
            el.clear(keep_tail=True)
        root = context.root
    except etree.XMLSyntaxError as e:
        if schema is not None and e.error_log and all(err.domain_name == "SCHEMASV" for err in e.error_log):
            raise SchemaInvalid(str(e)) from e
        raise ReadError(f"The file is not well-formed XML: {e.msg} (line {e.lineno})") from e
    if root is None:
        return
    if root.tag != "Message":
        raise ReadError(f"This is not a SEN2 file: the first element is <{root.tag}>, not <Message>")
    for child in root:
        if child.tag not in ("Header", "Persons") and _stray(child):
            yield child
        elif child.tag == "Persons":
            yield from (c for c in child if c.tag != "Person" and _stray(c))


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
