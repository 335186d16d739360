"""The playground's modelled server read against the RFCs: hidden parts stay hidden, a client that waits
as Retry-After asked gets its answer, conditional requests (RFC 9110 §13), HEAD (§9.3.2), and requests a
real server would refuse (RFC 9112 §3.2, §5.1, §6.3; RFC 9110 §7.4, §15.5.12, §15.5.20), each answered with
its rule."""

from __future__ import annotations

import pytest

from .test_playground import open_playground

HIDDEN_BUT_SHOWN = """() => Array.from(document.querySelectorAll(
  '.tryit-play [hidden], .tryit-guide [hidden], #tryit-all[hidden]'))
  .filter(node => getComputedStyle(node).display !== 'none').map(node => node.className)"""


def rule(play) -> str:
    return play.box.locator(".tryit-rule").inner_text()


def test_hidden_parts_stay_hidden(page):
    play = open_playground(page, 202, "202-async-job")
    assert play.box.locator(".tryit-response").is_hidden()  # no empty box before the first Send
    assert page.evaluate(HIDDEN_BUT_SHOWN) == []
    play.send()
    assert play.box.locator(".tryit-response").is_visible()
    play.next()  # step 2's request, and no longer step 1's response under it
    assert play.box.locator(".tryit-response").is_hidden()
    play.send()
    play.button("Start over").click()
    assert play.box.locator(".tryit-response").is_hidden()
    assert page.evaluate(HIDDEN_BUT_SHOWN) == []
    page.goto("/guide/")
    page.locator(".tryit-guide").wait_for()
    assert page.evaluate(HIDDEN_BUT_SHOWN) == []


@pytest.mark.parametrize("code, scenario, seconds", [(429, "429-rate-limit", 30), (503, "503-maintenance", 120)])
def test_waiting_on_the_first_step_then_sending_gets_the_answer(page, code, scenario, seconds):
    play = open_playground(page, code, scenario)
    play.send()
    assert play.status_line().startswith(f"HTTP/1.1 {code} ")
    play.button(f"Wait {seconds} seconds (simulated)").click()
    assert "Send the request again" in play.status()
    assert page.evaluate("document.activeElement.textContent") == "Send"
    page.keyboard.press("Enter")
    assert play.status_line() == "HTTP/1.1 200 OK"
    assert play.box.locator("button", has_text="(simulated)").is_hidden()


# (request fields edited into step 2, the GET with If-None-Match "v2") -> the status line expected
CONDITIONAL_GET = [
    ("If-None-Match: *", "304 Not Modified"),  # RFC 9110 §13.1.2: * matches any current representation
    ('If-None-Match: W/"v2"', "304 Not Modified"),  # weak comparison
    ('If-None-Match: "v1", "v2"', "304 Not Modified"),  # any member of the list
    ('If-None-Match: "v1"', "200 OK"),
    ('If-Match: "v1"\nIf-None-Match: "v1"', "412 Precondition Failed"),  # §13.2.2: If-Match first
    ('If-Match: "v2"\nIf-None-Match: "v2"', "304 Not Modified"),
    ('If-Match: W/"v2"', "412 Precondition Failed"),  # §13.1.1: strong comparison
]


@pytest.mark.parametrize("fields, status", CONDITIONAL_GET, ids=[f[0] for f in CONDITIONAL_GET])
def test_conditional_get_follows_rfc_9110(page, fields, status):
    play = open_playground(page, 304, "304-412-conditional")
    play.send()
    play.next()
    play.edit('If-None-Match: "v2"', fields)
    play.send()
    assert play.status_line() == f"HTTP/1.1 {status}"
    assert "RFC 9110 §13" in rule(play)  # the comparison that decided, or §13.2.2 when every condition held


# (If-Match / If-None-Match of the PUT at step 3) -> the status line expected
CONDITIONAL_PUT = [
    ("If-Match: *", "204 No Content"),
    ('If-Match: "v1", "v2"', "204 No Content"),
    ('If-Match: W/"v2"', "412 Precondition Failed"),
    ('If-None-Match: "v2"', "412 Precondition Failed"),  # a method other than GET/HEAD: 412, never 304
    ("If-None-Match: *", "412 Precondition Failed"),
    ('If-None-Match: "v1"', "204 No Content"),
]


