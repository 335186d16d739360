"""The playground in Chromium: each scenario sent and followed step by step, requests edited by the reader,
keyboard use, announcements for screen readers, and no axe violation with the playground open."""

from __future__ import annotations

import pytest

from .conftest import new_page
from .test_accessibility import SCHEMES, axe_violations


class Playground:
    """The playground of one scenario on a code page, used the way a reader uses it."""

    def __init__(self, page, scenario: str):
        self.page = page
        # Built when the reader scrolls near it (tryit.js): scroll there as a reader does.
        page.locator(f".tryit-anchor[data-scenario='{scenario}']").first.scroll_into_view_if_needed()
        self.box = page.locator(f"#try-{scenario} ~ .tryit-play").first
        self.box.wait_for()

    def button(self, name: str):
        return self.box.get_by_role("button", name=name, exact=True)

    def send(self) -> None:
        self.button("Send").click()

    def response(self) -> str:
        return self.box.locator(".tryit-response").inner_text()

    def status_line(self) -> str:
        """The status line of the final response shown."""
        text = self.response()
        return [line for line in text.split("\n") if line.startswith("HTTP/")][-1]

    def status(self) -> str:
        return self.box.locator("[role=status]").inner_text()

    def next(self) -> None:
        self.button("Next step").click()

    @property
    def editor(self):
        return self.box.locator("textarea")

    def request(self) -> str:
        return self.editor.input_value()

    def edit(self, old: str, new: str) -> None:
        text = self.request()
        assert old in text, f"{old!r} not in the request:\n{text}"
        self.editor.fill(text.replace(old, new))


def open_playground(page, code: int, scenario: str) -> Playground:
    page.goto(f"/{code}/")
    return Playground(page, scenario)


def test_202_send_then_follow_the_flow_to_303_and_the_result(page):
    play = open_playground(page, 202, "202-async-job")
    play.send()
    assert play.status_line() == "HTTP/1.1 202 Accepted"
    assert "\nContent-Location: /reports/jobs/42" in play.response()
    assert play.status() == "Response: 202 Accepted."
    assert "RFC 9110 §15.3.3" in play.box.locator(".tryit-rule").inner_text()
    play.next()
    assert play.request().startswith("GET /reports/jobs/42 HTTP/1.1")
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK" and '"progress": 60' in play.response()
    play.next()
    play.send()
    assert play.status_line() == "HTTP/1.1 303 See Other"
    assert "RFC 9110 §15.4.4" in play.box.locator(".tryit-rule").inner_text()
    assert "A browser follows to /reports/2026-11 with GET" in play.box.locator(".tryit-explain").inner_text()
    play.next()
    assert play.request().startswith("GET /reports/2026-11 HTTP/1.1\nHost: api.example.com")
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK" and "2026-11-01,112" in play.response()
    assert play.button("Next step").is_disabled()


def test_304_and_412_conditional_requests(page):
    play = open_playground(page, 304, "304-412-conditional")
    play.send()
    assert 'ETag: "v2"' in play.response()
    play.next()
    play.send()
    assert play.status_line() == "HTTP/1.1 304 Not Modified"
    # Another tag in If-None-Match: the condition is true and the whole representation comes back.
    play.edit('If-None-Match: "v2"', 'If-None-Match: "v1"')
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK"
    play.next()
    play.send()
    assert play.status_line() == "HTTP/1.1 412 Precondition Failed"
    play.edit('If-Match: "v1"', 'If-Match: "v2"')
    play.send()
    assert play.status_line() == "HTTP/1.1 204 No Content"
    assert 'ETag: "v3"' in play.response()


