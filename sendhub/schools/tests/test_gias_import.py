import io

import pytest
from django.core.management import CommandError, call_command

from sendhub.core.exceptions import ImportRejected
from sendhub.schools.models import School
from sendhub.schools.services import import_gias

HEADER = (
    "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
    "PhaseOfEducation (name),UKPRN,Postcode,AdministrativeWard (name),ResourcedProvisionOnRoll\n"
)


def gias(*rows: str) -> list[str]:
    return io.StringIO(HEADER + "".join(r + "\n" for r in rows)).readlines()


@pytest.mark.django_db
def test_import_creates_then_updates_then_leaves_alone():
    rows = gias(
        "900101,202,Camden,Test Primary,Community school,Open,Primary,10000001,ZZ9 1AA,Belsize,",
        "900102,202,Camden,Test Special,Community special school,Open,Not applicable,,ZZ9 1AB,Kilburn,",
        "900103,202,Camden,Test Sec,Academy converter,Open,Secondary,,ZZ9 1AC,Highgate,12",
    )
    first = import_gias(lines=rows)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    assert School.objects.get(urn=900102).setting_type == "special"
    assert School.objects.get(urn=900103).setting_type == "resourced"
    again = import_gias(lines=rows)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    renamed = gias(
        "900101,202,Camden,Renamed Primary,Community school,Open,Primary,10000001,ZZ9 1AA,Belsize,"
    )
    assert import_gias(lines=renamed).updated == 1
    assert School.objects.get(urn=900101).name == "Renamed Primary"


@pytest.mark.django_db
def test_one_bad_row_rejects_the_whole_file():
    rows = gias(
        "900201,202,Camden,Good,Community school,Open,Primary,,,Belsize,",
        "abc,202,Camden,Bad,Community school,Open,Primary,,,Belsize,",
    )
    with pytest.raises(ImportRejected) as caught:
        import_gias(lines=rows)
    assert caught.value.errors == ["Line 3: URN 'abc' is not a number"]
    assert not School.objects.exists()


@pytest.mark.django_db
def test_missing_columns_are_named():
    with pytest.raises(ImportRejected) as caught:
        import_gias(lines=["URN,Name\n", "1,X\n"])
    assert "EstablishmentName" in caught.value.errors[0]


@pytest.mark.django_db
def test_command_reports_errors(tmp_path):
    bad = tmp_path / "gias.csv"
    bad.write_text("URN\n1\n")
    with pytest.raises(CommandError, match="no schools were imported"):
        call_command("schools", "import-gias", str(bad))
    with pytest.raises(CommandError, match="No such file"):
        call_command("schools", "import-gias", str(tmp_path / "none.csv"))


# A synthetic extract in GIAS's own layout and encoding (Windows-1252), with the kinds of setting beyond the
# council's own schools that plans name. Names and URNs are invented (URNs in the 99xxxx range).
ENGLAND = (
    HEADER
    + "990001,202,Camden,Fernhill Primary School,Community school,Open,Primary,,ZZ9 1AA,Belsize,\n"
    + "990002,302,Barnet,Héloïse Park Special School,Community special school,Open,Not applicable,,ZZ9 2AA,Mill Hill,\n"
    + "990003,919,Hertfordshire,Larchmont House School,Other independent special school,Open,Not applicable,,ZZ9 3AA,,\n"
    + "990004,886,Kent,St Anne\u2019s Non-Maintained School,Non-maintained special school,Open,Not applicable,,ZZ9 4AA,,\n"
    + "990005,206,Islington,Northgate College,Special post 16 institution,Open,16 plus,10099999,ZZ9 5AA,,\n"
    + "990006,213,Westminster,Abbey Court School,Other independent school,Open,All-through,,ZZ9 6AA,,\n"
    + "990007,309,Haringey,Riverside Sixth Form College,Academy 16-19 converter,Open,16 plus,,ZZ9 7AA,,\n"
    + "990008,304,Brent,Kingfisher College,Further education,Open,16 plus,,ZZ9 8AA,,\n"
    + "990009,202,Camden,Old Mill Primary School,Community school,Closed,Primary,,ZZ9 9AA,Highgate,\n"
)


@pytest.mark.django_db
def test_the_whole_england_file_brings_every_kind_of_setting_in_gias_encoding(tmp_path, settings):
    settings.SENDHUB_LA_CODE = "202"
    path = tmp_path / "edubasealldata20261207.csv"
    path.write_bytes(ENGLAND.encode("cp1252"))
    out = io.StringIO()
    call_command("schools", "import-gias", str(path), stdout=out)
    assert "9 created" in out.getvalue()
    kinds = dict(School.objects.values_list("urn", "setting_type"))
    assert kinds == {
        990001: "mainstream",
        990002: "special",
        990003: "independent_special",
        990004: "non_maintained_special",
        990005: "specialist_post16",
        990006: "independent",
        990007: "fe",
        990008: "fe",
        990009: "mainstream",
    }
    special = School.objects.get(urn=990002)
    assert special.name == "Héloïse Park Special School"  # read as Windows-1252, not mangled
    assert (special.la_code, special.la_name, special.out_of_borough) == ("302", "Barnet", True)
    assert str(special) == "Héloïse Park Special School (Barnet)"
    assert str(School.objects.get(urn=990001)) == "Fernhill Primary School"  # the council's own
    assert School.objects.get(urn=990004).name == "St Anne\u2019s Non-Maintained School"
    assert not School.objects.get(urn=990009).is_open
    # --la keeps to one area; the rest of England is left as it was.
    School.objects.all().delete()
    call_command("schools", "import-gias", str(path), "--la", "202", stdout=io.StringIO())
    assert set(School.objects.values_list("urn", flat=True)) == {990001, 990009}


@pytest.mark.django_db
def test_a_urn_twice_rejects_the_file():
    rows = gias(
        "900301,202,Camden,One,Community school,Open,Primary,,,Belsize,",
        "900301,202,Camden,Two,Community school,Open,Primary,,,Belsize,",
    )
    with pytest.raises(ImportRejected) as caught:
        import_gias(lines=rows)
    assert caught.value.errors == ["URN 900301 appears more than once"]
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_line_that_is_not_csv_is_refused_with_its_line_not_a_crash():
    # A stray carriage return inside a line (found by the property test in core/tests/test_properties.py).
    lines = gias("900101,202,Camden,Test Primary,Community school,Open,Primary,10000001,ZZ9 1AA,Belsize,")
    with pytest.raises(ImportRejected) as rejected:
        import_gias(lines=[*lines, "\r0\n"])
    assert any("cannot be read as CSV" in problem for problem in rejected.value.errors)
    assert not School.objects.exists()
