# mypy: disable-error-code="union-attr,arg-type,operator,type-var"
# (tests walk Optional trees of the return; a None there fails the test anyway)
"""Export from casework, import into an empty database, export again: the same bytes (SEN2 round trip)."""

import io
import threading
from datetime import date, datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sendhub.cases.models import (
    AnnualReview,
    AssessmentRequest,
    Child,
    Placement,
    Plan,
    PlanStatus,
    RequestStatus,
)
from sendhub.core.audit import AuditEvent
from sendhub.core.exceptions import ImportRejected
from sendhub.sen2 import schema, selectors, services, validation, xmlread, xmlwrite
from sendhub.sen2.tests import casework
from sendhub.sen2.tests.samples import DTD_FILES, VALID_2026, broken

NOW = datetime(2026, 1, 20, 9, 0, 0)
pytestmark = pytest.mark.django_db


def export_bytes(year: int = 2026) -> bytes:
    out = io.BytesIO()
    services.export_return(year=year, out=out, now=NOW)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Child, AssessmentRequest, Plan, Placement, AnnualReview)}


def test_export_covers_the_year_and_is_valid():
    casework.build()
    data = export_bytes()
    report = validation.validate_file(io.BytesIO(data), year=2026, la_code="202")
    assert report.ok, [(i.who, i.path, i.message) for i in report.issues]
    header, persons = xmlread.read_return(io.BytesIO(data))
    by_name = {p.surname: p for p in persons}
    assert sorted(by_name) == ["C1", "C2", "C3", "C4", "C5"]  # C6 finished in 2023, C7 asked after the census
    assert header.lea == "202" and header.reference_date == date(2026, 1, 15)
    c1 = by_name["C1"].requests[0]
    assert (c1.request_outcome, c1.assessment.assessment_outcome, c1.assessment.week20) == ("Y", "Y", "0")
    assert c1.active_plans.review_outcome == "A" and [n.sen_type for n in c1.active_plans.sen_needs] == [
        "ASD",
        "SLCN",
    ]
    assert (c1.assessment.other_mediation, c1.assessment.other_tribunal) == ("0", "1")  # contents appeal
    c2 = by_name["C2"].requests[0]
    assert (c2.request_outcome, c2.request_mediation, c2.request_tribunal) == ("N", "1", "0")
    assert by_name["C3"].upn_unknown == "UN1" and by_name["C3"].requests[0].request_outcome == "A"
    c4 = by_name["C4"].requests[0]
    assert (c4.request_outcome, c4.received_date, len(c4.active_plans.placements)) == ("H", None, 2)
    c5 = by_name["C5"].requests[0]
    assert (c5.request_outcome, c5.assessment.named_plan.cease_reason, c5.active_plans) == ("H", "5", None)


def test_events_from_1_january_to_the_census_date_are_in_the_next_return():
    # DfE: requests, assessments and new plans are reported for "the previous calendar year"; the census
    # (15 January 2026) is only the snapshot date. A request received on 10 January 2026 and a plan issued
    # on 5 January 2026 belong to the 2027 return, not the 2026 one.
    casework.build()
    late = casework.child("C8", upn="R202666666666", birth_date=date(2014, 6, 6))
    AssessmentRequest.objects.create(child=late, received=date(2026, 1, 10), source="parent")
    issued = casework.child("C9", upn="E202777777777", birth_date=date(2013, 7, 7))
    req = AssessmentRequest.objects.create(
        child=issued,
        received=date(2025, 8, 1),
        source="school",
        decided_to_assess=date(2025, 9, 1),
        decided_to_issue=date(2025, 11, 20),
        draft_issued=date(2025, 12, 1),
        final_issued=date(2026, 1, 5),
        status=RequestStatus.ISSUED,
    )
    Plan.objects.create(child=issued, request=req, start_date=date(2026, 1, 5), status=PlanStatus.ACTIVE)
    _, persons = xmlread.read_return(io.BytesIO(export_bytes(2026)))
    by_name = {p.surname: p for p in persons}
    assert "C8" not in by_name
    c9 = by_name["C9"].requests[0]
    assert (c9.request_outcome, c9.assessment.assessment_outcome) == (
        "Y",
        "A",
    )  # still assessing on 31 December
    assert c9.assessment.assessment_outcome_date is None and c9.assessment.named_plan is None
    report = validation.validate_file(io.BytesIO(export_bytes(2026)), year=2026, la_code="202")
    assert report.ok, [(i.who, i.path, i.message) for i in report.issues]

    data_2027 = export_bytes(2027)
    _, persons = xmlread.read_return(io.BytesIO(data_2027))
    by_name = {p.surname: p for p in persons}
    assert by_name["C8"].requests[0].received_date == date(2026, 1, 10)
    c9 = by_name["C9"].requests[-1]
    assert (c9.assessment.assessment_outcome, c9.assessment.assessment_outcome_date) == (
        "Y",
        date(2026, 1, 5),
    )


