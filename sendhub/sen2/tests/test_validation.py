"""Table tests: one hand-written broken file per rule (SEN2 technical specification, see rules.RULES)."""

import io
from datetime import date

import pytest

from sendhub.sen2 import validation, xmlread, xmlwrite
from sendhub.sen2.tests.samples import DTD_FILES, VALID_2026, broken
from sendhub.sen2.validation import RULES, census_date, validate_file

PLAN_ENDED = "<StartDate>2025-06-16</StartDate>"
SECOND_PERSON_REQ = (
    "<RequestOutcomeDate>2025-10-06</RequestOutcomeDate>\n    <RequestOutcome>N</RequestOutcome>"
)


def run(data: bytes, **kw):
    kw.setdefault("year", 2026)
    return validate_file(io.BytesIO(data), la_code="202", **kw)


def test_the_valid_sample_passes():
    report = run(VALID_2026.encode())
    assert report.ok, report.issues
    assert (report.year, report.persons, report.requests) == (2026, 2, 2)


CASES = [
    # (rule, old, new, expected path fragment)
    ("HDR-01", "<Year>2026</Year>", "<Year>2025</Year>", "Year"),
    (
        "HDR-02",
        "<ReferenceDate>2026-01-15</ReferenceDate>",
        "<ReferenceDate>2026-03-15</ReferenceDate>",
        "ReferenceDate",
    ),
    ("HDR-03", "<LEA>202</LEA>", "<LEA>203</LEA>", "LEA"),
    (
        "PER-01",
        "<PersonBirthDate>2015-04-02</PersonBirthDate>",
        "<PersonBirthDate>2026-02-02</PersonBirthDate>",
        "PersonBirthDate",
    ),
    (
        "PER-01",
        "<PersonBirthDate>2015-04-02</PersonBirthDate>",
        "<PersonBirthDate>1990-04-02</PersonBirthDate>",
        "PersonBirthDate",
    ),
    ("PER-02", "<UPN>B202111111111</UPN>", "", "Person[1]/UPN"),
    (
        "PER-02",
        "<UPN>B202111111111</UPN>",
        "<UPN>B202111111111</UPN>\n  <UPNunknown>UN1</UPNunknown>",
        "UPNunknown",
    ),
    (
        "PER-03",
        "<UniqueLearnerNumber>1234567899</UniqueLearnerNumber>",
        "<UPN>B202111111111</UPN>",
        "Person[2]",
    ),
    # a mistyped identifier: the right shape, the wrong check character (DfE UPN guide; LRS / ILR ULN_04)
    ("PER-05", "<UPN>B202111111111</UPN>", "<UPN>A202111111111</UPN>", "Person[1]/UPN"),
    ("PER-05", "<UPN>B202111111111</UPN>", "<UPN>B202111111117</UPN>", "Person[1]/UPN"),
    (
        "PER-06",
        "<UniqueLearnerNumber>1234567899</UniqueLearnerNumber>",
        "<UniqueLearnerNumber>1234567890</UniqueLearnerNumber>",
        "Person[2]/UniqueLearnerNumber",
    ),
    (
        "PER-06",
        "<UniqueLearnerNumber>1234567899</UniqueLearnerNumber>",
        "<UniqueLearnerNumber>1243567899</UniqueLearnerNumber>",
        "Person[2]/UniqueLearnerNumber",
    ),
    (
        "PER-04",
        SECOND_PERSON_REQ.join(
            [
                "<Requests>\n    <ReceivedDate>2025-09-01</ReceivedDate>\n"
                "    <RequestSource>2</RequestSource>\n    <RYA>0</RYA>\n    ",
                "\n  </Requests>",
            ]
        ),
        "",
        "Person[2]",
    ),
    ("REQ-01", "<ReceivedDate>2025-09-01</ReceivedDate>", "", "Person[2]/Requests[1]/ReceivedDate"),
    ("REQ-01", "<RYA>0</RYA>\n    <RequestOutcomeDate>2025-10-06", "<RequestOutcomeDate>2025-10-06", "RYA"),
    (
        "REQ-02",
        "<ReceivedDate>2025-09-01</ReceivedDate>",
        "<ReceivedDate>2026-01-20</ReceivedDate>",
        "ReceivedDate",
    ),
    (
        "REQ-02",
        "<ReceivedDate>2025-09-01</ReceivedDate>",
        "<ReceivedDate>2007-09-01</ReceivedDate>",
        "ReceivedDate",
    ),
    # received on 10 January 2026, before the census date but after the reporting period (calendar 2025):
    # it belongs to the 2027 return (DfE: requests "in the previous calendar year")
    (
        "REQ-02",
        "<ReceivedDate>2025-09-01</ReceivedDate>\n    <RequestSource>2</RequestSource>\n    <RYA>0</RYA>\n"
        "    <RequestOutcomeDate>2025-10-06",
        "<ReceivedDate>2026-01-10</ReceivedDate>\n    <RequestSource>2</RequestSource>\n    <RYA>0</RYA>\n"
        "    <RequestOutcomeDate>2026-01-12",
        "Person[2]/Requests[1]/ReceivedDate",
    ),
    (
        "REQ-03",
        "<RequestOutcomeDate>2025-10-06</RequestOutcomeDate>",
        "<RequestOutcomeDate>2026-01-05</RequestOutcomeDate>",
        "Person[2]/Requests[1]/RequestOutcomeDate",
    ),
    (
        "REQ-03",
        "<RequestOutcomeDate>2025-10-06</RequestOutcomeDate>",
        "",
        "Person[2]/Requests[1]/RequestOutcomeDate",
    ),
    (
        "REQ-03",
        "<RequestOutcomeDate>2025-10-06</RequestOutcomeDate>",
        "<RequestOutcomeDate>2025-08-06</RequestOutcomeDate>",
        "RequestOutcomeDate",
    ),
    ("REQ-03", "<RequestOutcome>N</RequestOutcome>", "", "RequestOutcome"),
    (
        "REQ-04",
        "<RequestOutcome>Y</RequestOutcome>",
        "<RequestOutcome>W</RequestOutcome>",
        "Person[1]/Requests[1]/Assessment",
    ),
    (
        "REQ-05",
        "</Requests>\n</Person>\n</Persons>",
        "</Requests>\n<Requests><ReceivedDate>2025-09-01</ReceivedDate><RequestSource>2</RequestSource><RYA>0</RYA>"
        "</Requests>\n</Person>\n</Persons>",
        "Person[2]/Requests[2]",
    ),
    ("REQ-06", "<RequestSource>2</RequestSource>", "", "RequestSource"),
    ("REQ-07", "<RequestTribunal>", "<RequestTribunal>", ""),  # replaced below
    (
        "REQ-08",
        "<ReceivedDate>2025-09-01</ReceivedDate>\n    <RequestSource>2</RequestSource>\n    <RYA>0</RYA>\n"
        "    <RequestOutcomeDate>2025-10-06",
        "<ReceivedDate>2024-03-01</ReceivedDate>\n    <RequestSource>2"
        "</RequestSource>\n    <RYA>0</RYA>\n    <RequestOutcomeDate>2024-04-06",
        "Person[2]/Requests[1]",
    ),
    ("ASM-01", "<AssessmentOutcomeDate>2025-06-16</AssessmentOutcomeDate>", "", "AssessmentOutcomeDate"),
    (
        "ASM-01",
        "<AssessmentOutcomeDate>2025-06-16</AssessmentOutcomeDate>",
        "<AssessmentOutcomeDate>2025-03-01</AssessmentOutcomeDate>",
        "AssessmentOutcomeDate",
    ),
    (
        "ASM-02",
        "<AssessmentOutcome>Y</AssessmentOutcome>",
        "<AssessmentOutcome>N</AssessmentOutcome>",
        "NamedPlan",
    ),
    ("ASM-03", "<Week20>1</Week20>", "", "Week20"),
    ("PLN-01", PLAN_ENDED, "", "NamedPlan/StartDate"),
    ("PLN-01", PLAN_ENDED, "<StartDate>2025-01-16</StartDate>", "NamedPlan/StartDate"),
    ("PLN-01", PLAN_ENDED, "<StartDate>2026-01-02</StartDate>", "NamedPlan/StartDate"),  # after 31 December
    (
        "PLN-02",
        "<DP>E</DP>",
        "<DP>E</DP>\n        <CeaseDate>2025-05-01</CeaseDate>\n        <CeaseReason>2</CeaseReason>",
        "CeaseDate",
    ),
    ("PLN-02", "<DP>E</DP>", "<DP>E</DP>\n        <CeaseReason>2</CeaseReason>", "CeaseDate"),
    ("PLN-03", "<PB>1</PB>", "<PB>0</PB>", "PB"),
    (
        "SET-01",
        "<URN>100001</URN>\n          <PlacementRank>",
        "<URN>100001</URN>\n          <UKPRN>10000001</UKPRN>\n          <PlacementRank>",
        "PlanDetail[1]",
    ),
    ("SET-01", "<URN>100001</URN>\n        <PlacementRank>", "<PlacementRank>", "PlacementDetail[1]"),
    (
        "SET-02",
        "<URN>100001</URN>\n        <PlacementRank>",
        "<URN>100001</URN>\n        <SENSettingOther>Hospital school</SENSettingOther>\n        <PlacementRank>",
        "SENSettingOther",
    ),
    ("SET-03", "<PlacementRank>1</PlacementRank>\n        <EntryDate>", "<EntryDate>", "PlacementRank"),
    (
        "SET-03",
        "</PlacementDetail>",
        "</PlacementDetail>\n      <PlacementDetail><URN>100002</URN><PlacementRank>1"
        "</PlacementRank><EntryDate>2024-09-01</EntryDate></PlacementDetail>",
        "ActivePlans/PlacementDetail",
    ),
    (
        "ACT-01",
        "<DP>E</DP>",
        "<DP>E</DP>\n        <CeaseDate>2025-12-20</CeaseDate>\n        <CeaseReason>2</CeaseReason>",
        "ActivePlans",
    ),
    (
        "ACT-01",
        "<AssessmentOutcome>Y</AssessmentOutcome>",
        "<AssessmentOutcome>Y</AssessmentOutcome>",
        "",
    ),  # below
    ("ACT-02", "<PlacementDetail>", "<PlacementDetail>", ""),  # below
    ("ACT-03", "<EntryDate>2021-09-01</EntryDate>", "", "EntryDate"),
    (
        "ACT-03",
        "<EntryDate>2021-09-01</EntryDate>",
        "<EntryDate>2021-09-01</EntryDate>\n        <LeavingDate>2021-07-01</LeavingDate>",
        "LeavingDate",
    ),
    (
        "ACT-03",
        "<EntryDate>2021-09-01</EntryDate>",
        "<EntryDate>2021-09-01</EntryDate>\n        <LeavingDate>2025-05-01</LeavingDate>",
        "LeavingDate",
    ),
    ("ACT-03", "<EntryDate>2021-09-01</EntryDate>", "<EntryDate>2026-02-01</EntryDate>", "EntryDate"),
    ("ACT-04", "<SENtypeRank>1</SENtypeRank>", "<SENtypeRank>2</SENtypeRank>", "SENneed"),
    ("ACT-04", "<SENtype>SLCN</SENtype>", "<SENtype>ASD</SENtype>", "SENneed"),
    ("ACT-05", "<ReviewMeeting>2025-12-01</ReviewMeeting>", "", "ReviewMeeting"),
    (
        "ACT-05",
        "<ReviewMeeting>2025-12-01</ReviewMeeting>",
        "<ReviewMeeting>2025-05-01</ReviewMeeting>",
        "ReviewMeeting",
    ),
    ("ACT-05", "<LastReview>2025-12-10</LastReview>", "<LastReview>2025-11-10</LastReview>", "LastReview"),
    (
        "ACT-05",
        "<ReviewOutcome>M</ReviewOutcome>",
        "<ReviewOutcome>M</ReviewOutcome>\n      <ReviewDraft>2025-12-20</ReviewDraft>",
        "ReviewDraft",
    ),
    (
        "COD-01",
        "<URN>100001</URN>\n        <PlacementRank>",
        "<SENSetting>NEET</SENSetting>\n        <PlacementRank>",
        "SENSetting",
    ),
    (
        "COD-02",
        "<DP>E</DP>",
        "<DP>E</DP>\n        <CeaseDate>2025-12-20</CeaseDate>\n        <CeaseReason>1</CeaseReason>",
        "CeaseReason",
    ),
    (
        "COD-03",
        "</PlanDetail>\n        <PB>1</PB>",
        "</PlanDetail>\n        <PlanWBP>A</PlanWBP>\n        <PB>1</PB>",
        "PlanWBP",
    ),
    (
        "COD-03",
        "<ResourcedProvisionIndicator>0</ResourcedProvisionIndicator>\n      </PlacementDetail>",
        "<ResourcedProvisionIndicator>0</ResourcedProvisionIndicator>\n        <WBP>S</WBP>\n      </PlacementDetail>",
        "PlacementDetail[1]/WBP",
    ),
    (
        "PHT-01",
        "<ReviewOutcome>M</ReviewOutcome>\n      <LastReview>",
        "<ReviewOutcome>M</ReviewOutcome>\n      <PhaseTransferDueDate>2025-02-20</PhaseTransferDueDate>\n      <LastReview>",
        "PhaseTransferDueDate",
    ),
    (
        "PHT-01",
        "<ReviewOutcome>M</ReviewOutcome>\n      <LastReview>",
        "<ReviewOutcome>M</ReviewOutcome>\n      <PhaseTransferFinalDate>2025-02-10</PhaseTransferFinalDate>\n      <LastReview>",
        "PhaseTransferFinalDate",
    ),
    (
        "PHT-01",
        "<ReviewOutcome>M</ReviewOutcome>\n      <LastReview>",
        "<ReviewOutcome>M</ReviewOutcome>\n      <PhaseTransferDueDate>2025-02-15</PhaseTransferDueDate>\n"
        "      <PhaseTransferFinalDate>2026-02-01</PhaseTransferFinalDate>\n      <LastReview>",
        "PhaseTransferFinalDate",
    ),
]

