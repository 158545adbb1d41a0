"""Turn Appendix C of Camden's 2024 progress report (the seed text) into camden_plan_2024.json.

Run once by hand: `python sendhub/strategy/data/extract_camden_plan.py SEED.txt > camden_plan_2024.json`.
The seed is a tab-separated dump of the appendix's tables: a row with a number (1.1) starts an item; rows
with no number add a further action to the item above (its by-when and success criteria); cells with
several <p> paragraphs hold several actions. Headings, repeated table headers and theme rows are skipped.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

PRIORITY = re.compile(r"^Priority (One|Two|Three): (.+?)\s*$")
NUMBER = re.compile(r"^\d\.\d+$")
PRIORITY_NUMBERS = {"One": 1, "Two": 2, "Three": 3}


def paragraphs(cell: str) -> list[str]:
    """A cell's paragraphs or bullet points, as plain text."""
    cell = cell.replace('<ul style="list-style-type: none">', "").replace("</ul>", "")
    parts = re.split(r"</?p>|</?li>", cell)
    return [" ".join(p.split()) for p in parts if p.strip()]


def extract(text: str) -> dict[str, Any]:
    start = text.index("Appendix C: Implementation plan Year 2 (2024)\n\nPriority One")
    end = text.index("If you have any questions about the strategy")
    priorities: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in text[start:end].splitlines():
        heading = PRIORITY.match(line.split("\t")[0])
        if heading:
            priority = PRIORITY_NUMBERS[heading.group(1)]
            if not priorities or priorities[-1]["number"] != priority:
                priorities.append({"number": priority, "title": heading.group(2), "actions": []})
            continue
        cells = line.split("\t")
        if len(cells) == 6 and not cells[0] and not cells[1]:
            cells.insert(2, "")  # one continuation row of 1.6 lacks its (empty) update cell
        cells += [""] * (8 - len(cells))
        number, activity, update, action, by_when, outcome, success, impact = [c.strip() for c in cells[:8]]
        if activity == "Year 2 activity":
            continue  # the table header, repeated on every page
        if NUMBER.match(number):
            current = {
                "number": number,
                "title": " ".join(activity.split()),
                "end_of_year_update": " ".join(update.split()),
                "outcome": "\n".join(paragraphs(outcome)),
                "success_criteria": "\n".join(paragraphs(success)),
                "expected_impact": "\n".join(paragraphs(impact)),
                "steps": [],
            }
            priorities[-1]["actions"].append(current)
        elif number or not (action or by_when or success) or current is None:
            continue  # a heading, a table header or a theme row ("Employment", "Health")
        elif success and not action and not by_when:
            current["success_criteria"] += "\n" + "\n".join(paragraphs(success))
            continue
        steps, dates, criteria = paragraphs(action), paragraphs(by_when), paragraphs(success)
        if len(steps) != len(dates):
            dates = [" ".join(dates)] + [""] * (len(steps) - 1) if len(steps) > 1 else [" ".join(dates)]
        for n, step in enumerate(steps or [""]):
            current["steps"].append(
                {
                    "text": step,
                    "by_when": dates[n] if n < len(dates) else "",
                    # Criteria on a continuation row belong to its action; on the item's row, to the item.
                    "success_criteria": "" if NUMBER.match(number) else "\n".join(criteria) if n == 0 else "",
                }
            )
    return {
        "strategy": "Local Area SEND Strategy 2023-2028",
        "year": 2024,
        "title": "Implementation plan Year 2 (2024)",
        "source": "Camden SEND Strategy progress report 2024, Appendix C",
        "priorities": priorities,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as seed:
        json.dump(extract(seed.read()), sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
