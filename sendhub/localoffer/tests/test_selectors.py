"""The SQL ranking agrees with the pure Python reference (oruk.search.rank), filters included."""

from __future__ import annotations

import pytest

from sendhub.localoffer import selectors
from sendhub.localoffer.models import Service, TaxonomyTerm

pytestmark = pytest.mark.usefixtures("directory")


def reference_ranking(text):
    ranked = selectors.ranked_service_ids(text)
    assert ranked is not None
    return ranked


@pytest.mark.parametrize(
    "text",
    [
        "swimming",
        "swiming",
        "speech therapy",
        "club",
        "short breaks",
        "holiday play",
        "autism support",
        "occupatonal",
        "zzqx",
    ],
)
def test_sql_ranking_matches_python_reference(text):
    reference = reference_ranking(text)
    total, page = selectors.search_services(selectors.ServiceFilters(text=text), offset=0, limit=1000)
    assert total == len(reference)
    assert [s.pk for s in page] == reference


def test_paging_through_ranked_results_covers_every_match_once():
    reference = reference_ranking("club")
    seen = []
    for offset in range(0, len(reference), 3):
        seen += [
            s.pk
            for s in selectors.search_services(selectors.ServiceFilters(text="club"), offset=offset, limit=3)[
                1
            ]
        ]
    assert seen == reference


def test_text_and_filters_are_anded():
    autism = TaxonomyTerm.objects.get(code="autism")
    filters = selectors.ServiceFilters(text="club", term_ids=(autism.pk,), age=9)
    total, page = selectors.search_services(filters, offset=0, limit=100)
    expected = [
        pk
        for pk in reference_ranking("club")
        if Service.objects.filter(pk=pk, terms=autism, minimum_age__lte=9, maximum_age__gte=9).exists()
    ]
    assert [s.pk for s in page] == expected and total == len(expected)


@pytest.mark.parametrize("text", ["swiming", "speech therapy", "holiday play", "occupatonal", "sw", "zzqx"])
def test_candidate_terms_sql_matches_a_scan_of_the_vocabulary(text):
    from sendhub.localoffer.models import SearchKey
    from sendhub.localoffer.oruk import search
    from sendhub.localoffer.selectors import search_sql

    words = list(search.Query.parse(text).words)
    keys = set().union(*(search.lookup_keys(w) for w in words))
    expected = {
        term
        for key, term in SearchKey.objects.values_list("key", "term")
        if key in keys
        or any(key == term and len(w) >= search.MIN_PREFIX and key.startswith(w) for w in words)
    }
    assert search_sql.candidate_terms(words) == expected
    assert expected or text in ("sw", "zzqx")  # "sw" is too short for a prefix and is no term
