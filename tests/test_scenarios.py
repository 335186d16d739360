"""Playground scenarios (scenarios/*.yaml): the real ones are valid HTTP under the entries' example rules
and cover the flows issue 13 asks for; each kind of mistake is reported at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import interactive
from generator.rules import scenario_steps
from generator.validate import Context

from .rulecheck import load_written

ROOT = Path(__file__).resolve().parent.parent
KNOWN = {int(p.stem) for p in (ROOT / "codes").glob("*.yaml")}

GOOD = """\
title: A form posted and redirected
pages: [303]
summary: The server answers the POST with 303 and the browser fetches the result with GET.
steps:
  - title: Post the form
    request: |
      POST /orders HTTP/1.1
      Host: www.example.com
      Content-Type: application/x-www-form-urlencoded
      Content-Length: 7

      item=42
    response: |
      HTTP/1.1 303 See Other
      Location: /orders/7
      Content-Length: 0
    rule: The result is at another URI, to fetch with GET.
    section: RFC 9110 §15.4.4
    url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4
  - title: The browser follows
    sender: browser
    follows_redirect: true
    request: |
      GET /orders/7 HTTP/1.1
      Host: www.example.com
    response: |
      HTTP/1.1 200 OK
      Content-Type: text/plain
      Content-Length: 8

      Order 7.
    rule: After a 303 a browser sends GET without the body.
    section: "Fetch: HTTP-redirect fetch"
    url: https://fetch.spec.whatwg.org/#http-redirect-fetch
"""


def check(tmp_path: Path, text: str) -> list[str]:
    loaded, report = load_written(tmp_path, "scenarios/303-form.yaml", text)
    if not loaded.problems:
        scenario_steps.check(report, loaded, KNOWN, Context())
    return [str(p) for p in report.sorted()]


def test_the_real_scenarios_are_valid_and_cover_the_flows_of_issue_13():
    data, report = interactive.load(ROOT, KNOWN, Context(), ROOT)
    assert not report.problems, [str(p) for p in report.problems]
    statuses = set()
    for scenario in data.scenarios.values():
        for step in scenario["steps"]:
            _, responses = interactive.exchange(step)
            statuses |= {r.status for r in responses}
    assert {202, 303, 304, 412, 301, 302, 307, 308, 401, 429, 503, 405, 413, 416, 206, 100} <= statuses
    pages = {code for scenario in data.scenarios.values() for code in scenario["pages"]}
    assert {202, 304, 412, 301, 302, 303, 307, 308, 401, 429, 503, 405, 413, 416, 206, 100} <= pages


def test_a_good_scenario_has_no_problem(tmp_path):
    assert check(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "Content-Length: 7",
            "Content-Length: 9",
            "scenarios/303-form.yaml:10: steps[0].request: Content-Length is 9 but the content shown is 7 bytes",
        ),
        (
            "      Location: /orders/7\n",
            "",
            "scenarios/303-form.yaml:14: steps[0].response: 303 without Location",
        ),
        (
            "section: RFC 9110 §15.4.4",
            "section: RFC 9110 §15.4.44",
            "scenarios/303-form.yaml:18: steps[0].section: 'RFC 9110 §15.4.44' cites RFC 9110 §15.4.44, which "
            "RFC 9110 does not have",
        ),
        (
            "      GET /orders/7 HTTP/1.1",
            "      POST /orders/7 HTTP/1.1",
            "scenarios/303-form.yaml:24: steps[1].request: after a 303 to a POST, a browser rewrites it to GET: the "
            "request must be GET, not POST (Fetch, HTTP-redirect fetch, step 12)",
        ),
        (
            "      GET /orders/7 HTTP/1.1\n      Host: www.example.com\n",
            "      GET /orders/7 HTTP/1.1\n      Host: www.example.com\n      Content-Type: text/plain\n",
            "scenarios/303-form.yaml:24: steps[1].request: a request rewritten to GET has no body and no Content-Type",
        ),
        (
            "      GET /orders/7 HTTP/1.1",
            "      GET /orders/8 HTTP/1.1",
            "scenarios/303-form.yaml:24: steps[1].request: a browser requests the Location '/orders/7', not "
            "'/orders/8'",
        ),
        ("pages: [303]", "pages: [303, 799]", "scenarios/303-form.yaml:2: pages[1]: 799 has no entry in codes/"),
        ("    sender: browser", "    sender: robot", "scenarios/303-form.yaml:21: steps[1].sender: must be one of"),
        ("    sender: browser", "    senders: browser", "scenarios/303-form.yaml:21: steps[1].senders: unknown field"),
        (
            "pages: [303]",
            "pages: [303, 200, 201]\nstarts_at_page_code: true",
            "scenarios/303-form.yaml:2: pages[2]: starts_at_page_code: no step is answered with 201, so its page has "
            "no step to start at",
        ),
        (
            "      HTTP/1.1 303 See Other",
            "      HTTP/1.1 303See Other",
            "scenarios/303-form.yaml:14: steps[0].response: first line 'HTTP/1.1 303See Other' is not a status line",
        ),
    ],
    ids=[
        "content-length",
        "303-without-location",
        "missing-section",
        "method-kept-after-303",
        "content-type-kept-after-303",
        "wrong-redirect-target",
        "page-without-entry",
        "start-code-no-step-answers",
        "bad-sender",
        "unknown-field",
        "bad-status-line",
    ],
)
def test_each_mistake_is_reported_at_its_line(tmp_path, old, new, expected):
    assert old in GOOD
    problems = check(tmp_path, GOOD.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), f"{expected!r} not in {problems}"


def test_a_body_dropped_after_307_is_reported(tmp_path):
    text = GOOD.replace("303 See Other", "307 Temporary Redirect").replace("§15.4.4", "§15.4.8")
    text = text.replace("section-15.4.4", "section-15.4.8")
    problems = check(tmp_path, text)
    assert any("after a 307 to a POST, a browser keeps the method: the request must be POST" in p for p in problems)
    assert any("after a 307 a browser resends the same body" in p for p in problems)


def test_scenario_pages_show_the_messages_without_javascript(site):
    """The code page carries each step's request and response as text, with the rule and its section."""
    html = site.html("202/")
    assert 'id="try-202-async-job"' in html
    assert site.soup("202/").get_text().count("POST /reports HTTP/1.1") == 1
    assert "303 See Other" in html and "rfc9110#section-15.3.3" in html
    assert 'data-scenario="202-async-job"' in html
    assert "assets/javascripts/tryit.js" in html
    # Pages without a playground do not load the script (the page-weight budget holds there).
    assert "tryit.js" not in site.html("404/")
    assert "tryit.js" in site.html("guide/")
