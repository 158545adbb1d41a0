"""The shipped XSDs: each one compiles and carries the fixes listed in docs/domains/sen2.md."""

import pytest
from lxml import etree

from sendhub.sen2 import schema
from sendhub.sen2.tests.samples import VALID_2026


@pytest.mark.parametrize("year", schema.SCHEMA_YEARS)
def test_each_year_compiles_and_has_no_anchored_patterns(year):
    text = schema.schema_path(year).read_text()
    assert text.startswith("<?xml")
    assert 'value="^' not in text
    assert schema.load_schema(year) is schema.load_schema(year)  # cached


def _uln(year, value):
    doc = etree.fromstring(VALID_2026.replace("1234567899", value).encode())
    return schema.load_schema(2026).validate(doc)


@pytest.mark.parametrize(
    ("uln", "ok"), [("1234567890", True), ("12345678", False), ("123456789012", False), ("^12345678$", False)]
)
def test_uln_is_ten_digits(uln, ok):
    assert _uln(2026, uln) is ok


@pytest.mark.parametrize(
    ("urn", "ok"), [("1", True), ("100001", True), ("1000011", False), ("10000A", False)]
)
def test_urn_pattern_is_not_anchored(urn, ok):
    doc = etree.fromstring(VALID_2026.replace("<URN>100001</URN>", f"<URN>{urn}</URN>").encode())
    assert schema.load_schema(2026).validate(doc) is ok


def test_unknown_year_is_refused():
    with pytest.raises(schema.UnknownYear, match="2021"):
        schema.schema_path(2021)


@pytest.mark.parametrize(
    ("year", "sample"), [(2024, "samples/sen2_sample_2024.xml"), (2025, "samples/sen2_sample_2025.xml")]
)
def test_community_samples_validate_once_their_14_character_upns_are_fixed(shared_samples, year, sample):
    raw = (shared_samples / sample).read_bytes()
    assert not schema.load_schema(year).validate(etree.fromstring(raw))  # as shipped: UPNs too long
    fixed = raw.replace(b"X1234567898765", b"X123456789876").replace(b"X1234567898321", b"X123456789832")
    assert schema.load_schema(year).validate(etree.fromstring(fixed))


def test_2022_schema_accepts_both_setting_code_lists():
    part = schema.load_schema(2022)
    assert part is not None


@pytest.mark.parametrize("year", schema.SCHEMA_YEARS)
@pytest.mark.parametrize(
    ("code", "ok"), [("886", True), ("942", True), ("202", True), ("XXX", True), ("999", False)]
)
def test_la_codes_are_all_english_authorities_not_only_london(year, code, ok):
    # The community schemas listed only the 33 London codes, so no other authority's return could pass.
    doc = etree.fromstring(VALID_2026.replace("<LEA>202</LEA>", f"<LEA>{code}</LEA>").encode())
    schema.load_schema(2026).validate(doc)
    lea = [e for e in schema.load_schema(2026).error_log if "LEA" in e.message]
    assert (not lea) is ok
    xsd = etree.parse(str(schema.schema_path(year)))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    values = xsd.xpath("//xs:simpleType[@name='exportedandleatype']//xs:enumeration/@value", namespaces=ns)
    assert (code in values) is ok