def test_the_2027_collection_uses_the_2026_structure_and_validates():
    casework.build()
    data = export_bytes(2027)
    header, _ = xmlread.read_return(io.BytesIO(data))
    assert (header.year, header.reference_date) == (2027, date(2027, 1, 21))  # third Thursday of January
    report = validation.validate_file(io.BytesIO(data), year=2027, la_code="202")
    assert report.ok, [(i.who, i.path, i.message) for i in report.issues]
    assert "2026 schema" in schema.provisional_note(2027)
    assert schema.provisional_note(2026) is None


def test_export_has_the_plan_details_transfers_and_phase_transfer():
    casework.build()
    _, persons = xmlread.read_return(io.BytesIO(export_bytes()))
    by_name = {p.surname: p.requests[-1] for p in persons}
    plan1 = by_name["C1"].assessment.named_plan
    assert (plan1.plan_res, plan1.pb, plan1.oa, plan1.dp) == ("A", "1", "1", "E")
    assert by_name["C1"].active_plans.review_draft == date(2025, 12, 15)  # amendments proposed after 'amend'
    assert by_name["C1"].active_plans.phase_transfer_due_date is None  # born 2015: no transfer in 2025
    plan4 = by_name["C4"].assessment.named_plan
    assert [(d.urn, d.placement_rank) for d in plan4.plan_details] == [("100002", "1"), ("100001", "2")]
    # Items 4.7e/4.7f: "1"/"0" for each named institution (the main one is C1's SEN unit)
    [detail1] = plan1.plan_details
    assert (detail1.sen_unit_indicator, detail1.resourced_provision_indicator) == ("1", "0")
    assert [(d.sen_unit_indicator, d.resourced_provision_indicator) for d in plan4.plan_details] == [
        ("0", "0"),
        ("0", "1"),
    ]
    assert (plan4.plan_wbp, plan4.oa) == ("S", None)  # no personal budget: no OA
    active4 = by_name["C4"].active_plans
    assert active4.transfer_la == "203"
    assert [(p.placement_rank, p.wbp) for p in active4.placements] == [("2", None), ("1", "S")]  # by start
    # born January 2009: into year 12 in September 2025, amended plan due 31 March 2025 (reg 18(1)(b))
    assert (active4.phase_transfer_due_date, active4.phase_transfer_final_date) == (
        date(2025, 3, 31),
        date(2025, 3, 20),
    )
    assert by_name["C3"].exported == "204" and by_name["C5"].exported is None
    [detail5] = by_name["C5"].assessment.named_plan.plan_details
    assert (detail5.urn, detail5.sen_setting, detail5.sen_setting_other, detail5.placement_rank) == (
        None,
        "NIEO",
        "Awaiting a college place after moving",
        "1",
    )
    # A type of setting is not an institution: the unit indicators are left out, not "0"
    assert (detail5.sen_unit_indicator, detail5.resourced_provision_indicator) == (None, None)


def test_round_trip_is_byte_identical():
    casework.build()
    first = export_bytes()
    casework.wipe_casework()
    path = "/tmp/sen2-roundtrip-test.xml"
    with open(path, "wb") as f:
        f.write(first)
    summary = services.import_return(path=path)
    assert summary.persons == 5
    # The named SEN unit (C1) and the second setting's resourced provision (C4) came back onto the plans.
    assert Plan.objects.filter(child__last_name="C1", named_setting_sen_unit=True).exists()
    assert Plan.objects.filter(child__last_name="C4", second_setting_resourced_provision=True).exists()
    assert export_bytes() == first


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    casework.build()
    path = tmp_path / "r.xml"
    path.write_bytes(export_bytes())
    casework.wipe_casework()
    services.import_return(path=str(path))
    before = snapshot()
    again = services.import_return(path=str(path))
    assert not again.changed
    assert snapshot() == before
    assert AuditEvent.objects.filter(action="sen2.return.imported").count() == 2


