"""Sign in as every role, follow every link reachable from the navigation, and run axe-core (WCAG 2.2 AA)
in Debian chromium on each kind of page. Fails on any violation, any page wider than a 390 px phone screen,
and any server error or broken link, any raw code from the vocabularies written on a crawled page
(core/vocabulary.py), and any private page no role could reach. For each signed-in role, the header's items
must fit one row at 1280 px and fold behind the Menu button at 390 px.

Each role's crawl runs once, in the module fixture `crawls`, whichever test asks for it first: the reach
check does not depend on the sweep's tests having run before it.

Links are followed over plain HTTP (fast); each kind of page is then opened in the browser once, with the
same signed-in session, for axe; a failing page leaves a screenshot in var/screenshots/.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sendhub.accounts.demo import DEMO_PASSWORD
from sendhub.core.tests.browser.crawl import CrawlResult, crawl, signed_in_session
from sendhub.core.tests.reach import ROLES, route_name, stale_exceptions, unreached
from sendhub.core.vocabulary import raw_codes_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHECKED: set[str] = set()  # routes already checked by axe


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


HEADER_ROWS = """() => {
  const items = [...document.querySelectorAll('.govuk-service-navigation__item')];
  const tops = new Set(items.map(item => Math.round(item.getBoundingClientRect().top)));
  const list = document.querySelector('#navigation');
  const toggle = document.querySelector('.govuk-service-navigation__toggle');
  return {items: items.length, rows: tops.size, listShown: !!list && list.offsetHeight > 0 && !list.hidden,
          toggleShown: !!toggle && !toggle.hidden && toggle.offsetHeight > 0,
          width: document.documentElement.scrollWidth};
}"""


def header_problems(browser: Any, session: Any, live_url: str, role: str) -> list[str]:
    """The role's home page: the header's items fit one row at 1280 px; at 390 px they sit behind the Menu
    button, which opens them."""
    problems = []
    context = browser.new_context(viewport=DESKTOP)
    context.add_cookies([{"name": c.name, "value": c.value or "", "url": live_url} for c in session.cookies])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_url + "/")
    wide = page.evaluate(HEADER_ROWS)
    if wide["items"] and (wide["rows"] != 1 or not wide["listShown"] or wide["toggleShown"]):
        problems.append(f"header as {role} at 1280 px: {wide}")
    page.set_viewport_size(PHONE)
    if wide["items"]:
        # GOV.UK Frontend hides the menu from a media-query listener, which runs after the resize returns.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_selector(".govuk-service-navigation__toggle", state="visible", timeout=5000)
    narrow = page.evaluate(HEADER_ROWS)
    if narrow["items"] and (narrow["listShown"] or not narrow["toggleShown"]):
        problems.append(
            f"header as {role} at 390 px does not collapse behind the Menu button: {narrow}"
            + (f" (script errors: {errors})" if errors else "")
        )
    elif narrow["items"]:
        page.click(".govuk-service-navigation__toggle")
        if not page.evaluate(HEADER_ROWS)["listShown"]:
            problems.append(f"header as {role} at 390 px: the Menu button does not open the menu")
    if narrow["width"] > 390:
        problems.append(f"home page as {role} is {narrow['width']} px wide at 390 px")
    context.close()
    return problems


class Crawls:
    """Each role's signed-in session and crawl of the live server, made on first use and kept."""

    def __init__(self, live_url: str) -> None:
        self.live_url = live_url
        self._done: dict[str, tuple[Any, CrawlResult]] = {}

    def of(self, role: str) -> tuple[Any, CrawlResult]:
        if role not in self._done:
            session = signed_in_session(self.live_url, ROLES[role], DEMO_PASSWORD)
            start = "/" if ROLES[role] else "/sign-in/"
            self._done[role] = (session, crawl(session, self.live_url, start, route_name))
        return self._done[role]


@pytest.fixture(scope="module")
def crawls(live_url: str) -> Crawls:
    return Crawls(live_url)


def test_every_private_page_is_reached_by_some_role(crawls):
    reached: set[str] = set()
    for role in ROLES:
        reached |= crawls.of(role)[1].reached
    assert not stale_exceptions(), f"NOT_CRAWLABLE names routes that no longer exist: {stale_exceptions()}"
    missing = unreached(reached)
    assert not missing, (
        "No role could reach these pages by following links; link them from the navigation or a page, "
        f"or list them in NOT_CRAWLABLE with a reason: {json.dumps(missing, indent=1)}"
    )


@pytest.mark.parametrize("role", list(ROLES))
def test_every_reachable_page_passes_axe(role, live_url, crawls, browser, axe_source, screenshots):
    session, result = crawls.of(role)
    to_check = {name: path for name, path in result.visited.items() if name not in CHECKED}
    problems = list(result.problems)
    # No raw code from the vocabularies ("ehcp", "Social_Care", "MO, WE") is written on any crawled page.
    for path, text in sorted(result.texts.items()):
        if codes := raw_codes_in(text):
            problems.append(f"{path} as {role} shows raw codes: {', '.join(codes)}")
    if to_check:
        context = browser.new_context(bypass_csp=True, viewport=DESKTOP)
        context.add_cookies(
            [{"name": c.name, "value": c.value or "", "url": live_url} for c in session.cookies]
        )
        page = context.new_page()
        for name, path in sorted(to_check.items()):
            CHECKED.add(name)
            page.goto(live_url + path)
            violations = run_axe(page, axe_source)
            shot = screenshots / f"{role}-{name.replace(':', '-')}.png"
            if violations:
                problems.append(f"{path} ({name}) as {role}:\n{describe(violations)}")
                # A picture of each failing page only: one of every page cost a second each.
                page.screenshot(path=str(shot), full_page=True)
            # On a phone no page is wider than the screen (tables scroll inside themselves).
            page.set_viewport_size(PHONE)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"{path} ({name}) as {role} is {width} px wide at {PHONE['width']} px")
                page.screenshot(path=str(shot.with_suffix(".phone.png")), full_page=True)
            page.set_viewport_size(DESKTOP)
        context.close()
    if ROLES[role]:
        problems.extend(header_problems(browser, session, live_url, role))
    assert not problems, f"{len(problems)} problem(s) as {role}:\n" + "\n".join(problems)
