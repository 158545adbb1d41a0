"""The ORUK 3.0 API: shapes against the shipped schemas, paging, filters, 404s and CORS."""

from __future__ import annotations

import uuid

import pytest

from sendhub.localoffer import documents
from sendhub.localoffer.models import Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from sendhub.localoffer.oruk.schemas import schema_errors

BASE = "/api/oruk"
pytestmark = pytest.mark.usefixtures("directory")


def get(client, path, **params):
    response = client.get(BASE + path, params)
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def test_root_names_the_uk_profile(client):
    body = get(client, "/").json()
    assert body["version"] == "HSDS-UK-3.0"
    assert schema_errors(body, "api_details") == []


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        ("/services", "service_page"),
        ("/service_at_locations", "service_at_location_page"),
        ("/taxonomies", "taxonomy_page"),
        ("/taxonomy_terms", "taxonomy_term_page"),
    ],
)
def test_lists_are_schema_valid_and_paged(client, path, schema):
    first = get(client, path, per_page=4).json()
    assert schema_errors(first, schema) == []
    assert first["page_number"] == 1 and first["first_page"] and first["size"] == len(first["contents"])
    last = get(client, path, per_page=4, page=first["total_pages"]).json()
    assert (last["last_page"] and not last["first_page"]) or first["total_pages"] == 1
    ids = [c["id"] for c in first["contents"]] + [c["id"] for c in last["contents"]]
    assert len(ids) == len(set(ids)) or first["total_pages"] == 1
    assert get(client, path + "/", page=1).status_code == 200  # the legacy validator's trailing slash


def test_page_past_the_end_is_empty_not_an_error(client):
    body = get(client, "/services", page=99, per_page=10).json()
    assert body["empty"] and body["size"] == 0 and body["last_page"] and body["total_items"] == 30


@pytest.mark.parametrize(
    ("path", "model", "schema"),
    [
        ("/services", Service, "service"),
        ("/service_at_locations", ServiceAtLocation, "service_at_location"),
        ("/taxonomies", Taxonomy, "taxonomy"),
        ("/taxonomy_terms", TaxonomyTerm, "taxonomy_term"),
    ],
)
def test_detail_is_schema_valid_and_unknown_id_is_404(client, path, model, schema):
    record = model.objects.all()[0]
    body = get(client, f"{path}/{record.pk}").json()
    assert body["id"] == str(record.pk)
    assert schema_errors(body, schema) == []
    assert client.get(f"{BASE}{path}/{uuid.uuid4()}").status_code == 404


def test_service_detail_leaves_out_empty_fields_instead_of_null(client):
    service = Service.objects.all()[0]
    Service.objects.filter(pk=service.pk).update(alert="", minimum_age=None)
    documents.refresh_documents([service.pk])  # a bare update() skips the writers that refresh it
    body = get(client, f"/services/{service.pk}").json()
    assert "alert" not in body and "minimum_age" not in body
    assert "null" not in client.get(f"{BASE}/services/{service.pk}").content.decode()


def test_search_tolerates_a_typo_and_ignores_nonsense(client):
    exact = get(client, "/services", search="swimming").json()
    typo = get(client, "/services", search="swiming").json()
    assert exact["total_items"] >= 1
    assert {c["id"] for c in typo["contents"]} >= {c["id"] for c in exact["contents"]}
    assert get(client, "/services", search="zzqxv").json()["total_items"] == 0


def test_taxonomy_term_filter_returns_only_services_with_the_term(client):
    term = TaxonomyTerm.objects.get(code="autism")
    body = get(client, "/services", taxonomy_term_id=str(term.pk), per_page=100).json()
    expected = set(Service.objects.filter(terms=term).values_list("pk", flat=True))
    assert {uuid.UUID(c["id"]) for c in body["contents"]} == expected and expected


def test_taxonomy_filter_returns_services_with_any_term_from_it(client):
    needs = Taxonomy.objects.get(kind="need")
    body = get(client, "/services", taxonomy_id=str(needs.pk), per_page=100).json()
    assert body["total_items"] == Service.objects.filter(terms__taxonomy=needs).distinct().count()


def test_age_filters_follow_the_spec_literally(client):
    low = get(client, "/services", minimum_age=10, per_page=100).json()
    high = get(client, "/services", maximum_age=10, per_page=100).json()
    assert all(c["minimum_age"] >= 10 for c in low["contents"])
    assert all(c["maximum_age"] <= 10 for c in high["contents"])
    assert low["total_items"] == Service.objects.filter(minimum_age__gte=10).count()


def test_day_and_time_filters_match_schedules(client):
    body = get(client, "/services", day="SA", per_page=100).json()
    for item in body["contents"]:
        detail = get(client, f"/services/{item['id']}").json()
        assert any("SA" in s["byday"] for s in detail["schedules"])
    evening = get(client, "/services", start_time="20:30", end_time="21:00", per_page=100).json()
    assert evening["total_items"] < 30


def test_bad_time_is_a_400_with_a_reason(client):
    response = client.get(f"{BASE}/services", {"start_time": "soon"})
    assert response.status_code == 400
    assert "start_time" in response.json()["detail"]


def test_postcode_filter_on_service_at_locations(client):
    sal = ServiceAtLocation.objects.select_related("location")[0]
    outward = sal.location.postcode.split()[0]
    body = get(client, "/service_at_locations", postcode=f"{outward} 1AA", per_page=100).json()
    assert body["total_items"] >= 1
    near = get(
        client, "/service_at_locations", postcode=f"{outward} 1AA", proximity=50000, per_page=100
    ).json()
    assert near["total_items"] >= body["total_items"]


def test_openapi_is_served(client):
    spec = client.get(f"{BASE}/openapi.json").json()
    assert "/api/oruk/services" in spec["paths"]


@pytest.mark.parametrize("metres", [300, 1500, 50_000])
def test_proximity_is_a_true_radius_nearest_first(client, metres):
    from sendhub.localoffer import geo, selectors

    outward = ServiceAtLocation.objects.select_related("location")[0].location.postcode.split()[0]
    centre = selectors.postcode_centre(outward)
    assert centre is not None
    expected = sorted(
        (
            geo.haversine_m(centre, (sal.location.latitude, sal.location.longitude or 0.0)),
            sal.service.name,
            str(sal.pk),
        )
        for sal in ServiceAtLocation.objects.select_related("location", "service")
        if sal.location.latitude is not None
    )
    inside = [row for row in expected if row[0] <= metres]
    body = get(
        client, "/service_at_locations", postcode=f"{outward} 1AA", proximity=metres, per_page=200
    ).json()
    assert [c["id"] for c in body["contents"]] == [row[2] for row in inside]
    assert body["total_items"] == len(inside)
    assert inside and (metres > 10_000 or len(inside) < len(expected))  # a small radius leaves places out


def test_the_description_lists_the_400_answers_and_the_days(client):
    schema = client.get(f"{BASE}/openapi.json").json()
    services = schema["paths"]["/api/oruk/services"]["get"]
    assert {"200", "400"} <= set(services["responses"])
    assert {"200", "400", "404"} <= set(schema["paths"]["/api/oruk/services/{id}"]["get"]["responses"])
    (day,) = [p for p in services["parameters"] if p["name"] == "day"]
    assert ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] in [s.get("enum") for s in day["schema"]["anyOf"]]


def test_a_parameter_of_the_wrong_type_is_a_400_with_a_reason_not_a_422(client):
    for params in ({"page": "x"}, {"day": "caturday"}, {"start_time": "25:00"}):
        response = client.get(f"{BASE}/services", params)
        assert response.status_code == 400, params
        assert response.json()["detail"], params
