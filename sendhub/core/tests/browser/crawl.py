"""A fast link crawler over HTTP (no browser) that signs in as a demo account and follows same-site links.

Pages of one kind (same route) are alike. More pages of a kind are crawled while they keep showing a set
of links not seen before on that kind (a child's page shows different actions at different stages), up to
MAX_PAGES_PER_ROUTE, stopping after DULL_VISITS pages of that kind that showed nothing new.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlparse

import requests

MAX_PAGES_PER_ROUTE = 40
DULL_VISITS = 12
MAX_PAGES_PER_ROLE = 600
NEVER_FOLLOW = ("/sign-out/", "/admin/")
PARALLEL = 4  # requests in flight at once (the test server runs 2 workers x 4 threads)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


class _Text(HTMLParser):
    """The text a person reads: everything outside <script>, <style> and <template>."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style", "template") and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@dataclass
class CrawlResult:
    visited: dict[str, str] = field(default_factory=dict)  # route name -> first URL seen with a 200 HTML page
    reached: set[str] = field(default_factory=set)  # route names reached with any answer but an error
    problems: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # URL -> the page's visible text, for text checks


def signed_in_session(base: str, email: str | None, password: str) -> requests.Session:
    session = requests.Session()
    if email:
        session.get(f"{base}/sign-in/", timeout=30)
        token = session.cookies.get("csrftoken", "")
        answer = session.post(
            f"{base}/sign-in/",
            timeout=30,
            allow_redirects=False,
            data={"username": email, "password": password, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{base}/sign-in/"},
        )
        assert answer.status_code == 302, f"could not sign in as {email}: HTTP {answer.status_code}"
    return session


def crawl(
    session: Any,  # a requests.Session, or reach.ClientSession over the Django test client
    base: str,
    start: str,
    route_name: Callable[[str], str | None],
    parallel: int = PARALLEL,
) -> CrawlResult:
    """Follow links from `start`. With `parallel=1` every request runs in the calling thread (as the
    Django test client needs: the test's database transaction belongs to that thread)."""
    result = CrawlResult()
    queue, seen = deque([start]), {start}
    per_route: dict[str, int] = {}
    dull: dict[str, int] = {}
    known: set[str] = set()
    shapes: set[tuple[str, frozenset[str]]] = set()  # (kind of page, kinds of page it links to)
    pages = 0
    with ThreadPoolExecutor(parallel) as pool:
        mapper = pool.map if parallel > 1 else map
        while queue and pages < MAX_PAGES_PER_ROLE:
            batch: list[tuple[str, str]] = []
            while queue and len(batch) < parallel:
                path = queue.popleft()
                name = route_name(urlparse(path).path) or path
                if per_route.get(name, 0) >= MAX_PAGES_PER_ROUTE or dull.get(name, 0) >= DULL_VISITS:
                    continue
                per_route[name] = per_route.get(name, 0) + 1
                batch.append((path, name))
            pages += len(batch)
            answers = mapper(lambda item: session.get(base + item[0], timeout=60), batch)
            for (path, name), answer in zip(batch, answers, strict=True):
                if not _follow(answer, path, name, result, queue, seen, known, shapes, route_name):
                    dull[name] = dull.get(name, 0) + 1
    return result


def _follow(
    answer: Any,
    path: str,
    name: str,
    result: CrawlResult,
    queue: deque[str],
    seen: set[str],
    known: set[str],
    shapes: set[tuple[str, frozenset[str]]],
    route_name: Callable[[str], str | None],
) -> bool:
    """Record one answer and queue its links; True when the page linked to kinds of page in a way not seen
    before on pages of its kind."""
    if answer.status_code >= 500 or answer.status_code == 404:
        result.problems.append(f"{path}: HTTP {answer.status_code}")
        return False
    result.reached.add(name)
    if answer.status_code != 200 or "text/html" not in answer.headers.get("Content-Type", ""):
        return False
    result.visited.setdefault(name, path)
    result.texts[path] = visible_text(answer.text)
    discovered = False
    kinds_linked: set[str] = set()
    for href in links_in(answer.text):
        target = urldefrag(href)[0]
        parsed = urlparse(target)
        if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith(NEVER_FOLLOW):
            continue
        kind = route_name(parsed.path) or parsed.path
        kinds_linked.add(kind)
        if target in seen:
            continue
        seen.add(target)
        if kind not in known:
            known.add(kind)
            discovered = True
            queue.appendleft(target)  # a new kind of page: visit it before more of the same
        else:
            queue.append(target)
    shape = (name, frozenset(kinds_linked))
    if shape not in shapes:
        shapes.add(shape)
        discovered = True
    return discovered
