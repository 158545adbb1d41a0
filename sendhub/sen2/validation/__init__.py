"""Validate a SEN2 return: the year's XSD, then the cross-field rules, one person at a time. No Django.

The file is streamed: persons are schema-checked a few hundred at a time (``schema.load_part_schema``
declares ``<Persons>``, ``<Person>`` and ``<Header>`` as global elements), read into dataclasses, checked
against the rules and dropped, so memory stays flat however large the return. A file's XSD check costs one
parse and one libxml2 validation, as for the whole tree, and the rules are plain Python over dataclasses.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import IO

from lxml import etree

from sendhub.lib.gcpause import cycle_collection_paused
from sendhub.sen2 import schema as schemas
from sendhub.sen2.validation import rules, xsd
from sendhub.sen2.validation.report import Issue, PersonRef, Report
from sendhub.sen2.validation.rules import RULES, Found
from sendhub.sen2.xmlmodel import Header, Person
from sendhub.sen2.xmlread import ReadError, iter_elements, parse_header, parse_person

__all__ = ["RULES", "ExportCheck", "Issue", "PersonRef", "Report", "validate_file", "validate_persons"]

MAX_ISSUES = 50_000


def _ref(person: Person, index: int) -> PersonRef:
    return PersonRef(
        index=index,
        key=person.key,
        upn=person.upn,
        uln=person.unique_learner_number,
        surname=person.surname,
        forename=person.forename,
        birth_date=person.person_birth_date,
    )


class _Collector:
    def __init__(self, report: Report, max_issues: int) -> None:
        self.report, self.max_issues = report, max_issues

    def add(self, issue: Issue) -> None:
        if len(self.report.issues) < self.max_issues:
            self.report.issues.append(issue)
        else:
            self.report.truncated += 1


def _header_issues(header: Header, year: int | None, la_code: str | None) -> Iterable[Issue]:
    if year is not None and header.year != year:
        yield Issue(
            "HDR-01",
            "Header/CollectionDetails/Year",
            f"The file is for {header.year or 'no year'}, not {year}.",
            f"Export the {year} return, or validate this file as {header.year}.",
        )
    if header.reference_date.year != header.year or header.reference_date.month != 1:
        yield Issue(
            "HDR-02",
            "Header/CollectionDetails/ReferenceDate",
            f"The reference date {rules.fmt(header.reference_date)} is not in January {header.year}.",
            "Use the census date in the DfE guide (the third Thursday of January).",
        )
    if la_code and header.lea != la_code:
        yield Issue(
            "HDR-03",
            "Header/Source/LEA",
            f"The file is from authority {header.lea or '(none)'}, not {la_code}.",
            f"Check this is your return; your LA code is {la_code}.",
        )


BATCH = 500  # persons schema-checked at once


def validate_file(
    source: IO[bytes] | str,
    *,
    year: int | None = None,
    la_code: str | None = None,
    max_issues: int = MAX_ISSUES,
) -> Report:
    """Check a whole file. ``year`` (if given) is the year the file must be for; otherwise its header's."""
    with cycle_collection_paused():  # the persons read hold no cycles: reference counting frees them
        return _validate_file(source, year, la_code, max_issues)


def _validate_file(source: IO[bytes] | str, year: int | None, la_code: str | None, max_issues: int) -> Report:
    report = Report(year=year)
    out = _Collector(report, max_issues)
    batch: _Batch | None = None
    try:
        for el in iter_elements(source):
            if el.tag == "Header":
                if batch is not None:
                    out.add(
                        Issue(
                            "XSD",
                            "Header",
                            "The message has a second <Header>.",
                            "Remove it: a message holds one <Header>.",
                            None,
                            el.sourceline,
                        )
                    )
                    continue
                header = parse_header(el)
                file_year = year or header.year
                try:
                    part = schemas.load_part_schema(file_year)
                except schemas.UnknownYear as e:
                    report.fatal = f"{e}. Check <Year> in the header."
                    return report
                report.year = file_year
                _xsd_issues(part, el, None, "Header", out, year=file_year)
                for issue in _header_issues(header, year, la_code):
                    out.add(issue)
                ctx = rules.Context(year=file_year, reference_date=header.reference_date, la_code=la_code)
                batch = _Batch(part, ctx, report, out)
            elif el.tag == "Person":
                if batch is None:
                    report.fatal = "The file has no <Header> before its persons, so its year is unknown."
                    return report
                batch.add(el)
            else:
                if batch is not None:
                    batch.check()  # keep the issues in file order
                out.add(
                    Issue(
                        "XSD",
                        el.tag,
                        f"<{el.tag}> is not part of a SEN2 message.",
                        "Remove it: a message holds one <Header> and one <Persons> list.",
                        None,
                        el.sourceline,
                    )
                )
    except ReadError as e:
        report.fatal = str(e)
        return report
    if batch is None:
        report.fatal = "The file has no <Header>, so its collection year and authority are unknown."
        return report
    batch.check()
    _require_persons(report, out)
    return report