SPECIAL = {
    "REQ-07": (
        "<RequestOutcome>N</RequestOutcome>",
        "<RequestOutcome>N</RequestOutcome>\n    <Exported>202</Exported>",
        "Exported",
    ),
    "ACT-01": ("<Assessment>", "<Assessment>", ""),
    "ACT-02": ("", "", ""),
}


def _case(rule, old, new, where):
    if rule == "REQ-07":
        return SPECIAL[rule]
    if rule == "ACT-01" and old.startswith("<AssessmentOutcome>Y"):
        # active plan details without any plan
        start = VALID_2026.index("      <NamedPlan>")
        end = VALID_2026.index("</NamedPlan>") + len("</NamedPlan>\n")
        return VALID_2026[start:end], "", "ActivePlans"
    if rule == "ACT-02":
        start = VALID_2026.index("      <PlacementDetail>")
        end = VALID_2026.index("</PlacementDetail>") + len("</PlacementDetail>\n")
        return VALID_2026[start:end], "", "ActivePlans"
    return old, new, where


@pytest.mark.parametrize(
    ("rule", "old", "new", "where"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_rule_catches_its_broken_file(rule, old, new, where):
    old, new, where = _case(rule, old, new, where)
    report = run(broken(old, new))
    hits = [i for i in report.issues if i.rule == rule]
    assert hits, f"{rule} not raised; got {[(i.rule, i.path, i.message) for i in report.issues]}"
    assert any(where in i.path for i in hits), [i.path for i in hits]
    for issue in hits:
        assert issue.message and issue.fix
    xsd = [i for i in report.issues if i.rule == "XSD"]
    assert not xsd, f"broken file for {rule} should be schema-valid: {xsd}"


def test_every_rule_has_a_broken_file():
    assert {c[0] for c in CASES} == set(RULES)


def test_errors_name_the_person():
    report = run(broken("<ReceivedDate>2025-09-01</ReceivedDate>", "<ReceivedDate>2026-01-20</ReceivedDate>"))
    [issue] = [i for i in report.issues if i.rule == "REQ-02"]
    assert issue.person is not None
    assert issue.person.key == "ULN 1234567899"
    assert issue.person.index == 2
    assert issue.line is not None


XSD_CASES = [
    # a missing mandatory element is named, not blamed on the element after it
    (
        "<Surname>Testington</Surname>",
        "",
        "Person[1]",
        "<Surname> is missing: it is required, before <Forename>",
    ),
    ("<Sex>F</Sex>", "", "Person[1]", "<Sex> is missing"),
    (
        "<PersonBirthDate>2015-04-02</PersonBirthDate>",
        "",
        "Person[1]",
        "<PersonBirthDate> (date of birth) is missing",
    ),
    (
        "<Ethnicity>WBRI</Ethnicity>",
        "<Ethnicity>XXXX</Ethnicity>",
        "Person[1]/Ethnicity",
        "not an allowed code",
    ),
    (
        "<UPN>B202111111111</UPN>",
        "<UPN>B2021111111119</UPN>",
        "Person[1]/UPN",
        "not a valid unique pupil number",
    ),
    (
        "<UniqueLearnerNumber>1234567899</UniqueLearnerNumber>",
        "<UniqueLearnerNumber>12345678</UniqueLearnerNumber>",
        "UniqueLearnerNumber",
        "not a valid unique learner number",
    ),
    (
        "<URN>100001</URN>\n          <PlacementRank>",
        "<URN>1000011</URN>\n          <PlacementRank>",
        "URN",
        "not a valid school URN",
    ),
    (
        "<ReceivedDate>2025-09-01</ReceivedDate>",
        "<ReceivedDate>2025-09-31</ReceivedDate>",
        "ReceivedDate",
        "not a valid date the request",
    ),
    # the 2023 structure's <GenderCurrent> where 2026 has <Sex>: the missing element is named, and where
    (
        "<Sex>F</Sex>",
        "<GenderCurrent>F</GenderCurrent>",
        "Person[1]",
        "<Sex> is missing: it is required, before <GenderCurrent>",
    ),
]


@pytest.mark.parametrize(("old", "new", "where", "says"), XSD_CASES)
def test_schema_errors_are_explained(old, new, where, says):
    report = run(broken(old, new))
    hits = [i for i in report.issues if i.rule == "XSD"]
    assert hits
    assert any(where in i.path and says in i.message for i in hits), [(i.path, i.message) for i in hits]
    assert not any("is not allowed here" in i.message for i in hits if "is missing" in says)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"<Message><Header>", "not well-formed"),
        (b"<?xml version='1.0'?><Return/>", "not a SEN2 file"),
        (b"<Message><Persons><Person/></Persons></Message>", "no <Header>"),
        (
            b"<Message><Header><CollectionDetails><Year>2019</Year></CollectionDetails></Header></Message>",
            "no SEN2 schema for 2019",
        ),
    ],
)
def test_unreadable_files_are_fatal(data, says):
    report = run(data, year=None)
    assert report.fatal and says in report.fatal
    assert not report.ok


