"""Keyword search with relevance and tolerance of typos, portable to any SQL database.

How it works (no PostgreSQL-only features):

* Indexing: each service's fields are tokenised and normalised (`terms`), giving a posting per term with
  the weight of the most important field it appears in (name 3, categories 2, text 1), stored in a plain
  table. A vocabulary of *keys* maps each term and each one-letter deletion of it to the term (the
  "symmetric delete" method), so that a typo can be found with an indexed `key IN (...)` lookup.
* Querying: each query word gives its keys (`lookup_keys`); the vocabulary returns candidate terms, which
  `match_quality` confirms with a bounded Damerau-Levenshtein distance (one typo for words of 4-7
  letters, two for longer words) or a prefix match. `rank` then scores the services that match *every*
  query word (AND): the sum over query words of the best (field weight x match quality).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FIELD_WEIGHTS = {"name": 3.0, "category": 2.0, "text": 1.0}
EXACT, STEM, PREFIX, TYPO_1, TYPO_2 = 1.0, 0.9, 0.75, 0.6, 0.4
MIN_PREFIX = 4
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "this",
        "to",
        "was",
        "we",
        "with",
        "you",
        "your",
        "who",
        "what",
        "how",
        "can",
        "will",
    ]
)
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case without accents, so that 'Café' and 'cafe' match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light English suffix stripper (plurals and -ing/-ed): 'therapies'->'therapy', 'clubs'->'club'."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The searchable words of `text`: normalised, stop words removed, stemmed."""
    return [stem(w) for w in _WORD.findall(normalise(text)) if w not in STOPWORDS]


def index_terms(fields: Mapping[str, str]) -> dict[str, float]:
    """term -> weight for one document; `fields` maps a FIELD_WEIGHTS key to its text."""
    postings: dict[str, float] = {}
    for field_name, text in fields.items():
        weight = FIELD_WEIGHTS[field_name]
        for term in words(text):
            if len(term) >= 2 and postings.get(term, 0.0) < weight:
                postings[term] = weight
    return postings


def deletions(term: str) -> set[str]:
    """`term` with one letter removed, every way (the symmetric-delete keys)."""
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


def vocabulary_keys(term: str) -> set[str]:
    """Keys stored for a vocabulary term: the term itself and, for words of 4+ letters, its deletions."""
    return {term} | (deletions(term) if len(term) >= 4 else set())


def lookup_keys(word: str) -> set[str]:
    """Keys to look up for a query word: the same construction, so one edit on either side meets."""
    return vocabulary_keys(word)


def allowed_typos(word: str) -> int:
    """Short words must match exactly; one typo from 4 letters, two from 8."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or limit+1 once it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def match_quality(word: str, term: str) -> float | None:
    """How well the query `word` matches an indexed `term` (None: not a match)."""
    if word == term:
        return EXACT
    if len(word) >= MIN_PREFIX and term.startswith(word):
        return PREFIX
    typos = allowed_typos(word)
    if typos == 0:
        return None
    distance = edit_distance(word, term, typos)
    if distance > typos:
        return None
    return TYPO_1 if distance == 1 else TYPO_2


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        return cls(tuple(dict.fromkeys(w for w in words(text) if len(w) >= 2)))

    def __bool__(self) -> bool:
        return bool(self.words)


def expand(query: Query, candidates: Iterable[str]) -> dict[str, dict[str, float]]:
    """query word -> {indexed term: quality} over the candidate terms the vocabulary returned."""
    pool = set(candidates)
    return {w: {t: q for t in pool if (q := match_quality(w, t)) is not None} for w in query.words}


def rank(
    expansions: Mapping[str, Mapping[str, float]],
    postings: Iterable[tuple[str, str, float]],
) -> list[tuple[str, float]]:
    """Services matching every query word, best first: [(doc_id, score)].

    `postings` are (doc_id, term, weight) rows for the expanded terms. Ties keep a stable order by id.
    """
    term_words: dict[str, list[tuple[str, float]]] = {}
    for word, terms in expansions.items():
        for term, quality in terms.items():
            term_words.setdefault(term, []).append((word, quality))
    best: dict[str, dict[str, float]] = {}
    for doc_id, term, weight in postings:
        for word, quality in term_words.get(term, ()):
            doc = best.setdefault(doc_id, {})
            doc[word] = max(doc.get(word, 0.0), weight * quality)
    needed = len(expansions)
    scored = [(doc_id, round(sum(s.values()), 4)) for doc_id, s in best.items() if len(s) == needed]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))
