# mypy: disable-error-code="union-attr,arg-type,operator,type-var"
# (tests walk Optional trees of the return; a None there fails the test anyway)
"""The streaming writer and reader: round trips, streaming and element order per year."""

import io
import tracemalloc
from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from sendhub.sen2 import schema, xmlmodel, xmlread, xmlwrite
from sendhub.sen2.tests.samples import VALID_2026


def c14n(data: bytes) -> str:
    return etree.canonicalize(data.decode(), strip_text=True)


def test_read_then_write_gives_the_same_file_back():
    header, persons = xmlread.read_return(io.BytesIO(VALID_2026.encode()))
    assert header is not None
    out = io.BytesIO()
    assert xmlwrite.write_return(out, header, persons) == 2
    assert out.getvalue() == VALID_2026.encode()  # byte-identical for a file SEND Hub wrote


@pytest.mark.parametrize(
    ("year", "sample"), [(2024, "samples/sen2_sample_2024.xml"), (2025, "samples/sen2_sample_2025.xml")]
)
def test_other_suppliers_files_round_trip_canonically(shared_samples, year, sample):
    raw = (shared_samples / sample).read_bytes()
    header, persons = xmlread.read_return(io.BytesIO(raw))
    out = io.BytesIO()
    xmlwrite.write_return(out, header, persons)
    assert c14n(out.getvalue()) == c14n(raw)


def test_reader_yields_dataclasses():
    header, persons = xmlread.read_return(io.BytesIO(VALID_2026.encode()))
    ada, ben = list(persons)
    assert header.reference_date == date(2026, 1, 15)
    assert ada.key == "UPN B202111111111"
    plan = ada.requests[0].assessment.named_plan
    assert plan.start_date == date(2025, 6, 16)
    assert plan.plan_details[0].urn == "100001"
    assert [n.sen_type for n in ada.requests[0].active_plans.sen_needs] == ["ASD", "SLCN"]
    assert ben.requests[0].assessment is None and ben.line > ada.line


def test_element_order_follows_the_year():
    header, persons = xmlread.read_return(io.BytesIO(VALID_2026.encode()))
    people = list(persons)
    for year in schema.SUPPORTED_EXPORT_YEARS:
        out = io.BytesIO()
        xmlwrite.write_return(out, replace(header, year=year, reference_date=date(year, 1, 15)), people)
        doc = etree.fromstring(out.getvalue())
        assert schema.load_schema(year).validate(doc), (year, schema.load_schema(year).error_log)
        assert (doc.find(".//RequestSource") is not None) == (year >= 2025)


def test_unsupported_year_is_refused():
    header = xmlmodel.Header(year=2023, reference_date=date(2023, 1, 19), lea="202")
    with pytest.raises(xmlwrite.WriteError, match="2023"):
        xmlwrite.write_return(io.BytesIO(), header, [])


def _many(n):
    for i in range(n):
        yield xmlmodel.Person(
            surname=f"Person{i}",
            forename="Test",
            person_birth_date=date(2012, 1, 1),
            sex="F",
            ethnicity="WBRI",
            upn=f"A{i:012d}",
            requests=[xmlmodel.Request(received_date=date(2025, 3, 1), request_source="1", rya="0")],
        )


def test_writer_and_reader_stream(tmp_path):
    header = xmlmodel.Header(year=2026, reference_date=date(2026, 1, 15), lea="202")
    path = tmp_path / "big.xml"
    tracemalloc.start()
    xmlwrite.write_return(str(path), header, _many(20_000))
    _, write_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    count = sum(1 for _ in xmlread.read_return(str(path))[1])
    _, read_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 20_000
    size = path.stat().st_size
    assert write_peak < size / 4 and read_peak < size / 4, (write_peak, read_peak, size)


def test_malformed_file_raises_read_error():
    with pytest.raises(xmlread.ReadError, match="well-formed"):
        list(xmlread.read_return(io.BytesIO(b"<Message><Header></Message>"))[1])


def _everything() -> xmlmodel.Person:
    d = date(2025, 5, 1)
    setting = {"urn": "100001", "placement_rank": "1", "sen_unit_indicator": "0"}
    return xmlmodel.Person(
        surname="O'Brien & <Sons>\r",
        forename='Zoë "Z"\tÅsa',
        person_birth_date=date(2010, 1, 2),
        sex="F",
        upn="B202111111111",
        requests=[
            xmlmodel.Request(
                received_date=d,
                request_source="1",
                rya="0",
                request_outcome="Y",
                exported="201",
                assessment=xmlmodel.Assessment(
                    assessment_outcome="Y",
                    week20="1",
                    named_plan=xmlmodel.NamedPlan(
                        start_date=d,
                        plan_details=[xmlmodel.PlanDetail(**setting), xmlmodel.PlanDetail()],
                        plan_res="1",
                        plan_wbp="0",
                        pb="1",
                        oa="1",
                    ),
                ),
                active_plans=xmlmodel.ActivePlans(
                    transfer_la="203",
                    placements=[xmlmodel.PlacementDetail(**setting, entry_date=d, res="2", wbp="1")],
                    sen_needs=[xmlmodel.SENneed("ASD", "1")],
                    review_meeting=d,
                    review_outcome="A",
                    review_draft=d,
                    phase_transfer_due_date=d,
                    phase_transfer_final_date=d,
                    last_review=d,
                ),
            ),
            xmlmodel.Request(),
        ],
    )


@pytest.mark.parametrize("year", schema.SUPPORTED_EXPORT_YEARS)
def test_person_text_is_what_lxml_would_write(year):
    person = _everything()
    text = xmlwrite.person_text(person, year)
    parsed = etree.fromstring(text.encode(), etree.XMLParser(remove_blank_text=True))
    assert etree.tostring(parsed, encoding="UTF-8", pretty_print=True) == text.encode()
    assert parsed.findtext("Surname") == "O'Brien & <Sons>\r"  # escaped, not lost
    back = xmlread.parse_person(parsed)
    if year == 2026:  # earlier years have no RequestSource, ReviewDraft or phase transfer dates
        assert back.requests[0] == person.requests[0]
    assert (back.surname, back.forename) == (person.surname.strip(), person.forename)  # the reader strips


def test_a_control_character_cannot_be_written():
    person = replace(_everything(), forename="Bad\x07")
    with pytest.raises(xmlwrite.WriteError, match="control character"):
        xmlwrite.person_text(person, 2026)
