"""Payloads the validator accepted stay inert in a real browser.

The builds are the ones tests/test_xss.py makes (shared when both files run in one session): every payload
of tests/xss/payloads.txt in every field that accepted it. Each build is served on 127.0.0.1 and every page
that shows a payload is loaded in Debian's Chromium (the ``browser`` fixture of conftest.py: skipped without
Chromium and Playwright, a failure when REQUIRE_BROWSER=1). On each page: no dialog opens, nothing is logged
to the console and no script error is raised beyond what the harmless baseline page does, nothing is
fetched from another origin, and no injected node or handler exists, even after hovering and focusing
every element of the article. Searching for the payloads' text renders search results without running them.
"""

from __future__ import annotations

import math
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from ..xsscampaign import GROUP_SIZE, PAYLOADS, campaign_for

BUILDS = 1 + math.ceil(len(PAYLOADS) / GROUP_SIZE)  # the baseline build, then the payload builds

# The nodes a payload would add if it got through (the brief's selector, kept literally) ...
INJECTED_SELECTOR = (
    "article script, article iframe, article object, article embed, article svg, article math, "
    "article img, article style, article form, svg script, [onerror], [onload], [onclick], "
    "[onmouseover], [onfocus], [ontoggle], [srcdoc]"
)
# ... and the same question asked of every element and attribute, so no handler name is missed.
SCAN = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020\\u007f]+/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}=${attr.value}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster'].includes(name)
          && /^(javascript|vbscript|data):/.test(value)) found.push(`${el.tagName} ${name}=${attr.value}`);
    }
  }
  return found;
}"""
SELECTED = """(selector) => Array.from(document.querySelectorAll(selector), el => el.outerHTML.slice(0, 120))"""
# Hover and focus everything a reader could touch; a handler that slipped through would fire now.
TOUCH = """() => {
  for (const el of document.querySelectorAll('article *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'animationstart']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
}"""
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && !/Initializing/.test(meta.textContent);
}"""
RESULTS = "() => document.querySelectorAll('.md-search-result__item').length"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the test output clean
        pass


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    return campaign_for(tmp_path_factory)


@pytest.fixture
def serve():
    servers = []

    def start(directory) -> str:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(directory)))
        httpd.daemon_threads = True
        thread = threading.Thread(target=httpd.serve_forever, name="xss-site", daemon=True)
        thread.start()
        servers.append((httpd, thread))
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield start
    for httpd, thread in servers:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


class Watcher:
    """Everything a page did that a payload could have caused."""

    def __init__(self, context, base: str):
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        context.on(
            "request",
            lambda request: (
                self.foreign.append(request.url)
                if urlparse(request.url).scheme not in ("data", "blob") and not request.url.startswith(base + "/")
                else None
            ),
        )

    def attach(self, page) -> None:
        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def take(self) -> tuple[list[str], list[str], list[str], list[str]]:
        taken = (self.dialogs[:], self.console[:], self.errors[:], self.foreign[:])
        for bucket in (self.dialogs, self.console, self.errors, self.foreign):
            bucket.clear()
        return taken


def _visit(page, watcher: Watcher, url: str) -> dict:
    page.goto(url, wait_until="load")
    page.evaluate(TOUCH)
    page.wait_for_timeout(50)
    dialogs, console, errors, foreign = watcher.take()
    return {
        "dialogs": dialogs,
        "console": console,
        "errors": errors,
        "foreign": foreign,
        "selected": page.evaluate(SELECTED, INJECTED_SELECTOR),
        "handlers": page.evaluate(SCAN),
    }


def _normalize(messages: list[str], base: str) -> set[str]:
    return {re.sub(r"https?://127\.0\.0\.1:\d+", "", m).replace(base, "") for m in messages}


@pytest.fixture(scope="module")
def baseline_pages(campaign, browser):
    """What the harmless baseline pages do in the browser (console lines the theme itself may log)."""
    group = campaign.groups[0]
    if group.returncode != 0:
        pytest.fail("the baseline build failed; see tests/test_xss.py::test_every_build_succeeds")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(group.site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        watcher = Watcher(context, base)
        page = context.new_page()
        watcher.attach(page)
        seen = {path: _visit(page, watcher, f"{base}/{path}") for path in ("", "4xx/", "404/", "499/")}
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    for path, result in seen.items():
        assert not result["dialogs"] and not result["selected"] and not result["handlers"], (path, result)
    return {path: _normalize(result["console"] + result["errors"], base) for path, result in seen.items()}


@pytest.mark.parametrize("number", range(BUILDS), ids=lambda n: "baseline" if n == 0 else f"build-{n}")
def test_pages_with_accepted_payloads_run_nothing(campaign, browser, serve, baseline_pages, number):
    group = campaign.groups[number]
    if group.returncode != 0:
        pytest.fail("this build failed; see tests/test_xss.py::test_every_build_succeeds")
    base = serve(group.site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    problems = []
    try:
        watcher = Watcher(context, base)
        page = context.new_page()
        watcher.attach(page)
        pages = [("", ""), ("4xx/", "4xx/")]
        for outcome in group.outcomes:
            pages += [(f"{outcome.registered_code}/", "404/"), (f"{outcome.unofficial_code}/", "499/")]
        for path, baseline_path in pages:
            result = _visit(page, watcher, f"{base}/{path}")
            expected = baseline_pages[baseline_path]
            extra = sorted(_normalize(result["console"] + result["errors"], base) - expected)
            for key in ("dialogs", "foreign", "selected", "handlers"):
                if result[key]:
                    problems.append(f"/{path}: {key}: {result[key]}")
            if extra:
                problems.append(f"/{path}: console or script errors the baseline page has not: {extra}")
        # Search results are built from the index with innerHTML: search for what the payloads say.
        page.goto(f"{base}/", wait_until="load")
        watcher.take()
        box = page.locator("input.md-search__input")
        box.click()
        page.wait_for_function(SEARCH_READY)
        shown = 0
        for query in ("alert", "script", "onerror", "javascript"):
            box.fill("")
            box.press_sequentially(query, delay=10)
            page.wait_for_timeout(400)
            shown += page.evaluate(RESULTS)
            dialogs, console, errors, foreign = watcher.take()
            handlers = page.evaluate(SCAN)
            injected = page.evaluate(
                SELECTED,
                ".md-search-result script, .md-search-result img, .md-search-result iframe, .md-search-result svg",
            )
            for name, found in (
                ("dialogs", dialogs),
                ("foreign", foreign),
                ("handlers", handlers),
                ("injected", injected),
                ("script errors", errors),
            ):
                if found:
                    problems.append(f"search {query!r}: {name}: {found}")
            extra = sorted(_normalize(console, base) - baseline_pages[""])
            if extra:
                problems.append(f"search {query!r}: console: {extra}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    # The searched words reach the index only through a payload accepted in prose or plain text outside the
    # examples (which search leaves out). Since plain-text fields refuse tags, a build whose payloads are all
    # tags (build 1) has none; every other build must show results, or the search check saw nothing.
    indexed = [
        slot
        for outcome in group.outcomes
        for slot in outcome.accepted
        if slot.placement in ("summary", "plain", "markdown")
        and slot.path[0] != "examples"
        and re.search(r"alert|script|onerror|javascript", outcome.value(slot), re.I)
    ]
    if number and indexed:
        assert shown, "searching for the payloads' words showed no result: the search check saw nothing"