def _require_persons(report: Report, out: _Collector) -> None:
    if report.persons == 0:
        out.add(
            Issue(
                "XSD",
                "Persons",
                "The return has no <Person>.",
                "Check the collection year: a return lists at least one person.",
            )
        )


class _Batch:
    """Persons gathered into one small tree of their own and schema-checked together: one libxml2 call per
    few hundred persons instead of one each. Only a batch that fails is checked person by person, to
    name the person, line and path of each error."""

    def __init__(self, part: etree.XMLSchema, ctx: rules.Context, report: Report, out: _Collector) -> None:
        self.part, self.ctx, self.report, self.out = part, ctx, report, out
        self.root = etree.Element("Persons")
        self.size = 0  # len(self.root) walks the children

    def add(self, el: etree._Element) -> None:
        self.root.append(el)  # moves it out of the parse tree (already detached) into ours
        self.size += 1
        if self.size == BATCH:
            self.check()

    def check(self) -> None:
        """Check the gathered persons: read each one and run the rules on it."""
        root, self.root, self.size = self.root, etree.Element("Persons"), 0
        if not len(root):
            return
        valid = self.part.validate(root)
        for el in root:
            person = parse_person(el)
            index, found = self.run_rules(person)
            if valid and not found:
                continue  # nearly always: no reference to build
            self.issues(el, person, index, valid, found)

    def run_rules(self, person: Person) -> tuple[int, list[Found]]:
        """Count the person and their requests, and run the rules: the person's index and findings."""
        report = self.report
        report.persons += 1
        report.requests += len(person.requests)
        return report.persons, list(rules.check_person(person, self.ctx, f"Person[{report.persons}]"))

    def issues(
        self, el: etree._Element, person: Person, index: int, valid: bool, found: list[Found], lines: int = 0
    ) -> None:
        """Report one person's schema errors (when its batch failed the schema) and rule findings."""
        ref = _ref(person, index)
        if not valid:
            _xsd_issues(self.part, el, ref, f"Person[{index}]", self.out, lines, year=self.ctx.year)
        for rule, path, message, fix in found:
            self.out.add(Issue(rule, path, message, fix, ref, person.line))


class ExportCheck:
    """Checks a return while it is written (``xmlwrite.write_return(..., watch=check)``), with the same
    report ``validate_file`` gives for the finished file: each batch of written text is parsed once for the
    schema check, and the rules run on the persons the writer already holds, not on ones read back.

    The schema check runs on a worker thread: libxml2 parses and validates without holding the GIL, so
    it overlaps the main thread's queries, mapping, writing and rules (docs/domains/sen2.md, Benchmark).
    At most ``IN_FLIGHT`` batches wait for it, so memory stays flat. A batch is only looked at again, on
    the main thread, when it has something to report. Call ``finish`` for the report, or ``close`` to stop
    the worker when the export fails.
    """

    IN_FLIGHT = 3

    def __init__(self, *, la_code: str | None = None, max_issues: int = MAX_ISSUES) -> None:
        self.la_code = la_code
        self.report = Report()
        self.out = _Collector(self.report, max_issues)
        self.batch: _Batch | None = None
        self._worker: ThreadPoolExecutor | None = None
        self._schema_check: _TextCheck | None = None
        self._waiting: deque[_Written] = deque()

    def header(self, header: Header, data: bytes, line: int) -> None:
        part = schemas.load_part_schema(header.year)
        self.report.year = header.year
        _xsd_issues(part, etree.fromstring(data), None, "Header", self.out, line - 1, year=header.year)
        for issue in _header_issues(header, header.year, self.la_code):
            self.out.add(issue)
        ctx = rules.Context(year=header.year, reference_date=header.reference_date, la_code=self.la_code)
        self.batch = _Batch(part, ctx, self.report, self.out)
        self._schema_check = _TextCheck(header.year)
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="sen2-schema-check")

    def persons(self, persons: list[Person], data: bytes, line: int) -> None:
        assert self.batch is not None and self._worker and self._schema_check, "the header is written first"
        valid = self._worker.submit(self._schema_check.valid, data)
        found = [self.batch.run_rules(person) for person in persons]
        self._waiting.append(_Written(valid, persons, found, data, line - 1))
        while len(self._waiting) > self.IN_FLIGHT:
            self._settle(self._waiting.popleft())

    def _settle(self, written: _Written) -> None:
        """Report a written batch's schema errors and rule findings, in file order."""
        assert self.batch is not None
        valid = written.valid.result()
        if valid and not any(found for _, found in written.found):
            return  # nearly always: the text is not parsed again
        root = _batch_tree(written.data, _TEXT_PARSER)
        for el, person, (index, found) in zip(root, written.persons, written.found, strict=True):
            if valid and not found:
                continue
            person.line = el.sourceline + written.lines
            self.batch.issues(el, person, index, valid, found, written.lines)

    def finish(self) -> Report:
        while self._waiting:
            self._settle(self._waiting.popleft())
        self.close()
        _require_persons(self.report, self.out)
        return self.report

    def close(self) -> None:
        """Stop the worker; batches not yet checked are dropped (the export has failed)."""
        if self._worker is not None:
            self._worker.shutdown(wait=True, cancel_futures=True)
            self._worker = None
        self._waiting.clear()