def test_stray_top_level_element_is_reported():
    report = run(broken("<Persons>", "<Extra/>\n<Persons>"))
    assert [i.path for i in report.issues] == ["Extra"]


def test_bad_community_sample_is_rejected(shared_samples):
    report = validate_file(str(shared_samples / "alternative-sen2_liia-branch" / "bad_sen2_sample_2024.xml"))
    assert report.year == 2024
    assert not report.ok


@pytest.mark.parametrize(
    ("year", "expected"), [(2024, date(2024, 1, 18)), (2025, date(2025, 1, 16)), (2026, date(2026, 1, 15))]
)
def test_census_date_is_third_thursday_of_january(year, expected):
    assert census_date(year) == expected


def test_a_return_with_no_persons_is_invalid():
    start = VALID_2026.index("<Person>")
    end = VALID_2026.rindex("</Person>") + len("</Person>\n")
    report = run((VALID_2026[:start] + VALID_2026[end:]).encode())
    assert [i.path for i in report.issues] == ["Persons"]


def test_a_second_header_is_reported():
    header = VALID_2026[VALID_2026.index("<Header>") : VALID_2026.index("</Header>") + len("</Header>")]
    report = run(broken("<Persons>", header + "\n<Persons>"))
    assert [(i.rule, i.path) for i in report.issues] == [("XSD", "Header")]
    assert "second <Header>" in report.issues[0].message


