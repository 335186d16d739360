"""Page weight and search cost as a reader meets them, measured in Chromium over a gzip static server.

``measure(site)`` serves a built site with scripts/serve_static.py (gzip, cache headers like GitHub Pages)
and drives Debian's Chromium through Playwright:

1. a fresh profile opens the heaviest code page and waits until the network is idle: every request and its
   bytes on the wire (status line, headers and gzip body, counted by
   the server; a browser-cache hit costs nothing, a revalidation its 304);
2. the same profile then opens another code page (what the browser cache saves);
3. on that page the reader focuses the search box and types a query: what that fetches, and how long after
   the last search file arrived the first result is on screen (both read from the page's own clock).

Section 6 of ``make bench``. Run alone: ``.venv/bin/python benchmarks/reader.py site``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT  # also puts scripts/ on the path
from serve_static import StaticServer
from support import CHROMIUM, CHROMIUM_ARGS

# Set before the first result paints: when the first result item appears in Material's result list.
_WATCH_RESULTS = """(() => {
  const seen = () => {
    const list = document.querySelector('.md-search-result__list');
    if (list && list.querySelector('li') && !window.__firstResultAt) window.__firstResultAt = performance.now();
  };
  new MutationObserver(seen).observe(document, {subtree: true, childList: true});
})();"""


@dataclass
class Visit:
    """Requests of one step: (path, header bytes, body bytes) in the order the server answered them."""

    requests: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Bytes on the wire: status lines, headers and (gzip) bodies."""
        return sum(head + body for _, head, body in self.requests)

    @property
    def bodies(self) -> int:
        """The (gzip) bodies alone, the figure the budgets are written in."""
        return sum(body for _, _, body in self.requests)


@dataclass
class Weight:
    first: Visit
    next: Visit
    search: Visit
    results_after_data_ms: float | None
    first_path: str
    next_path: str
    query: str
    results: list[str]


def measure(site: Path, first_path: str, next_path: str, query: str = "not found") -> Weight:
    """Visit ``first_path`` then ``next_path`` in one fresh Chromium profile, then search on the second page."""
    from playwright.sync_api import sync_playwright

    done: list[tuple[str, int, int]] = []  # what the server sent, the search worker's requests included
    record = lambda path, head, body: done.append((path, head, body))  # noqa: E731
    with StaticServer(site, on_sent=record) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(base_url=base.rstrip("/"), viewport={"width": 1280, "height": 900})
            context.add_init_script(_WATCH_RESULTS)
            page = context.new_page()
            page.goto(first_path, wait_until="networkidle")
            first = Visit(list(done))
            done.clear()
            page.goto(next_path, wait_until="networkidle")
            page.wait_for_timeout(500)  # anything started late (idle callbacks) counts for this page
            second = Visit(list(done))
            done.clear()
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(query, delay=20)
            page.wait_for_function("() => window.__firstResultAt", timeout=30_000)
            page.wait_for_load_state("networkidle")
            search = Visit(list(done))
            results = page.eval_on_selector_all(
                ".md-search-result__list > li > a.md-search-result__link", "els => els.map(a => a.pathname)"
            )
            gap = page.evaluate(
                """() => {
                  const ends = performance.getEntriesByType('resource').filter(r => /search/.test(r.name))
                    .map(r => r.responseEnd);
                  return ends.length ? window.__firstResultAt - Math.max(...ends) : null;
                }"""
            )
            context.close()
        finally:
            browser.close()
    return Weight(first, second, search, gap, first_path, next_path, query, results)


# Budgets of issue 11, in KB of gzip bodies (what a static host sends for the files).
FIRST_VISIT_KB, NEXT_PAGE_KB, FIRST_QUERY_KB, RESULTS_AFTER_DATA_MS = 75, 15, 150, 1000
SEARCH_FILES = ("/search/", "search-worker", "/workers/search")


def bench_reader(results, site: Path, first_path: str, section: str = "6") -> None:
    """Add the reader's figures to ``results`` (bench.Results): first visit to ``first_path``, the next code
    page, what the page loads of search before use, and the first query. Needs Chromium and playwright."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        results.add(section, "page weight in Chromium", "not measured: the playwright package is missing")
        return
    if not CHROMIUM.is_file():
        results.add(section, "page weight in Chromium", f"not measured: {CHROMIUM} is missing")
        return
    w = measure(site, first_path, "/404/" if first_path != "/404/" else "/410/")
    results.raw["reader"] = {
        "first": w.first.requests,
        "next": w.next.requests,
        "search": w.search.requests,
        "results_after_data_ms": w.results_after_data_ms,
        "results": w.results,
    }

    def kb(visit) -> str:
        wire = f"{visit.total / 1000:.1f} KB on the wire"
        return f"{visit.bodies / 1000:.1f} KB gzip ({wire}), {len(visit.requests)} requests"

    results.add(
        section,
        f"first visit to {first_path}, until the network is idle",
        kb(w.first),
        f"<= {FIRST_VISIT_KB} KB gzip",
        w.first.bodies <= FIRST_VISIT_KB * 1000,
    )
    for path, _, body in w.first.requests:
        results.add(section, f"  {path}", f"{body / 1000:.1f} KB gzip")
    results.add(
        section,
        f"next code page {w.next_path} (same browser)",
        kb(w.next),
        f"<= {NEXT_PAGE_KB} KB gzip",
        w.next.bodies <= NEXT_PAGE_KB * 1000,
    )
    early = [path for path, _, _ in w.first.requests + w.next.requests if any(s in path for s in SEARCH_FILES)]
    results.add(
        section,
        "search files fetched before the reader uses search",
        str(len(early)) + (": " + ", ".join(early) if early else ""),
        "0",
        not early,
    )
    results.add(
        section,
        f"first query ({w.query!r} typed after focusing the box)",
        kb(w.search),
        f"<= {FIRST_QUERY_KB} KB gzip",
        0 < w.search.bodies <= FIRST_QUERY_KB * 1000,
    )
    for path, _, body in w.search.requests:
        results.add(section, f"  {path}", f"{body / 1000:.1f} KB gzip")
    gap = w.results_after_data_ms
    results.add(
        section,
        "first results on screen after the search data arrived",
        "not measured" if gap is None else f"{gap:.0f} ms (first: {', '.join(w.results[:3])})",
        f"<= {RESULTS_AFTER_DATA_MS} ms",
        gap is not None and gap <= RESULTS_AFTER_DATA_MS,
    )


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else ROOT / "site")
    first_path = argv[1] if len(argv) > 1 else "/504/"
    result = measure(site, first_path, "/404/")
    for name, visit in (
        ("first visit " + first_path, result.first),
        ("next page /404/", result.next),
        (f"search {result.query!r}", result.search),
    ):
        print(
            f"{name}: {visit.bodies / 1000:.1f} KB gzip bodies, {visit.total / 1000:.1f} KB on the wire, "
            f"{len(visit.requests)} requests"
        )
        for path, head, body in visit.requests:
            print(f"    {body / 1000:8.1f} KB  {path}")
    print(
        f"first result {result.results_after_data_ms} ms after the last search file arrived; "
        f"results: {result.results[:3]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
