"""The home page's search form: the reader who arrives looking for one code types it and gets results."""

from __future__ import annotations

from urllib.parse import urlparse

from .conftest import SiteSearch


def test_home_search_form_opens_the_search_with_results(page):
    page.goto("/")
    box = page.get_by_label("Find a status code by number, name or the words you have")
    box.fill("rate limit")
    box.press("Enter")
    page.wait_for_url("**/?q=rate+limit")
    results = SiteSearch(page).results()
    assert results and urlparse(results[0]).path.endswith("/429/")


def test_home_guide_link_reaches_the_guide(page):
    page.goto("/")
    # The link in the page text (the sidebar has one too since the guide is in the navigation).
    page.get_by_role("article").get_by_role("link", name="Which status code should I return?").click()
    page.wait_for_url("**/guide/")
    page.locator(".tryit-question").wait_for()
