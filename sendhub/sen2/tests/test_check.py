"""The SEN2 page: who may use it, checking the current data or a file, downloading the return."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sendhub.sen2 import validation
from sendhub.sen2.tests import casework
from sendhub.sen2.tests.samples import DTD_FILES, VALID_2026, broken

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("manager", 200),
        ("admin_user", 200),
        ("officer", 403),
        ("senco", 403),
        ("parent", 403),
        ("analyst", 403),
    ],
)
def test_only_managers_and_admins_run_the_return(client, login, request, who, status):
    login(client, request.getfixturevalue(who))
    assert client.get(reverse("sen2:check")).status_code == status


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("sen2:check"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_check_current_data_links_each_error_to_the_case(client, login, manager):
    casework.build()
    missing = casework.child("NoUpn", birth_date=date(2014, 3, 3), team=manager.team)  # school age, no UPN
    from sendhub.cases.models import AssessmentRequest

    AssessmentRequest.objects.create(child=missing, received=date(2025, 10, 1), source="parent")
    login(client, manager)
    response = client.post(reverse("sen2:check_current"), {"current-year": "2026"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "PER-02" in body and "1 error" in body
    assert f'href="{missing.get_absolute_url()}"' in body


def test_other_teams_children_are_not_named_or_linked(client, login, manager):
    casework.build()  # these children belong to no team
    other = casework.child("Hidden", upn="", birth_date=date(2014, 3, 3))
    from sendhub.cases.models import AssessmentRequest

    AssessmentRequest.objects.create(child=other, received=date(2025, 10, 1), source="parent")
    login(client, manager)
    body = client.post(reverse("sen2:check_current"), {"current-year": "2026"}).content.decode()
    assert "PER-02" in body
    assert other.get_absolute_url() not in body


def test_clean_data_says_no_errors(client, login, admin_user):
    casework.build()
    login(client, admin_user)
    body = client.post(reverse("sen2:check_current"), {"current-year": "2026"}).content.decode()
    assert "No errors" in body and "5 people" in body


def test_check_an_uploaded_file(client, login, manager):
    login(client, manager)
    upload = SimpleUploadedFile("sen2.xml", broken("<LEA>202</LEA>", "<LEA>203</LEA>"), "application/xml")
    body = client.post(reverse("sen2:check_file"), {"upload-file": upload}).content.decode()
    assert "HDR-03" in body and "Whole file" in body


def test_an_unreadable_upload_is_explained(client, login, manager):
    login(client, manager)
    upload = SimpleUploadedFile("sen2.xml", b"<Message><Header>", "application/xml")
    body = client.post(reverse("sen2:check_file"), {"upload-file": upload}).content.decode()
    assert "could not be read" in body and "not well-formed" in body


def test_an_upload_with_a_dtd_entity_is_explained_not_a_500(client, login, manager):
    login(client, manager)
    upload = SimpleUploadedFile("sen2.xml", DTD_FILES["internal entity"], "application/xml")
    response = client.post(reverse("sen2:check_file"), {"upload-file": upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert "could not be read" in body and "document type declaration" in body


def test_an_entity_reference_inside_a_person_is_explained_not_a_server_error(client, login, manager):
    login(client, manager)
    xml = VALID_2026.replace("<Message>", '<!DOCTYPE Message [<!ENTITY nm "Zed">]>\n<Message>', 1)
    xml = xml.replace("<Forename>Ada</Forename>", "<Forename>&nm;</Forename>")
    upload = SimpleUploadedFile("sen2.xml", xml.encode(), "application/xml")
    response = client.post(reverse("sen2:check_file"), {"upload-file": upload})
    assert response.status_code == 200
    body = response.content.decode()
    assert "could not be read" in body or "could not be checked" in body


def test_a_year_in_superscript_digits_is_explained_not_a_server_error(client, login, manager):
    login(client, manager)
    upload = SimpleUploadedFile(
        "sen2.xml", broken("<Year>2026</Year>", "<Year>²⁰²⁶</Year>"), "application/xml"
    )
    response = client.post(reverse("sen2:check_file"), {"upload-file": upload})
    assert response.status_code == 200
    assert "Check &lt;Year&gt; in the header" in response.content.decode()


def test_no_file_is_a_form_error(client, login, manager):
    login(client, manager)
    body = client.post(reverse("sen2:check_file"), {}).content.decode()
    assert "<title>Error: SEN2 return" in body and "Choose a SEN2 XML file to check" in body


def test_download_the_return(client, login, manager):
    casework.build()
    login(client, manager)
    response = client.post(reverse("sen2:download"), {"current-year": "2026"})
    assert response["Content-Disposition"] == 'attachment; filename="SEN2_2026_202.xml"'
    data = b"".join(response.streaming_content)
    assert validation.validate_file(io.BytesIO(data), year=2026).ok


def test_post_only_routes_refuse_get(client, login, manager):
    login(client, manager)
    assert client.get(reverse("sen2:download")).status_code == 405


def test_valid_sample_file_has_no_errors(client, login, manager):
    login(client, manager)
    upload = SimpleUploadedFile("sen2.xml", VALID_2026.encode(), "application/xml")
    body = client.post(reverse("sen2:check_file"), {"upload-file": upload}).content.decode()
    assert "No errors" in body


def test_the_2027_collection_is_offered_and_its_schema_explained(client, login, manager):
    # The casework runs to December 2026, so the January 2027 return must be possible; until DfE publishes
    # its schema the page says that 2027 uses the 2026 structure.
    login(client, manager)
    body = client.get(reverse("sen2:check")).content.decode()
    assert '<option value="2027"' in body
    assert "DfE has not published the SEN2 2027 schema yet" in body and "2026 schema" in body
    casework.build()
    body = client.post(reverse("sen2:check_current"), {"current-year": "2027"}).content.decode()
    assert "SEN2 2027" in body and "the structure of the 2026 schema" in body