def test_schema_errors_are_found_in_every_batch(monkeypatch):
    # Persons are schema-checked in batches; a bad person in any batch is reported at its own position.
    monkeypatch.setattr(validation, "BATCH", 1)
    report = run(broken("<Sex>M</Sex>", "<Sex>Q</Sex>"))  # the second person
    assert [(i.rule, i.path.split("/")[0]) for i in report.issues] == [("XSD", "Person[2]")]
    assert report.issues[0].person.key == "ULN 1234567899" and report.issues[0].line > 60


def _checked_while_written(data: bytes) -> tuple[validation.Report, bytes]:
    """Read a file and write it again with the export's one-pass check watching."""
    header, persons = xmlread.read_return(io.BytesIO(data))
    assert header is not None
    check = validation.ExportCheck(la_code="202")
    out = io.BytesIO()
    xmlwrite.write_return(out, header, persons, watch=check)
    return check.finish(), out.getvalue()


@pytest.mark.parametrize(
    ("rule", "old", "new", "where"),
    CASES + [("XSD", old, new, where) for old, new, where, _ in XSD_CASES],
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)] + [f"XSD-{i}" for i in range(len(XSD_CASES))],
)
def test_the_export_check_reports_what_the_file_validator_reports(rule, old, new, where):
    # The one-pass check (rules on the persons in memory, schema on the text written, lines counted by
    # the writer) must give the report validate_file gives for the same written file.
    old, new, where = _case(rule, old, new, where)
    report, written = _checked_while_written(broken(old, new))
    from_file = validate_file(io.BytesIO(written), la_code="202")
    assert report.issues == from_file.issues
    assert (report.persons, report.requests) == (from_file.persons, from_file.requests)
    assert report.persons == 2
    if rule not in ("HDR-01", "XSD"):  # the check takes the year from the header it writes
        assert rule in {i.rule for i in report.issues}
        assert all(i.line for i in report.issues if i.person is not None)


