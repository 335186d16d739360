"""Playground scenarios (scenarios/*.yaml): the real ones are valid HTTP under the entries' example rules
and cover the flows issue 13 asks for; each kind of mistake is reported at its file and line."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from generator import interactive, twin
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
        (
            "      HTTP/1.1 303 See Other",
            "      HTTP/1.1 303 OK",
            "scenarios/303-form.yaml:14: steps[0].response: 303 is not called 'OK' in this project; write 'See Other'",
        ),
        (
            "      HTTP/1.1 200 OK",
            "      HTTP/1.1 209 Running",
            "scenarios/303-form.yaml:27: steps[1].response: 209 has no entry in codes/",
        ),
        (
            "url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
            "url: https://www.rfc-editor.org/rfc/rfc9111#section-99.3.3",
            "scenarios/303-form.yaml:19: steps[0].url: the url links to RFC 9111 §99.3.3, not RFC 9110 §15.4.4: "
            "write https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
        ),
        (
            "url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
            "url: https://httpwg.org/specs/rfc9110.html#section-15.4.4",
            "scenarios/303-form.yaml:19: steps[0].url: link RFC 9110 §15.4.4 at the RFC Editor, as the entries' "
            "spec.url does: write https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4, not "
            "'https://httpwg.org/specs/rfc9110.html#section-15.4.4'",
        ),
        (
            "url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
            "url: https://example.com/rfc9110",
            "scenarios/303-form.yaml:19: steps[0].url: the url 'https://example.com/rfc9110' does not link RFC 9110 "
            "§15.4.4: write https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
        ),
        (
            "url: https://fetch.spec.whatwg.org/#http-redirect-fetch",
            "url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.4",
            "scenarios/303-form.yaml:34: steps[1].url: Fetch: HTTP-redirect fetch is in the Fetch standard",
        ),
        (
            "  - title: Post the form",
            "  - title: '[docs](javascript:alert(document.domain))'",
            "scenarios/303-form.yaml:5: steps[0].title: steps[0].title is plain text and is shown exactly as written: "
            "remove the markup (Markdown link",
        ),
        (
            "summary: The server answers the POST with 303 and the browser fetches the result with GET.",
            "summary: '![i](https://evil.example/x.png) The server answers the POST with 303.'",
            "scenarios/303-form.yaml:3: summary: summary is plain text and is shown exactly as written: remove the "
            "markup (Markdown link '![i](https://evil.example/x.png)')",
        ),
        (
            "rule: The result is at another URI",
            "rule: The **result** is at another URI",
            "scenarios/303-form.yaml:17: steps[0].rule: steps[0].rule is plain text and is shown exactly as written: "
            "remove the markup (Markdown emphasis '**result**')",
        ),
        (
            "title: A form posted",
            "title: A form &amp; posted",
            "scenarios/303-form.yaml:1: title: title is plain text and is shown exactly as written: remove the markup "
            "(character reference '&amp;')",
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
        "wrong-reason-phrase",
        "code-without-entry",
        "url-of-another-section",
        "url-not-rfc-editor",
        "url-not-a-section-link",
        "fetch-url-elsewhere",
        "markdown-link-in-title",
        "markdown-image-in-summary",
        "bold-in-rule",
        "character-reference-in-title",
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


def test_every_problem_is_reported_at_once_schema_errors_with_the_others(tmp_path):
    """An unknown field no longer hides a wrong Content-Length, nor a malformed step the checks of the others."""
    text = GOOD.replace("  - title: Post the form\n", "  - title: Post the form\n    colour: red\n", 1)
    text = text.replace("Content-Length: 7", "Content-Length: 6", 1).replace("pages: [303]", "pages: [303, 799]")
    text = text.replace("steps:\n", "steps:\n  - just a string\n", 1)
    problems = check(tmp_path, text)
    assert any(": steps[1].colour: unknown field 'colour'" in p for p in problems), problems
    assert any(": steps[1].request: Content-Length is 6 but the content shown is 7 bytes" in p for p in problems)
    assert any(": pages[1]: 799 has no entry in codes/" in p for p in problems)
    assert any(": steps[0]: expected a mapping, got text" in p for p in problems)


def test_sizes_are_limited_by_the_schema(tmp_path):
    step = GOOD[GOOD.index("  - title: Post the form") : GOOD.index("  - title: The browser follows")]
    text = GOOD.replace(step, step * 20, 1)  # 21 steps
    assert any(
        p.startswith("scenarios/303-form.yaml:5: steps: too many: at most 20 (has 21)") for p in check(tmp_path, text)
    )
    assert check(tmp_path, GOOD.replace(step, step * 19, 1)) == []  # 20 steps are fine


def _folder_with(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["My Flow (v2)#1.yaml", "Upload.yaml", "-upload.yaml", "upload.yml"])
def test_a_file_name_that_cannot_be_an_id_is_reported(tmp_path, name):
    data, report = interactive.load(_folder_with(tmp_path, name, GOOD), KNOWN, Context(), tmp_path)
    assert [str(p) for p in report.problems] == [
        f"scenarios/{name}:1: (file): a scenario file is named in lowercase letters, digits and hyphens, then .yaml "
        f"(e.g. 202-async-job.yaml), not {name!r}: the name becomes the anchor #try-<name> and the file "
        "assets/tryit/<name>.json"
    ]
    assert data.scenarios == {}


def test_a_good_file_name_loads(tmp_path):
    data, report = interactive.load(_folder_with(tmp_path, "303-form-v2.yaml", GOOD), KNOWN, Context(), tmp_path)
    assert not report.problems and list(data.scenarios) == ["303-form-v2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "the file is empty; a scenario is a mapping of fields (see scenarios/202-async-job.yaml)"),
        ("- a\n- b\n", "the file holds a list; a scenario must be a mapping of fields (title: ..., pages: ..., "),
        ("title: x\n" + "#" * 70_000 + "\n", "file is 70,010 bytes; a scenario must be smaller than 65,536 bytes"),
    ],
    ids=["empty", "a-list", "too-big"],
)
def test_a_file_that_is_no_scenario_is_called_a_scenario(tmp_path, text, expected):
    _, report = interactive.load(_folder_with(tmp_path, "303-form.yaml", text), KNOWN, Context(), tmp_path)
    assert len(report.problems) == 1 and expected in str(report.problems[0]), report.problems
    assert "entry" not in str(report.problems[0]) and "codes/404.yaml" not in str(report.problems[0])


def test_the_markdown_twin_writes_scenario_text_as_text(reference):
    """Whatever a scenario's text holds, the twin /NNN/index.md shows it as typed: no link, image or emphasis
    made from it (the validator refuses markup; the twin escapes it anyway)."""
    data, _ = interactive.load(ROOT, KNOWN, Context(), ROOT)
    evil = "[docs](javascript:alert(document.domain)) ![i](https://evil.example/x.png) **bold** &amp; <b>x</b>"
    scenario = data.scenarios["202-async-job"]
    scenario = {
        **scenario,
        "title": evil,
        "summary": evil,
        "steps": [{**step, "title": evil, "rule": evil} for step in scenario["steps"]],
    }
    entry = reference.by_code[202]
    text = twin.code_markdown(entry, reference, "https://status.test.example/", [("202-async-job", scenario)])
    html = markdown.markdown(text)
    assert '<a href="javascript' not in html and "<img" not in html and "<strong>bold" not in html
    assert "<b>" not in html and "&amp;amp;" not in text
    assert text.count(r"\[docs\](javascript:alert(document.domain))") == 2 + 2 * len(scenario["steps"])
    # The real scenario's twin still links each step's section.
    real = twin.code_markdown(
        entry, reference, "https://status.test.example/", [("202-async-job", data.scenarios["202-async-job"])]
    )
    assert "([RFC 9110 §15.3.3](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.3))" in real


def test_a_check_that_crashes_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    def broken(report, loaded, known_codes, context):
        raise KeyError("steps")

    monkeypatch.setattr(scenario_steps, "check", broken)
    data, report = interactive.load(_folder_with(tmp_path, "303-form.yaml", GOOD), KNOWN, Context(), tmp_path)
    assert [str(p) for p in report.problems] == [
        "scenarios/303-form.yaml:1: (rule): rule scenario-steps crashed: KeyError: 'steps'; please report"
    ]
    assert data.scenarios == {}
