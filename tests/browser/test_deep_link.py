"""A search link (/?q=...) opens the search with its results, as shared links and browser keywords do."""

from __future__ import annotations

from .conftest import SiteSearch


def test_query_in_the_url_opens_search_with_results(page):
    page.goto("/?q=rate+limit")
    search = SiteSearch(page)
    assert search.box.input_value() == "rate limit"
    assert page.locator("#__search").is_checked(), "the search dialog did not open"
    assert "/429/" in search.results()[:3]
