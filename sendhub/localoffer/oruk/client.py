"""Read another directory's ORUK feed: a file, a URL of a JSON document, or an ORUK API base URL."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sendhub.localoffer.oruk.feed import FeedError, load_json, records_from_document

Fetch = Callable[[str], Any]
MAX_PAGES = 1000


def http_json(url: str, timeout: float = 30.0) -> Any:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FeedError(f"Only http and https addresses can be read: {url}")
    headers = {"Accept": "application/json", "User-Agent": "sendhub-oruk-import"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked above)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return load_json(response.read())
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise FeedError(f"Could not read {url}: {e}") from e


def records_from_api(base: str, fetch: Fetch = http_json, per_page: int = 100) -> list[Any]:
    """Every service of an ORUK API, fully nested: page through /services, then GET /services/{id}."""
    base = base.rstrip("/")
    records, page = [], 1
    while page <= MAX_PAGES:
        body = fetch(f"{base}/services?{urllib.parse.urlencode({'page': page, 'per_page': per_page})}")
        if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
            raise FeedError(f"{base}/services did not return an ORUK page")
        for item in body["contents"]:
            item_id = item.get("id") if isinstance(item, dict) else None
            records.append(fetch(f"{base}/services/{urllib.parse.quote(str(item_id))}") if item_id else item)
        if body.get("last_page") or not body["contents"]:
            break
        page += 1
    return records


def read_source(source: str, fetch: Fetch = http_json) -> list[Any]:
    """The service records behind `source` (a path, a JSON URL or an ORUK API base URL)."""
    if source.startswith(("http://", "https://")):
        document = fetch(source)
        if isinstance(document, dict) and str(document.get("version", "")).startswith("HSDS"):
            return records_from_api(source, fetch)
        return records_from_document(document)
    path = Path(source)
    if not path.is_file():
        raise FeedError(f"No such file: {source}")
    try:
        return records_from_document(json.loads(path.read_text(encoding="utf-8")))
    except (UnicodeDecodeError, ValueError) as e:
        raise FeedError(f"{source} is not a JSON file: {e}") from e
