"""Search where a reader is most exact (issue 11): a code's name, its number, a former name, a keyword, an RFC
section number shown on its page. Every query runs in Chromium against the built site's own search code and
index (search/index.js with assets/javascripts/search-worker.js, the engine the search box uses); a handful
are also typed into the search box, and the page load is checked to fetch nothing of search before use.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .conftest import SiteSearch, new_page

_READY = "() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"
_RANK = """queries => {
  const engine = window.__searchEngine.Engine(window.__searchIndex);
  return queries.map(q => engine.search(q).items.slice(0, 10).map(group => '/' + group[0].location));
}"""


@pytest.fixture(scope="module")
def rank(browser, server):
    """rank(queries) -> for each query, the paths of its first ten result pages, best first."""
    page = new_page(browser, server)
    page.goto("/")
    page.add_script_tag(url="/search/index.js")
    page.add_script_tag(url="/assets/javascripts/search-worker.js")
    yield lambda queries: dict(zip(queries, page.evaluate(_RANK, list(queries))))
    page.context.close()


def _places(rank, wanted: dict[str, str]) -> dict[str, int | None]:
    got = rank(list(wanted))
    return {q: (got[q].index(path) + 1 if path in got[q] else None) for q, path in wanted.items()}


def test_a_codes_name_puts_its_page_first(rank, reference):
    """The name as the H1 shows it: first for at least 98 % of the entries, in the top 3 for every one."""
    wanted = {entry.name: f"/{entry.path}" for entry in reference.entries}
    assert len(wanted) >= 0.95 * len(reference.entries), "names shared by many entries: the test would be weak"
    places = _places(rank, wanted)
    first = [q for q, place in places.items() if place == 1]
    not_top3 = {q: place for q, place in places.items() if place is None or place > 3}
    misses = {q: (wanted[q], place) for q, place in places.items() if place != 1}
    assert len(first) >= 0.98 * len(wanted), f"first for {len(first)} of {len(wanted)}; misses: {misses}"
    assert not not_top3, f"names outside the top 3: {not_top3}"


def test_the_whole_h1_and_the_number_put_the_page_first(rank, reference):
    wanted = {entry.title: f"/{entry.path}" for entry in reference.entries}
    wanted |= {str(entry.code): f"/{entry.path}" for entry in reference.entries}
    misses = {q: place for q, place in _places(rank, wanted).items() if place != 1}
    assert not misses, f"not first: {misses}"


def test_former_names_and_keywords_still_find_their_page(rank, reference):
    aliases = {alias: f"/{e.path}" for e in reference.entries for alias in e.aliases}
    keywords = [(keyword, f"/{e.path}") for e in reference.entries for keyword in e.keywords]
    assert aliases and keywords
    alias_misses = {q: place for q, place in _places(rank, aliases).items() if place != 1}
    assert not alias_misses, f"former names not first: {alias_misses}"
    got = rank(sorted({keyword for keyword, _ in keywords}))
    # Keywords are shared ("warning header" is on seven pages): each must bring its page into the first ten.
    keyword_misses = [(q, path) for q, path in keywords if path not in got[q]]
    assert not keyword_misses, f"keywords whose page is not in the first ten: {keyword_misses}"


def test_a_section_number_shown_on_a_page_finds_that_page(rank, reference):
    """The specification badge ("RFC 9110 §15.5.20") in the forms people type. A bare one-level number
    ("2" of RFC 8297 §2) matches the start of every number on the site, so it must come with its RFC."""
    wanted = {}
    for entry in reference.entries:
        if entry.spec is None or entry.spec.section is None:
            continue
        section, document, path = entry.spec.section, entry.spec.document, f"/{entry.path}"
        wanted[f"{document} {section}"] = wanted[f"{document} §{section}"] = path
        if "." in section:
            wanted[section] = wanted[f"§{section}"] = path
    assert len(wanted) > 100
    misses = {q: (wanted[q], place) for q, place in _places(rank, wanted).items() if place != 1}
    assert not misses, f"section numbers that do not put their page first: {misses}"


@pytest.mark.parametrize(
    "query, code",
    [("Found", 302), ("Request Timeout", 408), ("Permanent Redirect", 308), ("15.5.20", 421), ("§15.5.20", 421)],
)
def test_typed_into_the_search_box(page, query, code):
    """The three names the issue found ranked wrong, and a section number, as a reader types them."""
    page.goto("/")
    search = SiteSearch(page)
    search.open()
    assert search.query(query)[:1] == [f"/{code}/"]


def test_a_page_load_fetches_nothing_of_search_until_the_box_is_used(browser, server):
    page = new_page(browser, server)
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(urlparse(r.url).path))
    try:
        page.goto("/404/", wait_until="networkidle")
        page.wait_for_timeout(500)
        searchy = [path for path in requests if "search" in path]
        assert not searchy, f"fetched before the reader used search: {searchy}"
        search = SiteSearch(page)
        search.open()
        assert {"/assets/javascripts/search-worker.js", "/search/index.js"} <= set(requests)
        assert search.query("gone")[:1] == ["/410/"]
    finally:
        page.context.close()


def test_the_keyboard_shortcut_opens_and_loads_search(page):
    page.goto("/404/")
    page.locator("body").press("/")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    search = SiteSearch(page)
    page.wait_for_function(_READY)
    assert search.query("teapot")[:1] == ["/418/"]


def test_search_works_from_the_file_system(browser, site):
    """The offline copy is opened from disk, where browsers refuse workers and fetch: the search still answers."""
    page = browser.new_page()
    try:
        page.goto((site.root / "index.html").as_uri())
        page.locator("input.md-search__input").click()
        page.wait_for_function(_READY)
        page.locator("input.md-search__input").press_sequentially("not found", delay=15)
        page.wait_for_function("() => document.querySelector('.md-search-result__list li a')")
        first = page.eval_on_selector(".md-search-result__list li a", "a => a.getAttribute('href')")
        assert "404/" in first
    finally:
        page.close()


def test_a_result_link_marks_the_query_words_on_the_page(page):
    page.goto("/")
    search = SiteSearch(page)
    search.open()
    search.query("gone")
    page.locator(".md-search-result__list li a").first.click()
    page.wait_for_url("**/410/**")
    page.wait_for_selector("mark[data-md-highlight]")
    assert page.locator("mark[data-md-highlight]").first.inner_text().lower() == "gone"