@pytest.mark.parametrize(
    "code, reason, method",
    [
        (301, "Moved Permanently", "GET"),
        (302, "Found", "GET"),
        (303, "See Other", "GET"),
        (307, "Temporary Redirect", "POST"),
        (308, "Permanent Redirect", "POST"),
    ],
)
def test_the_same_post_redirected_and_what_the_browser_sends(page, code, reason, method):
    play = open_playground(page, code, "3xx-redirect-post")
    # Each code's page opens on its own redirect (starts_at_page_code), not on the 301 at step 1.
    step = [301, 302, 303, 307, 308].index(code) * 2 + 1
    assert play.box.locator(".tryit-step").inner_text().startswith(f"Step {step} of 10: POST answered with {code}")
    assert play.request().startswith(f"POST /subscribe?via={code} HTTP/1.1")
    play.send()
    assert play.status_line() == f"HTTP/1.1 {code} {reason}"
    play.next()
    follow = play.request()
    assert follow.startswith(f"{method} /v2/subscribe HTTP/1.1")
    if method == "GET":
        assert "Content-Type" not in follow and "email=" not in follow
        assert "The browser sends this request by itself" in play.status()
    else:
        assert follow.endswith("email=ada%40example.com")
    play.send()
    assert play.status_line() == ("HTTP/1.1 200 OK" if method == "GET" else "HTTP/1.1 201 Created")


def test_a_put_after_303_becomes_get_but_after_308_stays_put(page):
    play = open_playground(page, 303, "3xx-redirect-post")
    play.edit("POST /subscribe?via=303", "PUT /subscribe?via=303")
    play.send()  # no PUT route: the modelled server says which methods it has
    assert play.status_line() == "HTTP/1.1 405 Method Not Allowed"
    assert "Allow: POST" in play.response()


def test_401_challenge_then_credentials(page):
    play = open_playground(page, 401, "401-authentication")
    play.send()
    assert play.status_line() == "HTTP/1.1 401 Unauthorized"
    assert 'WWW-Authenticate: Bearer realm="api"' in play.response()
    play.next()
    assert "Authorization: Bearer" in play.request()
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK"
    play.edit("Bearer mF_9.B5f-4.1JqM", "Bearer wrong-token")
    play.send()
    assert play.status_line() == "HTTP/1.1 401 Unauthorized"


@pytest.mark.parametrize("code, scenario, seconds", [(429, "429-rate-limit", 30), (503, "503-maintenance", 120)])
def test_retry_after_then_waiting_then_success(page, code, scenario, seconds):
    play = open_playground(page, code, scenario)
    play.send()
    assert play.status_line().startswith(f"HTTP/1.1 {code} ")
    assert f"Retry-After: {seconds}" in play.response()
    assert f"must wait {seconds} seconds" in play.status()
    play.next()
    play.send()  # retrying at once is refused again
    assert play.status_line().startswith(f"HTTP/1.1 {code} ")
    play.button(f"Wait {seconds} seconds (simulated)").click()
    assert f"{seconds} seconds have passed" in play.status()
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK"


def test_405_with_allow_and_a_method_from_it(page):
    play = open_playground(page, 405, "405-method")
    play.send()
    assert play.status_line() == "HTTP/1.1 405 Method Not Allowed" and "Allow: GET, HEAD" in play.response()
    play.edit("DELETE /invoices", "PATCH /invoices")
    play.send()  # a method no step has: the modelled server answers 405 with the methods it supports
    assert play.status_line() == "HTTP/1.1 405 Method Not Allowed" and "Allow: GET, HEAD" in play.response()
    assert "RFC 9110 §15.5.6" in play.box.locator(".tryit-rule").inner_text()
    play.edit("PATCH /invoices", "GET /invoices")
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK"


def test_100_continue_and_413(page):
    play = open_playground(page, 413, "100-413-upload")
    play.send()
    assert play.status_line() == "HTTP/1.1 413 Content Too Large"
    play.next()
    play.send()
    shown = play.response()
    assert shown.startswith("HTTP/1.1 100 Continue\n\nHTTP/1.1 201 Created")


def test_ranges_206_and_416(page):
    play = open_playground(page, 206, "206-416-ranges")
    play.send()
    assert "Accept-Ranges: bytes" in play.response()
    play.next()
    play.send()
    assert play.status_line() == "HTTP/1.1 206 Partial Content"
    assert "Content-Range: bytes 0-1023/2147483648" in play.response()
    play.next()
    play.send()
    assert play.status_line() == "HTTP/1.1 416 Range Not Satisfiable"
    assert "Content-Range: bytes */2147483648" in play.response()


