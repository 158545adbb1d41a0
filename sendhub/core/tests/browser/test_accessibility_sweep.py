"""Sign in as every role, follow every link reachable from the navigation, and run axe-core (WCAG 2.2 AA)
on each kind of page. Fails on any violation, any server error, and any private page no role could reach.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any
from urllib.parse import urldefrag, urlparse

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from sendhub.accounts.demo import DEMO_PASSWORD, PEOPLE, demo_email
from sendhub.core.tests.routes import all_routes, is_public

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Pages of one kind (same route) are alike; a few of each are crawled for links, one is checked by axe.
PAGES_PER_ROUTE = 3
MAX_PAGES_PER_ROLE = 250
NEVER_FOLLOW = ("/sign-out/", "/admin/")
# Private GET routes that no link leads to, each with the reason. Keep this short.
NOT_CRAWLABLE: dict[str, str] = {
    "accounts:otp_verify": "only shown when a second factor is required at sign-in",
    "accounts:logout": "signing out is a button in the header (a POST form); its GET page is tested in test_sign_in",
}

ROLES = {"anonymous": None} | {role.value: demo_email(local) for local, _, role, _ in reversed(PEOPLE)}
VISITED: dict[str, set[str]] = {}  # route name -> roles that reached it
CHECKED: set[str] = set()  # routes already checked by axe


def route_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/sign-in/" not in page.url, f"could not sign in as {email}"


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.evaluate(axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_reachable_page_passes_axe(role, live_url, browser, axe_source, screenshots):
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    email = ROLES[role]
    if email:
        sign_in(page, live_url, email)
    start = "/" if email else "/sign-in/"
    queue, seen = deque([start]), {start}
    per_route: dict[str, int] = {}
    problems: list[str] = []
    visited = 0
    while queue and visited < MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        name = route_name(urlparse(path).path) or path
        if per_route.get(name, 0) >= PAGES_PER_ROUTE:
            continue
        per_route[name] = per_route.get(name, 0) + 1
        visited += 1
        try:
            response = page.goto(live_url + path)
        except PlaywrightError as e:
            if "Download is starting" not in str(e):
                raise
            VISITED.setdefault(name, set()).add(role)  # a file download (CSV, XLSX, PDF): reached, no HTML
            continue
        status = response.status if response else 0
        VISITED.setdefault(name, set()).add(role)
        if status >= 500 or status == 404:
            problems.append(f"{path}: HTTP {status}")
            continue
        if "text/html" not in (response.headers.get("content-type", "") if response else ""):
            continue
        if name not in CHECKED and status == 200:
            CHECKED.add(name)
            violations = run_axe(page, axe_source)
            page.screenshot(path=str(screenshots / f"{role}-{name.replace(':', '-')}.png"), full_page=True)
            if violations:
                problems.append(f"{path} ({name}) as {role}:\n{describe(violations)}")
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
            target = urldefrag(href)[0]
            parsed = urlparse(target)
            if (
                parsed.scheme
                or parsed.netloc
                or not target.startswith("/")
                or target.startswith(NEVER_FOLLOW)
            ):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    context.close()
    assert not problems, f"{len(problems)} problem(s) as {role}:\n" + "\n".join(problems)


def test_every_private_page_was_reached_by_some_role():
    assert VISITED, "run the sweep first (this test runs after it in the same session)"
    routes = all_routes()
    missing = sorted(
        name
        for name, callback in routes.items()
        if not is_public(callback)
        and name not in VISITED
        and name not in NOT_CRAWLABLE
        and "GET" in getattr(callback, "allowed_methods", ("GET",))
    )
    stale = sorted(set(NOT_CRAWLABLE) - routes.keys())
    assert not stale, f"NOT_CRAWLABLE names routes that no longer exist: {stale}"
    assert not missing, (
        "No role could reach these pages by following links; link them from the navigation or a page, "
        f"or list them in NOT_CRAWLABLE with a reason: {json.dumps(missing, indent=1)}"
    )
