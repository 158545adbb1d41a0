"""Search scoring: normalising, typo tolerance and ranking, with no database."""

from __future__ import annotations

import pytest

from sendhub.localoffer.oruk import search


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speech and Language THERAPY", ["speech", "language", "therapy"]),
        ("Therapies for children", ["therapy", "children"]),
        ("Café clubs", ["cafe", "club"]),
        ("Swimming sessions", ["swimm", "session"]),
        ("bus pass", ["bus", "pass"]),
    ],
)
def test_words_are_normalised_and_stemmed(text, expected):
    assert search.words(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "limit", "distance"),
    [
        ("autism", "autism", 1, 0),
        ("autsim", "autism", 1, 1),  # transposition counts once
        ("austim", "autism", 2, 2),
        ("speach", "speech", 1, 1),
        ("physio", "physiotherapy", 2, 3),  # stops early past the limit
        ("dyslexia", "dyslxeia", 2, 1),
    ],
)
def test_edit_distance(a, b, limit, distance):
    assert search.edit_distance(a, b, limit) == distance


@pytest.mark.parametrize(
    ("word", "term", "quality"),
    [
        ("autism", "autism", search.EXACT),
        ("physio", "physiotherapy", search.PREFIX),
        ("speach", "speech", search.TYPO_1),
        ("occupatonal", "occupational", search.TYPO_1),
        ("ocupatonal", "occupational", search.TYPO_2),
        ("bus", "bug", None),  # short words must be exact
        ("swim", "slim", search.TYPO_1),
        ("respite", "tennis", None),
    ],
)
def test_match_quality(word, term, quality):
    assert search.match_quality(word, term) == quality


def test_one_typo_meets_through_the_deletion_keys():
    for typo, term in [
        ("speach", "speech"),
        ("sppech", "speech"),
        ("spech", "speech"),
        ("speeech", "speech"),
        ("sepech", "speech"),
    ]:
        assert search.lookup_keys(typo) & search.vocabulary_keys(term), typo


def test_index_terms_keep_the_heaviest_field():
    terms = search.index_terms(
        {"name": "Autism play club", "text": "A club for autistic children", "category": "Play"}
    )
    assert terms["autism"] == 3.0 and terms["club"] == 3.0 and terms["play"] == 3.0
    assert terms["children"] == 1.0 and "a" not in terms and "for" not in terms


def test_rank_needs_every_word_and_prefers_name_matches():
    docs = {
        "a": search.index_terms({"name": "Speech therapy drop-in", "text": "For children"}),
        "b": search.index_terms({"name": "Parent forum", "text": "Talks about speech therapy"}),
        "c": search.index_terms({"name": "Speech club", "text": "Stories"}),
    }
    query = search.Query.parse("speach therapy")
    vocabulary = {t for d in docs.values() for t in d}
    expansions = search.expand(query, vocabulary)
    postings = [(doc, term, w) for doc, terms in docs.items() for term, w in terms.items()]
    ranked = search.rank(expansions, postings)
    assert [doc for doc, _ in ranked] == ["a", "b"]  # c lacks "therapy"
    assert ranked[0][1] > ranked[1][1]


def test_query_without_words_is_false():
    assert not search.Query.parse("the and of")
    assert search.Query.parse("Speech, speech!").words == ("speech",)
