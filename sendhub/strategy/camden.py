"""Camden's 2024 implementation plan (Appendix C of the seed), from the committed data file, as rows of the
plan template, so the demo loads it through the same import as any council's plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

CAMDEN_PLAN = Path(__file__).parent / "data" / "camden_plan_2024.json"


def camden_plan() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(CAMDEN_PLAN.read_text(encoding="utf-8")))


def camden_plan_rows() -> list[dict[str, str]]:
    data = camden_plan()
    rows = []
    for priority in data["priorities"]:
        for action in priority["actions"]:
            steps = action["steps"] or [{"text": "", "by_when": "", "success_criteria": ""}]
            for n, step in enumerate(steps):
                rows.append(
                    {
                        "strategy": data["strategy"],
                        "year": str(data["year"]),
                        "plan_title": data["title"],
                        "priority": str(priority["number"]),
                        "priority_title": priority["title"],
                        "number": action["number"],
                        "title": action["title"] if n == 0 else "",
                        "owner": "",
                        "partners": "",
                        "outcome": action["outcome"] if n == 0 else "",
                        "success_criteria": action["success_criteria"] if n == 0 else "",
                        "expected_impact": action["expected_impact"] if n == 0 else "",
                        "step": step["text"],
                        "step_by_when": step["by_when"],
                        "step_success_criteria": step["success_criteria"],
                    }
                )
    return rows
