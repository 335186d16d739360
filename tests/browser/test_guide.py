"""/guide/ in Chromium: one question at a time, ten paths walked to their codes, the path kept in the URL
(shareable, Back works), keyboard only, announced to screen readers, a nested list without JavaScript, and
no axe violation in either palette."""

from __future__ import annotations

import re

import pytest

from .conftest import new_page
from .test_accessibility import SCHEMES, axe_violations

# (answers clicked, in order) -> the code the guide ends at, and the code to send instead if it says so.
PATHS = [
    (["The request worked", "No, it was accepted"], "202", None),
    (["The request worked", "Yes", "Yes"], "201", None),
    (["The request worked", "Yes", "No", "Nothing", "No, leave it"], "204", None),
    (["The client should look elsewhere", "A conditional GET or HEAD found"], "304", None),
    (["The client should look elsewhere", "The resource has moved", "Yes, links", "Yes"], "308", None),
    (["The client should look elsewhere", "The resource has moved", "No, keep", "No, or only"], "302", None),
    (["The request is wrong", "Who is asking", "No credentials"], "401", None),
    (["The request is wrong", "The client sends too many", "tempted by Twitter"], "420", "429"),
    (["The request is wrong", "The content it sends", "It parses, but"], "422", None),
    (["The server, or a server behind it", "It is a gateway", "You are tempted", "The origin refused"], "521", "502"),
]


def answer(page, text: str) -> None:
    page.locator(".tryit-answers button", has_text=text).first.click()


@pytest.mark.parametrize("clicks, code, instead", PATHS, ids=[p[1] for p in PATHS])
def test_walking_a_path_ends_at_its_code(page, clicks, code, instead):
    page.goto("/guide/")
    for text in clicks:
        answer(page, text)
    result = page.locator(".tryit-result")
    heading = result.locator("h2")
    assert re.match(rf"^{code} \S", heading.inner_text())
    # The answer links the code's page, says why in one line, and the result has focus for keyboard users.
    assert heading.locator("a").get_attribute("href") == f"../{code}/"
    assert result.locator("p").first.inner_text().strip()
    assert page.evaluate("document.activeElement.closest('.tryit-result') !== null")
    if instead:
        assert result.locator(".tryit-instead a").get_attribute("href") == f"../{instead}/"
    assert f"Answer: {code} " in page.locator(".tryit-guide [role=status]").inner_text()
    # The path is in the URL: opening it elsewhere shows the same answer.
    shared = page.url
    assert re.search(r"\?path=[0-9.]+$", shared)
    other = page.context.new_page()
    other.goto(shared)
    assert other.locator(".tryit-result h2").inner_text() == heading.inner_text()
    # Following the link reaches the code's page.
    heading.locator("a").click()
    page.wait_for_url(f"**/{code}/")
    assert page.locator("h1").inner_text().startswith(code)


def test_back_start_over_and_the_browser_back_button(page):
    page.goto("/guide/")
    answer(page, "The request is wrong")
    answer(page, "The target resource")
    assert page.locator(".tryit-question").inner_text() == "What about the target resource?"
    page.get_by_role("button", name="Back", exact=True).click()
    assert page.locator(".tryit-question").inner_text() == "What is wrong with the request?"
    answer(page, "The method")
    page.go_back()
    assert page.locator(".tryit-question").inner_text() == "What is wrong with the request?"
    assert page.url.endswith("?path=3")
    page.get_by_role("button", name="Start over").click()
    assert page.locator(".tryit-question").inner_text() == "What is the server about to tell the client?"
    assert "path=" not in page.url


def test_keyboard_only(page):
    """Tab to an answer, press Enter; focus moves to the next question, so Tab reaches its answers."""
    page.goto("/guide/")
    page.locator(".tryit-answers button").first.focus()
    for _ in range(2):
        page.keyboard.press("Tab")  # the third answer: "The request is wrong..."
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('tryit-question')")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # second answer: "Who is asking"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "No credentials..."
    assert page.locator(".tryit-result h2").inner_text().startswith("401 ")
    assert page.evaluate("document.activeElement.closest('.tryit-result') !== null")


def test_without_javascript_the_guide_is_a_nested_list(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/guide/")
        article = page.locator("article")
        assert article.locator("ul ul ul ul").count() > 0  # question > answers > question > answers
        assert "What is the server about to tell the client?" in article.inner_text()
        links = {a.get_attribute("href") for a in article.locator("ul a").all()}
        assert {"../202/", "../404/", "../429/", "../521/", "../502/"} <= links
        assert len({h for h in links if re.fullmatch(r"\.\./\d{3}/", h or "")}) >= 40
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_guide_has_no_axe_violations(browser, server, scheme):
    page = new_page(browser, server, scheme=scheme)
    problems = []
    try:
        for path in ["/guide/", "/guide/?path=3.2.5", "/guide/?path=1.2.2.1", "/guide/?path=1.9.9"]:
            page.goto(path)
            page.locator(".tryit-guide").wait_for()
            assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
            problems += axe_violations(page, path)
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("junk, kept", [("1.9.9", "1"), ("9", ""), ("abc", ""), ("3.2.99.1", "3.2")])
def test_a_hand_edited_path_keeps_its_valid_start_and_says_so(page, junk, kept):
    page.goto(f"/guide/?path={junk}")
    notice = page.locator(".tryit-guide .tryit-notice")
    notice.wait_for()
    assert "did not match" in notice.inner_text() and notice.is_visible()
    assert "did not match" in page.locator(".tryit-guide [role=status]").inner_text()
    assert page.url.endswith(f"?path={kept}" if kept else "/guide/")
    if kept:  # Back drops the last valid answer, not a junk number
        page.get_by_role("button", name="Back", exact=True).click()
        assert page.url.endswith(f"?path={kept.rpartition('.')[0]}" if "." in kept else "/guide/")
    # A valid path says nothing of the kind.
    page.goto("/guide/?path=3.2")
    page.locator(".tryit-question").wait_for()
    assert page.locator(".tryit-guide .tryit-notice").is_hidden()


NARROWEST_ITEM = """() => Math.min(...Array.from(document.querySelectorAll('article li'),
  item => item.getBoundingClientRect().width))"""


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_the_full_list_is_readable_on_a_phone(browser, server, javascript):
    phone = {"width": 390, "height": 844}
    context = browser.new_context(base_url=server, java_script_enabled=javascript, viewport=phone)
    try:
        page = context.new_page()
        page.goto("/guide/")
        if javascript:
            page.get_by_role("button", name="Show every question and answer").click()
        # Ten levels deep, the innermost answers keep room for a few words on a line (no word split letter by letter).
        assert page.evaluate(NARROWEST_ITEM) >= 180
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