def test_unknown_targets_and_broken_requests(page):
    play = open_playground(page, 401, "401-authentication")
    play.edit("GET /account", "GET /elsewhere")
    play.send()
    assert play.status_line() == "HTTP/1.1 404 Not Found"
    play.edit("Host: api.example.com\n", "")
    play.send()
    assert play.status_line() == "HTTP/1.1 400 Bad Request"
    assert "RFC 9112 §3.2" in play.box.locator(".tryit-rule").inner_text()


def test_keyboard_only_and_announced(page):
    play = open_playground(page, 202, "202-async-job")
    play.editor.focus()
    page.keyboard.press("Control+Enter")
    assert play.status_line() == "HTTP/1.1 202 Accepted"
    assert play.box.locator("[role=status]").get_attribute("aria-live") == "polite"
    page.keyboard.press("Tab")  # the Send button
    page.keyboard.press("Tab")  # Previous step (disabled, skipped) -> Next step
    assert page.evaluate("document.activeElement.textContent") == "Next step"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent").startswith("Step 2 of 4")
    assert play.status().startswith("Step 2: Poll the monitor")


def test_without_javascript_the_scenario_is_its_messages(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/202/")
        text = page.locator("article").inner_text()
        for line in ("POST /reports HTTP/1.1", "HTTP/1.1 202 Accepted", "HTTP/1.1 303 See Other", "RFC 9110 §15.4.4"):
            assert line in text
        assert page.locator("textarea").count() == 0
    finally:
        context.close()


def test_the_script_loads_only_on_pages_with_a_playground_or_the_guide(page):
    """The playground's and the home page's own files load only where they are used (issue 11's budget holds
    for every other page)."""
    fetched = []
    own = ("tryit.js", "tryit.css", "home.css", ".json")
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(own) else None)
    page.goto("/404/", wait_until="networkidle")
    page.goto("/4xx/", wait_until="networkidle")
    assert fetched == []
    page.goto("/", wait_until="networkidle")
    assert fetched == ["home.css"]
    page.goto("/202/", wait_until="networkidle")
    # The playground's script, data and stylesheet load when the reader scrolls near it (three to four screens
    # down the page).
    assert sorted(fetched) == ["home.css"]
    page.locator(".tryit-anchor[data-scenario]").scroll_into_view_if_needed()
    page.locator(".tryit-play").wait_for()
    assert sorted(fetched) == ["202-async-job.json", "home.css", "tryit.css", "tryit.js"]
    page.goto("/guide/", wait_until="networkidle")
    assert "guide.json" in fetched


@pytest.mark.parametrize("scheme", SCHEMES)
def test_playground_has_no_axe_violations(browser, server, scheme):
    page = new_page(browser, server, scheme=scheme)
    problems = []
    try:
        for code, scenario in [(202, "202-async-job"), (301, "3xx-redirect-post")]:
            play = open_playground(page, code, scenario)
            play.send()
            play.next()
            play.send()
            problems += axe_violations(page, f"/{code}/")
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


def test_the_examples_have_copy_buttons_and_the_transcript_none(page):
    """The playground's transcript is copied from the playground itself: its blocks get no copy button (each
    costs Material a layout at load), while the page's examples keep theirs."""
    page.goto("/301/")
    page.locator("article [data-md-type=copy]").first.wait_for(state="attached")
    blocks = page.evaluate(
        """() => [...document.querySelectorAll('article div.highlight')].map(block => {
             let heading = block.previousElementSibling;
             while (heading && heading.tagName !== 'H2') heading = heading.previousElementSibling;
             return [heading ? heading.id : '', block.querySelector('[data-md-type=copy]') !== null];
           })"""
    )
    transcript = [copy for section, copy in blocks if section.startswith("try-")]
    examples = [copy for section, copy in blocks if section == "examples"]
    assert len(transcript) >= 10 and not any(transcript)
    assert examples and all(examples)
