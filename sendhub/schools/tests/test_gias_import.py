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
