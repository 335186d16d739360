"""Real-browser fixtures: the session's built site on a local HTTP server, driven by Debian's Chromium.

Playwright drives /usr/bin/chromium (never a browser Playwright downloads). Without it, or without the
playwright package, the browser suite is skipped with one loud line, or fails when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts.support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one list of flags for tests, scripts, benchmarks)

SKIP_LINE = "browser tests skipped: install Debian chromium (apt-get install chromium) to run them"
_SUMMARY = pytest.StashKey[list]()  # lines for the terminal summary (search figures)
_SKIPPED = pytest.StashKey[str]()  # the one line saying why the browser suite did not run


def _missing() -> str | None:
    problems = []
    if not CHROMIUM.is_file():
        problems.append(f"{CHROMIUM} is missing")
    if importlib.util.find_spec("playwright") is None:
        problems.append("the playwright package is missing (pip install -e '.[test]')")
    return "; ".join(problems) or None


def _summary(config) -> list[str]:
    return config.stash.setdefault(_SUMMARY, [])


def pytest_collection_modifyitems(config, items):
    """Without Chromium or Playwright, leave the browser suite out (one line says so), unless REQUIRE_BROWSER=1."""
    missing = _missing()
    if not missing or os.environ.get("REQUIRE_BROWSER") == "1":
        return  # the browser fixture fails each test when the browser is required but missing
    here = Path(__file__).resolve().parent
    left_out = [item for item in items if here in Path(item.path).resolve().parents]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if here not in Path(item.path).resolve().parents]
        config.stash[_SKIPPED] = f"{SKIP_LINE} ({missing}; {len(left_out)} tests left out)"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = _summary(config)
    if lines:
        terminalreporter.section("browser")
        for line in lines:
            terminalreporter.write_line(line)
    if config.stash.get(_SKIPPED, None):
        terminalreporter.write_sep("!", config.stash[_SKIPPED], yellow=True, bold=True)


@pytest.fixture(scope="session")
def browser_summary(pytestconfig) -> list[str]:
    """Lines printed in the terminal summary, with or without -s (search figures, misses)."""
    return _summary(pytestconfig)


@pytest.fixture(scope="session")
def browser(pytestconfig):
    missing = _missing()
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {missing}", pytrace=False)
        pytestconfig.stash[_SKIPPED] = f"{SKIP_LINE} ({missing})"
        pytest.skip(f"{SKIP_LINE} ({missing})")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the test output clean
        pass


@pytest.fixture(scope="session")
def server(browser, site) -> str:
    """Base URL (no trailing slash) of the built site served on 127.0.0.1 at a free port."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site.root)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def page(browser, server):
    """A fresh light-scheme page at desktop width; fails the test if the page requested another origin."""
    tab = new_page(browser, server)
    foreign = []

    def note(request):
        if urlparse(request.url).scheme in ("http", "https") and not request.url.startswith(server + "/"):
            foreign.append(request.url)

    tab.context.on("request", note)
    yield tab
    tab.context.close()
    assert not foreign, f"the site fetched from other origins at view time: {sorted(set(foreign))}"


# Material sends every keystroke's query to its search worker and renders each answer as it arrives. This
# counts the queries and answers (message types 2 and 3) so a test reads the results of the last query only.
_WATCH_SEARCH_WORKER = """(() => {
  const Native = window.Worker;
  const state = window.__searchWorker = {sent: 0, answered: 0, last: null};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => { if (event.data && event.data.type === 3) state.answered++; });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.sent++; state.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})();"""
_ANSWERED = """() => {
  const state = window.__searchWorker, box = document.querySelector('input.md-search__input');
  return state.sent > 0 && state.answered === state.sent && state.last === box.value;
}"""
_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  return meta !== null && !/Initializing/.test(meta.textContent);
}"""
_RESULT_LINKS = """() => Array.from(
  document.querySelectorAll('.md-search-result__list > li.md-search-result__item > a.md-search-result__link'),
  a => a.href)"""


def new_page(browser, server, *, scheme: str = "light", width: int = 1280, height: int = 900):
    """A page in a fresh context (no stored palette choice) that prefers ``scheme``; close its context after."""
    context = browser.new_context(base_url=server, viewport={"width": width, "height": height}, color_scheme=scheme)
    context.set_default_timeout(15_000)
    context.add_init_script(_WATCH_SEARCH_WORKER)
    return context.new_page()


class SiteSearch:
    """Material's search box on ``page``, used the way a person uses it."""

    def __init__(self, page):
        self.page = page
        self.box = page.locator("input.md-search__input")

    def open(self) -> None:
        """Focus the search box and wait until the search index is loaded."""
        self.box.click()
        self.page.wait_for_function(_READY)

    def results(self) -> list[str]:
        """Paths of the result pages in the order shown, once the worker has answered the box's last query."""
        self.page.wait_for_function(_ANSWERED, polling=50)
        return [urlparse(url).path for url in self.page.evaluate(_RESULT_LINKS)]

    def query(self, text: str) -> list[str]:
        """Clear the box, type ``text`` key by key and return the result pages' paths in order."""
        self.box.press("Control+A")
        self.box.press("Backspace")
        self.box.press_sequentially(text, delay=15)
        return self.results()


@pytest.fixture(scope="session")
def sample_pages(site, reference) -> list[str]:
    """Home, every class page and the ten heaviest code pages (most content, so most likely to break)."""
    heaviest = sorted(reference.entries, key=lambda e: (-site.path_for(e.path).stat().st_size, e.code))[:10]
    return ["/"] + [f"/{c.path}" for c in reference.classes] + [f"/{e.path}" for e in heaviest]