def test_import_of_another_suppliers_file_loads_casework(tmp_path):
    casework.schools()
    path = tmp_path / "other.xml"
    path.write_text(VALID_2026)
    summary = services.import_return(path=str(path))
    assert summary.created == {"people": 2, "requests": 2, "plans": 1, "placements": 1, "reviews": 1}
    ada = Child.objects.get(upn="B202111111111")
    assert (ada.primary_need, ada.secondary_need, ada.sen_status) == ("ASD", "SLCN", "ehcp")
    plan = Plan.objects.get(child=ada)
    assert (plan.start_date, plan.named_setting.urn, plan.personal_budget, plan.direct_payment) == (
        date(2025, 6, 16),
        100001,
        True,
        "E",
    )
    ben = Child.objects.get(uln="1234567899")
    assert ben.requests.get().status == "not_assessed"


def test_import_keeps_the_named_sen_unit_and_resourced_provision(tmp_path):
    casework.schools()
    path = tmp_path / "unit.xml"
    plan_detail = "<PlacementRank>1</PlacementRank>\n          <SENunitIndicator>0</SENunitIndicator>"
    assert plan_detail in VALID_2026  # the PlanDetail of the plan (a PlacementDetail is indented less)
    path.write_text(VALID_2026.replace(plan_detail, plan_detail.replace(">0<", ">1<")))
    services.import_return(path=str(path))
    plan = Plan.objects.get(child__upn="B202111111111")
    assert (plan.named_setting_sen_unit, plan.named_setting_resourced_provision) == (True, False)
    assert not Placement.objects.get(child__upn="B202111111111").sen_unit, "the placement says otherwise"


def test_import_without_the_indicators_keeps_what_casework_recorded(tmp_path):
    casework.build()
    path = tmp_path / "r.xml"
    data = export_bytes().decode()
    # Another supplier that leaves out the optional 4.7e/4.7f (the PlanDetail ones are indented 10 spaces).
    for tag in ("SENunitIndicator", "ResourcedProvisionIndicator"):
        for value in "01":
            data = data.replace(f"\n          <{tag}>{value}</{tag}>", "")
    assert data.count("<SENunitIndicator>") == 3  # the placements keep theirs
    path.write_text(data)
    summary = services.import_return(path=str(path))
    assert "plans" not in summary.updated and "plans" not in summary.created
    assert Plan.objects.get(child__last_name="C1").named_setting_sen_unit
    assert Plan.objects.get(child__last_name="C4").second_setting_resourced_provision


def test_an_indicator_on_a_type_of_setting_is_not_kept_and_the_import_says_so(tmp_path):
    casework.schools()
    path = tmp_path / "type.xml"
    plan_detail = (
        "<URN>100001</URN>\n          <PlacementRank>1</PlacementRank>\n          <SENunitIndicator>0"
    )
    assert plan_detail in VALID_2026
    path.write_text(
        VALID_2026.replace(
            plan_detail,
            "<SENSetting>OLA</SENSetting>\n          <PlacementRank>1</PlacementRank>"
            "\n          <SENunitIndicator>1",
        )
    )
    summary = services.import_return(path=str(path))
    plan = Plan.objects.get(child__upn="B202111111111")
    assert (plan.named_setting, plan.named_setting_type, plan.named_setting_sen_unit) == (None, "OLA", False)
    [note] = [n for n in summary.notes if "SEN unit" in n]  # not dropped without a word
    assert note.startswith("UPN B202111111111: ") and "type of setting (OLA)" in note


@pytest.mark.parametrize(
    "data",
    [
        b"<Message><Header>",  # not well-formed
        broken("<Ethnicity>WBRI</Ethnicity>", "<Ethnicity>XXXX</Ethnicity>"),  # schema
        broken(
            "<RequestOutcomeDate>2025-10-06</RequestOutcomeDate>",
            "<RequestOutcomeDate>2025-08-06</RequestOutcomeDate>",
        ),
    ],
)
def test_a_bad_file_is_rejected_whole(tmp_path, data):
    casework.schools()
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with pytest.raises(ImportRejected, match="Nothing was saved") as info:
        services.import_return(path=str(path))
    assert info.value.errors
    assert snapshot() == dict.fromkeys(snapshot(), 0)


