"""The Django-free ORUK layer: models against the shipped examples, schema checks, paging, feeds."""

from __future__ import annotations

import copy
import json
import math
import uuid

import pytest

from sendhub.conftest import SHARED_DIR
from sendhub.localoffer.oruk import models
from sendhub.localoffer.oruk.feed import FeedError, parse_feed, parse_records
from sendhub.localoffer.oruk.paging import PageWindow, clamp_paging
from sendhub.localoffer.oruk.schemas import schema_errors

EXAMPLES = SHARED_DIR / "oruk" / "examples"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("file", "model", "schema"),
    [
        ("service_full.json", models.Service, "service"),
        ("service_list.json", models.ServicePage, "service_page"),
        ("service_at_location_full.json", models.ServiceAtLocation, "service_at_location"),
        ("service_at_location_list.json", models.ServiceAtLocationPage, "service_at_location_page"),
        ("taxonomy.json", models.Taxonomy, "taxonomy"),
        ("taxonomy_list.json", models.TaxonomyPage, "taxonomy_page"),
        ("taxonomy_term.json", models.TaxonomyTerm, "taxonomy_term"),
        ("taxonomy_term_list.json", models.TaxonomyTermPage, "taxonomy_term_page"),
    ],
)
def test_examples_round_trip_through_models_and_stay_schema_valid(file, model, schema):
    original = example(file)
    assert schema_errors(original, schema) == []
    dumped = model.model_validate(original).model_dump(mode="json", exclude_none=True)
    assert schema_errors(dumped, schema) == []
    assert (
        dumped["id" if "id" in original else "total_items"]
        == original["id" if "id" in original else "total_items"]
    )


def test_optional_fields_are_left_out_not_sent_as_null():
    service = models.ServiceSummary(
        id=uuid.UUID("ac148810-d857-441c-9679-408f346de14b"), name="Play club", status="active"
    )
    dumped = service.model_dump(mode="json", exclude_none=True)
    assert dumped == {"id": "ac148810-d857-441c-9679-408f346de14b", "name": "Play club", "status": "active"}
    assert schema_errors(dumped, "service_list") == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"id": "not-a-uuid"}, "id"),
        ({"status": "open"}, "status"),
        ({"minimum_age": None}, "minimum_age"),
        ({"email": "not an email"}, "email"),
        ({"url": "no scheme here"}, "url"),
    ],
)
def test_schema_errors_name_the_bad_field(change, reason):
    record = {**example("service_full.json"), **change}
    errors = schema_errors(record, "service")
    assert errors and errors[0].startswith(reason)


def test_missing_required_field_is_reported():
    record = example("service_full.json")
    del record["name"]
    assert any("'name' is a required property" in e for e in schema_errors(record, "service"))


@pytest.mark.parametrize(
    ("total", "page", "per_page", "size", "expected"),
    [
        (12, 1, 5, 5, {"total_pages": 3, "first_page": True, "last_page": False, "empty": False}),
        (12, 3, 5, 2, {"total_pages": 3, "first_page": False, "last_page": True, "empty": False}),
        (10, 2, 5, 5, {"total_pages": 2, "first_page": False, "last_page": True, "empty": False}),
        (0, 1, 5, 0, {"total_pages": 0, "first_page": True, "last_page": True, "empty": True}),
        (3, 9, 5, 0, {"total_pages": 1, "first_page": False, "last_page": True, "empty": True}),
    ],
)
def test_page_wrapper_follows_the_validators_rules(total, page, per_page, size, expected):
    wrapper = PageWindow(page, per_page, total).wrapper(size)
    assert {k: wrapper[k] for k in expected} == expected
    assert wrapper["size"] == size and wrapper["page_number"] == page
    assert wrapper["total_pages"] == math.ceil(total / per_page)
    if size == 0:
        assert schema_errors({**wrapper, "contents": []}, "taxonomy_page") == []


@pytest.mark.parametrize(
    ("page", "per_page", "expected"),
    [(None, None, (1, 50)), (0, 0, (1, 50)), (-3, 5, (1, 5)), (4, 10_000, (4, 200)), (2, 7, (2, 7))],
)
def test_clamp_paging(page, per_page, expected):
    assert clamp_paging(page, per_page) == expected


def test_feed_accepts_a_single_service_a_list_and_a_page():
    service = example("service_full.json")
    assert len(parse_feed(json.dumps(service)).services) == 1
    assert len(parse_feed(json.dumps([service])).services) == 1
    assert len(parse_feed(json.dumps({"total_items": 1, "contents": [service]})).services) == 1


@pytest.mark.parametrize("text", ["not json", "42", '{"hello": "world"}'])
def test_feed_that_is_not_a_service_document_is_refused(text):
    with pytest.raises(FeedError):
        parse_feed(text)


def test_invalid_records_are_reported_with_reasons_and_valid_ones_kept():
    good = example("service_full.json")
    bad_status = {**copy.deepcopy(good), "id": "11111111-1111-4111-8111-111111111111", "status": "open"}
    upside_down = {
        **copy.deepcopy(good),
        "id": "22222222-2222-4222-8222-222222222222",
        "minimum_age": 19,
        "maximum_age": 5,
    }
    result = parse_records([good, bad_status, upside_down, dict(good), "text"])
    assert [str(s.id) for s in result.services] == [good["id"]]
    assert [p.index for p in result.problems] == [1, 2, 3, 4]
    assert "status" in result.problems[0].reasons[0]
    assert "minimum_age 19 is above maximum_age 5" in result.problems[1].reasons
    assert "the id appears earlier in the feed" in result.problems[2].reasons
    assert result.problems[3].reasons == ["the record is not a JSON object"]
    assert str(result.problems[0]).startswith("record 2 (11111111-1111-4111-8111-111111111111)")
    assert result.total == 5