@dataclass(slots=True)
class _Written:
    valid: Future[bool]  # the schema verdict on ``data``, from the worker
    persons: list[Person]
    found: list[tuple[int, list[Found]]]  # each person's index and rule findings
    data: bytes
    lines: int  # file lines before the batch's first


class _TextCheck:
    """Parses and schema-checks written text on the worker thread. It has its own parser and its own
    compiled schema: lxml parsers and a schema's error log must not be shared between threads."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.schema: etree.XMLSchema | None = None
        self.parser = etree.XMLParser(**_TEXT_PARSING)

    def valid(self, data: bytes) -> bool:
        if self.schema is None:  # compiled on the worker, while the main thread runs its first queries
            self.schema = schemas.part_schema(self.year)
        return self.schema.validate(_batch_tree(data, self.parser))


_TEXT_PARSING = {"resolve_entities": False, "no_network": True, "huge_tree": True, "remove_blank_text": True}
_TEXT_PARSER = etree.XMLParser(**_TEXT_PARSING)  # the main thread's


def _batch_tree(data: bytes, parser: etree.XMLParser) -> etree._Element:
    """A written batch of ``<Person>`` elements, parsed as one ``<Persons>`` element."""
    return etree.fromstring(b"<Persons>" + data + b"</Persons>", parser)


def _xsd_issues(
    part: etree.XMLSchema,
    el: etree._Element,
    ref: PersonRef | None,
    prefix: str,
    out: _Collector,
    lines: int = 0,
    *,
    year: int,
) -> None:
    if part.validate(el):
        return
    mandatory = schemas.mandatory_elements(year)
    for err in part.error_log:
        message, fix = xsd.explain(err.message, mandatory)
        path = err.path or ""
        tail = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        out.add(Issue("XSD", f"{prefix}/{tail}" if tail else prefix, message, fix, ref, err.line + lines))


def validate_persons(
    header: Header, persons: Iterable[Person], *, la_code: str | None = None, max_issues: int = MAX_ISSUES
) -> Report:
    """The cross-field rules over persons not yet written to a file (e.g. straight from casework)."""
    report = Report(year=header.year)
    out = _Collector(report, max_issues)
    for issue in _header_issues(header, None, la_code):
        out.add(issue)
    ctx = rules.Context(year=header.year, reference_date=header.reference_date, la_code=la_code)
    for index, person in enumerate(persons, start=1):
        ref = _ref(person, index)
        report.persons += 1
        report.requests += len(person.requests)
        for rule, path, message, fix in rules.check_person(person, ctx, f"Person[{index}]"):
            out.add(Issue(rule, path, message, fix, ref, person.line))
    return report


def census_date(year: int) -> date:
    """The third Thursday of January: the SEN2 reference date (spec 1.2)."""
    first = date(year, 1, 1)
    offset = (3 - first.weekday()) % 7  # Thursday is weekday 3
    return date(year, 1, 1 + offset + 14)