def test_a_refused_record_rolls_back_the_persons_already_written(tmp_path):
    casework.schools()
    # The plan names a URN the schools register does not have: the child already written is rolled back.
    data = VALID_2026.replace(
        "<PlanDetail>\n          <URN>100001</URN>", "<PlanDetail>\n          <URN>999999</URN>"
    )
    path = tmp_path / "unknown-school.xml"
    path.write_text(data)
    with pytest.raises(ImportRejected, match="URN 999999"):
        services.import_return(path=str(path))
    assert Child.objects.count() == 0


def test_command_export_validate_import(tmp_path):
    casework.build()
    out = tmp_path / "sen2.xml"
    buf = io.StringIO()
    call_command("sen2", "export", "--year", "2026", "--out", str(out), stdout=buf)
    assert "Wrote 5 persons" in buf.getvalue() and "Valid SEN2 2026 return" in buf.getvalue()
    casework.wipe_casework()
    buf = io.StringIO()
    call_command("sen2", "import", str(out), stdout=buf)
    assert "Imported 5 persons" in buf.getvalue()
    buf = io.StringIO()
    call_command("sen2", "import", str(out), stdout=buf)
    assert "Nothing changed" in buf.getvalue()


def test_command_validate_exits_non_zero_with_each_error(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(
        broken("<ReceivedDate>2025-09-01</ReceivedDate>", "<ReceivedDate>2026-01-20</ReceivedDate>")
    )
    buf = io.StringIO()
    with pytest.raises(CommandError, match="not valid"):
        call_command("sen2", "validate", str(path), stdout=buf)
    assert "ULN 1234567899" in buf.getvalue() and "REQ-02" in buf.getvalue() and "Fix:" in buf.getvalue()


def test_command_validate_refuses_a_dtd_entity_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "entity.xml"
    path.write_bytes(DTD_FILES["internal entity"])
    buf = io.StringIO()
    with pytest.raises(CommandError, match="not valid"):
        call_command("sen2", "validate", str(path), stdout=buf)
    out = buf.getvalue()
    assert "FATAL: The file has a document type declaration" in out
    assert "Traceback" not in out + capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "--year", "2023", "--out", "/tmp/x.xml"], "cannot be exported"),
        (["export", "--year", "2026", "--out", "/no/such/dir/x.xml"], "does not exist"),
        (["validate", "/no/such/file.xml"], "No such file"),
        (["import", "/no/such/file.xml"], "No such file"),
    ],
)
def test_command_input_errors(args, says):
    with pytest.raises(CommandError, match=says):
        call_command("sen2", *args)


def test_demo_data_exports_a_valid_return():
    from sendhub.core.demo import load_demo_data

    load_demo_data(seed=3, scale=0.02, stdout=io.StringIO())
    for year in (2025, 2026):
        data = export_bytes(year)
        report = validation.validate_file(io.BytesIO(data), year=year, la_code="202")
        assert report.ok, [(i.who, i.path, i.message) for i in report.issues][:10]
        assert report.persons > 0


def test_week20_says_whether_an_exception_applied():
    from sendhub.cases.models import AssessmentException

    casework.build()
    request = AssessmentRequest.objects.get(child__reference="C1")
    AssessmentException.objects.create(
        request=request, reason="personal_circumstances", start=date(2025, 4, 1), end=date(2025, 4, 30)
    )
    _, persons = xmlread.read_return(io.BytesIO(export_bytes()))
    assert next(p for p in persons if p.surname == "C1").requests[0].assessment.week20 == "1"


def test_import_notes_an_exception_it_cannot_record(tmp_path):
    casework.schools()
    path = tmp_path / "w20.xml"
    path.write_text(VALID_2026)  # Ada's Week20 is 1
    summary = services.import_return(path=str(path))
    assert len(summary.notes) == 1 and "UPN B202111111111" in summary.notes[0]


def test_another_authoritys_return_is_not_imported(tmp_path):
    casework.schools()
    path = tmp_path / "other-la.xml"
    path.write_bytes(broken("<LEA>202</LEA>", "<LEA>203</LEA>"))
    with pytest.raises(ImportRejected) as info:
        services.import_return(path=str(path))
    assert any("not 202" in e for e in info.value.errors)
    assert Child.objects.count() == 0


