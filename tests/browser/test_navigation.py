"""Getting around the site in a real browser: links, palette toggle, and a phone-width layout."""

from __future__ import annotations

import re

import pytest

from .conftest import new_page


def h1(page) -> str:
    return page.locator("article h1").first.inner_text().replace("¶", "").strip()


def test_home_to_class_to_code_to_related_code(page, server, reference):
    page.goto("/")
    assert h1(page) == "HTTP status codes"

    page.locator("article h2 a:not(.headerlink)", has_text="4xx Client Error").click()
    page.wait_for_url(f"{server}/4xx/")
    assert h1(page) == "4xx Client Error"

    page.locator("article table a", has_text=re.compile(r"^404$")).click()
    page.wait_for_url(f"{server}/404/")
    assert h1(page).startswith("404 Not Found")

    related = reference.by_code[404].related[0].code
    comparison = page.locator("h2[id^='404-vs'] ~ * table, h2[id^='404-vs'] ~ table").first
    comparison.locator("a", has_text=re.compile(rf"^{related}$")).click()
    page.wait_for_url(f"{server}/{related}/")
    assert h1(page).startswith(f"{related} {reference.by_code[related].name}")


def test_palette_toggle_switches_to_dark_and_back(page):
    page.goto("/404/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.locator("label[title='Switch to light mode']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


def test_palette_choice_is_kept_on_the_next_page_and_enter_switches(page):
    page.goto("/404/")
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.goto("/4xx/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("label[title='Switch to light mode']").is_visible()
    assert not page.locator("label[title='Switch to dark mode']").is_visible()
    # The address bar colour (theme-color) follows the header.
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == page.evaluate(
        "'#' + getComputedStyle(document.querySelector('header')).backgroundColor"
        ".match(/\\d+/g).slice(0, 3).map(c => (+c).toString(16).padStart(2, '0')).join('')"
    )
    page.locator("input[name=__palette]").first.focus()  # where Tab lands in the radio group
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")


@pytest.mark.parametrize("scheme, shown", [("dark", "slate"), ("light", "default")])
def test_palette_is_applied_before_material_s_script_runs(browser, server, scheme, shown):
    """A reader whose system prefers dark gets the dark palette and the toggle icon from the first paint: the
    palette does not wait for Material's bundle (here never delivered), and the toggle works without it."""
    tab = new_page(browser, server, scheme=scheme)
    try:
        tab.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
        tab.goto("/404/")
        assert tab.locator("body").get_attribute("data-md-color-scheme") == shown
        toggle = tab.locator("form.md-header__option label:not([hidden])")
        assert toggle.count() == 1 and toggle.is_visible()
        toggle.click()
        other = {"slate": "default", "default": "slate"}[shown]
        tab.wait_for_function(f"document.body.dataset.mdColorScheme === '{other}'")
    finally:
        tab.context.close()


def test_no_horizontal_overflow_at_phone_width(browser, server, sample_pages):
    phone = new_page(browser, server, width=390, height=844)
    overflowing = []
    try:
        for path in sample_pages:
            phone.goto(path)
            widths = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if widths[0] > widths[1]:
                overflowing.append(f"{path}: scrollWidth {widths[0]} > clientWidth {widths[1]}")
    finally:
        phone.context.close()
    assert not overflowing, "\n".join(overflowing)
