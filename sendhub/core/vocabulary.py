"""Every fixed vocabulary of the service (each model field's choices, by domain app), so that a code can be
written for people under its plain name, and a test can check that no raw code reaches a page.

`plain_name("cases.Child.sen_status", "ehcp")` -> "EHC plan"; templates use the `plain` filter
(`core/templatetags/words.py`). A domain's codes and labels stay in its own module (`cases/vocab.py`, the
models' TextChoices); this module only reads them, through the app registry (core imports no app).
"""

from __future__ import annotations

import re
from functools import cache

from django.apps import apps

# Lower-case codes that are also ordinary English words, which a sentence may use: not a sign of a raw code.
ENGLISH_WORDS = frozenset(
    [
        "a",
        "accepted",
        "active",
        "add",
        "added",
        "admin",
        "agree",
        "all",
        "amend",
        "amended",
        "annual",
        "any",
        "approve",
        "approved",
        "assess",
        "assessing",
        "autumn",
        "being",
        "both",
        "category",
        "cease",
        "ceased",
        "ceasing",
        "clean",
        "closed",
        "complaint",
        "contact",
        "count",
        "daily",
        "day",
        "decline",
        "defer",
        "defunct",
        "draft",
        "email",
        "else",
        "employed",
        "end",
        "ended",
        "english",
        "evaluation",
        "failed",
        "female",
        "final",
        "free",
        "generated",
        "good",
        "green",
        "high",
        "holiday",
        "home",
        "identification",
        "issue",
        "issued",
        "keep",
        "leadership",
        "letter",
        "low",
        "male",
        "manual",
        "medical",
        "monthly",
        "needs",
        "new",
        "no",
        "none",
        "not",
        "ongoing",
        "open",
        "other",
        "paid",
        "parent",
        "participation",
        "partly",
        "pending",
        "percent",
        "phone",
        "plan",
        "post",
        "primary",
        "queued",
        "received",
        "red",
        "refer",
        "regular",
        "rejected",
        "renew",
        "request",
        "requested",
        "review",
        "running",
        "school",
        "secondary",
        "sent",
        "spring",
        "summer",
        "superseded",
        "support",
        "term",
        "transport",
        "virtual",
        "weekly",
        "withdrawn",
        "yes",
    ]
)
# Capitals codes that people also write as acronyms in prose (a plan's text, a strategy's measures).
ACRONYMS = frozenset({"NEET", "SEMH", "SLCN"})
# RFC 5545 day codes, shown as a list ("MO, WE") when a schedule is not put into words.
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@cache
def vocabularies() -> dict[str, dict[str, str]]:
    """ "app_label.Model.field" -> {code: plain name}, for every field with choices in SEND Hub's apps."""
    found: dict[str, dict[str, str]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("sendhub."):
            continue
        for field in model._meta.get_fields():
            choices = getattr(field, "flatchoices", None)
            if choices:
                key = f"{model._meta.app_label}.{model.__name__}.{field.name}"
                found[key] = {str(code): str(label) for code, label in choices if code not in ("", None)}
    return found


def plain_name(vocabulary: str, code: str) -> str:
    """The code's plain name; the code itself when the vocabulary does not know it."""
    return vocabularies().get(vocabulary, {}).get(str(code), str(code))


@cache
def raw_code_pattern() -> re.Pattern[str]:
    """Codes that, written on a page as a word, can only be a code: those with an underscore (any case),
    lower-case codes that are no English word nor a word of any plain name, four-letter-or-longer capitals
    codes (SEN2 ethnicity), and a list of two or more day codes ("MO, WE")."""
    label_words = {
        w.lower() for names in vocabularies().values() for n in names.values() for w in re.findall(r"\w+", n)
    }
    underscored, lower, upper = set(), set(), set()
    for names in vocabularies().values():
        for code, name in names.items():
            if code == name or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", code):
                continue
            if "_" in code:
                underscored.add(re.escape(code))
            elif code.islower() and code not in ENGLISH_WORDS and code not in label_words and len(code) > 2:
                lower.add(re.escape(code))
            elif (
                code.isupper() and len(code) >= 4 and code not in ACRONYMS and code.lower() not in label_words
            ):
                upper.add(re.escape(code))
    days = "|".join(DAY_CODES)
    parts = []
    if underscored:
        parts.append(f"(?i:{'|'.join(sorted(underscored))})")
    if lower:
        parts.append("|".join(sorted(lower)))
    if upper:
        parts.append("|".join(sorted(upper)))
    parts.append(f"(?:{days})(?:, ?(?:{days}))+")
    return re.compile(r"(?<![\w@./-])(?:" + "|".join(parts) + r")(?![\w@/-])")


def raw_codes_in(text: str) -> list[str]:
    """The raw codes written as words in ``text`` (a page's visible text), each once, in order."""
    return list(dict.fromkeys(m.group(0) for m in raw_code_pattern().finditer(text)))