@pytest.mark.parametrize("broken", [False, True])
def test_checking_while_exporting_gives_the_file_report(broken):
    made = casework.build()
    if broken:  # a schema error (UPN too short) and a rule error (placement rank twice) on two people
        Child.objects.filter(reference="C2").update(upn="A20211")
        c4 = made["children"][3]
        Placement.objects.create(child=c4, school=made["schools"][0], start=date(2025, 1, 6), rank=1)
    out = io.BytesIO()
    now = datetime(2026, 1, 20, 9, 0)
    count, report = services.export_and_check(year=2026, out=out, now=now)
    from_file = validation.validate_file(io.BytesIO(out.getvalue()), year=2026, la_code="202")
    assert count == from_file.persons == report.persons == 5
    assert report.issues == from_file.issues
    assert report.requests == from_file.requests and report.ok is (not broken)
    if broken:
        assert {i.rule for i in report.issues} == {"XSD", "SET-03"} and all(i.line for i in report.issues)


def _schema_check_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("sen2-schema-check")]


@pytest.mark.parametrize("in_flight", [0, 1, 3])
def test_batches_checked_on_the_worker_keep_file_order(monkeypatch, in_flight):
    # Each written person is its own batch, so several wait for the worker at once (or none, with 0);
    # errors on three people must still come out in file order, as validating the file gives them.
    made = casework.build()
    for ref in ("C1", "C2", "C5"):  # schema errors: UPNs too short
        Child.objects.filter(reference=ref).update(upn=f"A2021{ref}")
    c4 = made["children"][3]
    Placement.objects.create(child=c4, school=made["schools"][0], start=date(2025, 1, 6), rank=1)
    monkeypatch.setattr(xmlwrite, "_BATCH", 1)
    monkeypatch.setattr(validation.ExportCheck, "IN_FLIGHT", in_flight)
    out = io.BytesIO()
    _, report = services.export_and_check(year=2026, out=out, now=datetime(2026, 1, 20, 9, 0))
    from_file = validation.validate_file(io.BytesIO(out.getvalue()), year=2026, la_code="202")
    assert report.issues == from_file.issues
    assert [i.person.index for i in report.issues if i.person] == sorted(
        i.person.index for i in report.issues if i.person
    )
    assert {i.rule for i in report.issues} == {"XSD", "SET-03"}
    assert not _schema_check_threads()


def test_a_failure_on_the_schema_check_worker_stops_the_export(monkeypatch):
    casework.build()

    def fails(self, data):
        raise MemoryError("no room to parse")

    monkeypatch.setattr(validation._TextCheck, "valid", fails)
    with pytest.raises(MemoryError, match="no room"):
        services.export_and_check(year=2026, out=io.BytesIO(), now=datetime(2026, 1, 20, 9, 0))
    assert not _schema_check_threads()


def test_a_failure_while_writing_stops_the_schema_check_worker(monkeypatch):
    casework.build()
    persons = selectors.persons_for_return

    def fails_after_one(period):
        for i, item in enumerate(persons(period)):
            if i == 1:
                raise RuntimeError("database went away")
            yield item

    monkeypatch.setattr(xmlwrite, "_BATCH", 1)
    monkeypatch.setattr(selectors, "persons_for_return", fails_after_one)
    with pytest.raises(RuntimeError, match="went away"):
        services.export_and_check(year=2026, out=io.BytesIO(), now=datetime(2026, 1, 20, 9, 0))
    assert not _schema_check_threads()


def test_phase_transfer_birth_ranges_hold_every_child_who_transfers():
    from datetime import timedelta

    from sendhub.cases.rules import in_transfer_cohort
    from sendhub.sen2.selectors import Period

    period = Period.for_year(2026)
    born, transfers = date(2000, 1, 1), 0
    while born < date(2023, 1, 1):
        in_range = any(first <= born <= last for first, last in period.transfer_births)
        if in_transfer_cohort(born, 2025) is not None:
            transfers += 1
            assert in_range, born
        born += timedelta(days=1)
    assert transfers > 3 * 360  # three cohorts a year


def test_chunk_boundaries_do_not_change_the_persons():
    # Children are read in chunks (5,000 by default) with their records loaded by id range: any chunk size
    # must give the same persons, including a chunk that ends between two children of one id range.
    casework.build()
    period = selectors.Period.for_year(2026)
    whole = list(selectors.persons_for_return(period))
    assert len(whole) == 5
    for size in (1, 2, 3):
        assert list(selectors.persons_for_return(period, chunk_size=size)) == whole