def test_the_export_check_finds_schema_errors_in_every_batch(monkeypatch):
    # Errors in a later batch of written persons are reported at their own person, path and file line.
    monkeypatch.setattr(xmlwrite, "_BATCH", 1)
    report, written = _checked_while_written(broken("<Sex>M</Sex>", "<Sex>Q</Sex>"))
    assert [(i.rule, i.path.split("/")[0]) for i in report.issues] == [("XSD", "Person[2]")]
    assert report.issues == validate_file(io.BytesIO(written), la_code="202").issues
    line = report.issues[0].line
    assert line is not None and written.splitlines()[line - 1].strip() == b"<Sex>Q</Sex>"


def test_a_late_amended_plan_at_phase_transfer_is_reported_not_refused():
    # reg 18(1): 31 March for a move into post-16; a plan amended after the deadline is still reported
    data = broken(
        "<ReviewOutcome>M</ReviewOutcome>\n      <LastReview>",
        "<ReviewOutcome>M</ReviewOutcome>\n      <PhaseTransferDueDate>2025-03-31</PhaseTransferDueDate>\n"
        "      <PhaseTransferFinalDate>2025-04-10</PhaseTransferFinalDate>\n      <LastReview>",
    )
    assert run(data).ok


@pytest.mark.parametrize(
    ("born", "allowed"),
    [
        ("2009-08-31", True),  # left school on 27 June 2025 (Education Act 1996 s.8): over compulsory age
        ("2009-09-01", False),  # 16 on the census date but in year 11 until June 2026
        ("2010-01-15", False),  # 16 on the census date itself, in year 11
    ],
)
def test_work_based_learning_only_after_the_school_leaving_date(born, allowed):
    data = VALID_2026.replace(
        "<PersonBirthDate>2015-04-02</PersonBirthDate>", f"<PersonBirthDate>{born}</PersonBirthDate>"
    )
    data = data.replace(
        "</PlanDetail>\n        <PB>1</PB>", "</PlanDetail>\n        <PlanWBP>S</PlanWBP>\n        <PB>1</PB>"
    )
    assert "<PlanWBP>S</PlanWBP>" in data
    report = run(data.encode())
    assert report.ok is allowed, report.issues
    assert {i.rule for i in report.issues} == (set() if allowed else {"COD-03"})


@pytest.mark.parametrize("kind", DTD_FILES)
def test_a_file_with_a_dtd_is_refused_with_one_clear_line(kind):
    # An internal DTD entity used to reach the schema check unexpanded: "Internal error in XML Schema
    # validation" and a traceback. Entities are never expanded; the file is refused before it is read.
    report = run(DTD_FILES[kind])
    assert report.fatal is not None and "document type declaration" in report.fatal
    assert "\n" not in report.fatal
    assert report.persons == 0
