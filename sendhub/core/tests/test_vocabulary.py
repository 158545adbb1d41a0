"""The vocabularies (every model field's choices) give each code its plain name; the raw-code check that the
browser sweep runs on every crawled page finds codes written as words and never a plain name."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from sendhub.core.vocabulary import plain_name, raw_codes_in, vocabularies


def test_the_vocabularies_cover_every_domain_with_choices():
    found = vocabularies()
    apps = {key.split(".")[0] for key in found}
    assert {"cases", "voice", "localoffer", "funding", "accounts", "strategy"} <= apps
    assert plain_name("cases.Child.sen_status", "ehcp") == "EHC plan"
    assert plain_name("accounts.User.role", "social_care") == "Social care adviser"
    assert plain_name("cases.Child.sen_status", "unknown") == "unknown"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("SEN status: support / ehcp / eng / none", ["ehcp", "eng"]),
        ("Asked of the Social_Care adviser", ["Social_Care"]),
        ("Open (MO, WE 10:00 to 13:00)", ["MO, WE"]),
        ("Stage: stage_1_done", ["stage_1_done"]),
        ("Children with an EHC plan, on SEN Support or with no current SEN provision", []),
        ("Monday and Wednesday, 10:00 to 13:00. WE ARE OPEN", []),
        ("Email officer_1@example.test or see /cases/?list=overdue", []),
    ],
)
def test_raw_codes_are_found_as_words(text, codes):
    assert raw_codes_in(text) == codes


def test_no_plain_name_reads_as_a_raw_code():
    flagged = {
        f"{key}: {name}"
        for key, names in vocabularies().items()
        for name in names.values()
        if raw_codes_in(name)
    }
    assert not flagged


def test_templates_write_codes_and_numbers_for_people():
    rendered = Template(
        '{% load words %}{{ s|plain:"cases.Child.sen_status" }}; {{ 1|count_of:"child" }}; '
        '{{ 2|count_of:"child" }}; {{ 3|count_of:"analysis,analyses" }}; {{ 1234.5|pounds }}; {{ -20|pounds }}'
    ).render(Context({"s": "ehcp"}))
    assert rendered == "EHC plan; 1 child; 2 children; 3 analyses; £1,234.50; \u2212£20.00"
