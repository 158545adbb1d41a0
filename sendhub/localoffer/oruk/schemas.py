"""Validate ORUK 3.0 documents against the shipped JSON schemas (jsonschema, draft 2020-12)."""

from __future__ import annotations

import json
import re
import urllib.parse
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "oruk" / "schemas"
SCHEMA_NAMES = (
    "api_details",
    "service",
    "service_list",
    "service_page",
    "service_at_location",
    "service_at_location_list",
    "service_at_location_page",
    "taxonomy",
    "taxonomy_page",
    "taxonomy_term",
    "taxonomy_term_page",
)

FORMATS = FormatChecker()


@FORMATS.checks("uuid", raises=ValueError)
def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return True
    UUID(value)
    return bool(re.fullmatch(r"[0-9a-fA-F-]{36}", value))


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urllib.parse.urlsplit(value)
    return bool(parts.scheme) and bool(parts.netloc or parts.path) and not re.search(r"\s", value)


def _inline(node: Any) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.endswith(".json") and "#" not in ref:
            return _inline(json.loads((SCHEMA_DIR / ref).read_text(encoding="utf-8")))
        return {k: _inline(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v) for v in node]
    return node


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema `name` (without .json), with references to sibling files inlined."""
    if name not in SCHEMA_NAMES:
        raise KeyError(f"Unknown ORUK schema: {name}")
    schema: dict[str, Any] = _inline(json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8")))
    return schema


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name), format_checker=FORMATS)


def schema_errors(document: Any, name: str, limit: int = 10) -> list[str]:
    """Readable reasons why `document` does not match schema `name` (empty when it is valid)."""
    errors = sorted(_validator(name).iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    reasons = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:160]}" for e in errors[:limit]
    ]
    if len(errors) > limit:
        reasons.append(f"... and {len(errors) - limit} more")
    return reasons