@pytest.mark.parametrize("fields, status", CONDITIONAL_PUT, ids=[f[0] for f in CONDITIONAL_PUT])
def test_conditional_put_follows_rfc_9110(page, fields, status):
    play = open_playground(page, 304, "304-412-conditional")
    for _ in range(2):
        play.send()
        play.next()
    play.edit('If-Match: "v1"', fields)
    play.send()
    assert play.status_line() == f"HTTP/1.1 {status}"
    assert "RFC 9110 §13" in rule(play)


def test_head_is_answered_like_get_without_content(page):
    play = open_playground(page, 304, "304-412-conditional")
    play.edit("GET /articles/7", "HEAD /articles/7")
    play.send()
    shown = play.response()
    assert play.status_line() == "HTTP/1.1 200 OK" and 'ETag: "v2"' in shown
    assert "Content-Length: 44" in shown and "second edition" not in shown
    assert "RFC 9110 §9.3.2" in rule(play)
    play.next()
    play.edit("GET /articles/7", "HEAD /articles/7")
    play.send()
    assert play.status_line() == "HTTP/1.1 304 Not Modified"
    play = open_playground(page, 202, "202-async-job")
    play.send()
    play.next()
    play.edit("GET /reports/jobs/42", "HEAD /reports/jobs/42")
    play.send()
    assert play.status_line() == "HTTP/1.1 200 OK" and "progress" not in play.response()


def at_the_303(page):
    play = open_playground(page, 202, "202-async-job")
    for _ in range(2):
        play.send()
        play.next()
    return play


# (edit of the 303 step's request) -> status line, section cited
BAD_REQUESTS = [
    (("Host: api.example.com", "Host: <b>x</b>"), "400 Bad Request", "RFC 9112 §3.2"),
    (("Host: api.example.com", "Host: exa%mple.com"), "400 Bad Request", "RFC 9112 §3.2"),
    (("Host: api.example.com", "Host: [::1"), "400 Bad Request", "RFC 9112 §3.2"),
    (("Host: api.example.com", "Host: api.example .com"), "400 Bad Request", "RFC 9112 §3.2"),
    (("Host: api.example.com", "Host: api.example.com\nHost: api.example.com"), "400 Bad Request", "RFC 9112 §3.2"),
    (("Host: api.example.com", "Host : api.example.com"), "400 Bad Request", "RFC 9112 §5.1"),
    (("Host: api.example.com", "Host: other.example.com"), "421 Misdirected Request", "RFC 9110 §15.5.20"),
]


@pytest.mark.parametrize("edit, status, section", BAD_REQUESTS, ids=[b[0][1] for b in BAD_REQUESTS])
def test_bad_requests_get_their_status_and_rule(page, edit, status, section):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    play = at_the_303(page)
    play.edit(*edit)
    play.send()
    assert play.status_line() == f"HTTP/1.1 {status}"
    assert section in rule(play)
    assert not play.button("Next step").is_disabled()
    play.next()
    assert play.request().startswith("GET /reports/2026-11 HTTP/1.1")
    assert errors == []


def test_absolute_form_target_is_accepted_and_names_the_host(page):
    play = at_the_303(page)
    play.edit("GET /reports/jobs/42 HTTP/1.1", "GET http://api.example.com/reports/jobs/42 HTTP/1.1")
    play.edit("Host: api.example.com", "Host: ignored.example.net")  # RFC 9112 §3.2.2: the target's host wins
    play.send()
    assert play.status_line() == "HTTP/1.1 303 See Other"
    play.next()
    assert play.request().startswith("GET /reports/2026-11 HTTP/1.1\nHost: api.example.com")


def test_content_without_length_or_with_a_wrong_length(page):
    play = open_playground(page, 202, "202-async-job")
    play.edit("Content-Length: 37\n", "")
    play.send()
    assert play.status_line() == "HTTP/1.1 411 Length Required"
    assert "RFC 9110 §15.5.12" in rule(play) and "RFC 9112 §6.3" in rule(play)
    play.button("Start over").click()
    play.edit("Content-Length: 37", "Content-Length: 50")
    play.send()  # the server waits for 13 more octets that never come
    assert play.status_line() == "HTTP/1.1 408 Request Timeout"
    assert "50" in rule(play) and "37" in rule(play) and "RFC 9112 §6.3" in rule(play)
    play.edit("Content-Length: 50", "Content-Length: 10")
    play.send()  # the server reads 10 octets as the content; the rest would start the next request
    assert "only the first 10" in play.box.locator(".tryit-explain").inner_text()
    assert "RFC 9112 §6.3" in play.box.locator(".tryit-explain").inner_text()
