"""Search results show text, never markup (issue 10, items 6-7): queries that reach headings with an
apostrophe, prose with code spans and HTML shown as code, typed into Material's search box."""

from __future__ import annotations

import re

import pytest

from .conftest import SiteSearch, new_page

# Each reaches sections whose source holds what double escaping would show: an apostrophe in a heading
# (Cloudflare's), a code span with underscores, HTML written as code (<link rel=preload>, Lock-Token <urn:...>).
QUERIES = ["cloudflare's timeout", "client_max_body_size", "lock token", "preload", "proxy's 407 page"]
MARKUP = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);|</?[A-Za-z][A-Za-z0-9-]*[\s/>]")
_RESULT_TEXT = """() => Array.from(
  document.querySelectorAll('.md-search-result__list li.md-search-result__item'),
  item => item.innerText)"""


@pytest.fixture(scope="module")
def shown(browser, server) -> dict[str, list[str]]:
    page = new_page(browser, server)
    page.goto("/")
    box = SiteSearch(page)
    box.open()
    texts = {}
    for query in QUERIES:
        box.query(query)
        texts[query] = page.evaluate(_RESULT_TEXT)
    page.context.close()
    return texts


@pytest.mark.parametrize("query", QUERIES)
def test_search_results_show_no_entity_or_tag(shown, query):
    assert shown[query], f"{query!r} found nothing"
    leaks = [text for text in shown[query] if MARKUP.search(text)]
    assert not leaks, f"{query!r}: results show markup:\n" + "\n---\n".join(leaks)
