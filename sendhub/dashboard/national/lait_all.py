"""Every other LAIT measure: the indicators the catalogue does not name, made from LAIT's own dictionary.

`lait_measures.MEASURES` names the SEN measures the board tables use; LAIT's file holds 434 measures in
all (children looked after, children in need, key stages, health, finance, youth justice…), and an analyst
expects every one. Each measure in the file that the catalogue neither names nor leaves out on purpose
(`lait_measures.NOT_LOADED`: LAIT's copies of DfE release figures loaded from the release itself) becomes
an indicator here, named ``lait_`` and its code, with LAIT's topic, wording, polarity, year type, quartile
flag and description.

Where the dictionary does not say (it is read, never guessed, except the unit):

* **Polarity** ``-`` or ``NA`` (126 of 434 measures): no polarity, so the measure is shown with England
  and its neighbours but not ranked or banded (LAIT does the same), and the definition says so.
* **Description** missing: the definition says LAIT's dictionary gives none.
* **Unit**: from the dictionary's axis title (``y_axis_name``): a ``%`` is a percentage, a ``£`` money,
  "Number"/"count" a count, "rate"/"per" a rate, anything else a score (one decimal place more).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sendhub.dashboard.national import catalogue as cat
from sendhub.dashboard.national.lait_measures import NOT_LOADED

NO_POLARITY = cat.NO_POLARITY


def indicator_name(code: str) -> str:
    """``SEN_TOT_CEASED_EHC_PLAN`` → ``lait_sen_tot_ceased_ehc_plan``; ``16-17 NEET`` → ``lait_16_17_neet``;
    a ``%`` is written ``pc`` (LAIT has both ``LAC_ceased_SGO`` and ``LAC_ceased_SGO%``)."""
    slug = re.sub(r"[^a-z0-9]+", "_", code.replace("%", " pc").lower()).strip("_")
    return f"lait_{slug}"[:80]


def unit_of(entry: Mapping[str, str]) -> cat.Unit:
    axis = f"{entry.get('y_axis_name') or ''} {entry.get('measure') or ''}".lower()
    if "%" in axis or "percent" in axis:
        return "percent"
    if "£" in axis:
        return "pounds"
    if re.search(r"\brate\b|\bper\b", axis):
        return "rate"
    if re.search(r"\bnumber\b|\bcount\b|\bno\.", axis):
        return "count"
    return "score"


def other_measures(
    dictionary: Mapping[str, Mapping[str, str]], codes: Iterable[str]
) -> tuple[cat.Indicator, ...]:
    """Indicators for the LAIT codes in the file that the catalogue does not already name."""
    named = {i.lait_code for i in cat.CATALOGUE if i.source == "lait"} | NOT_LOADED.keys()
    taken = {i.name for i in cat.CATALOGUE}
    out = []
    for code in sorted(set(codes) - named):
        entry = dictionary.get(code)
        if entry is None:
            continue  # a measure LAIT's dictionary does not describe: nothing to say what it is
        name = indicator_name(code)
        if name in taken:
            raise ValueError(f"Two LAIT measures would both be called {name}")
        taken.add(name)
        indicator = cat.resolve_lait(
            cat.Indicator(
                name=name,
                label="",
                topic="",
                unit=unit_of(entry),
                polarity=None,
                year_type="",
                source="lait",
                file=cat.LAIT_FILE,
                lait_code=code,
            ),
            dict(entry),
        )
        out.append(replace(indicator, label=indicator.label or code))
    return tuple(out)
