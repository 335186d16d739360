"""Playground scenarios (scenarios/NNN-name.yaml) are sound: the file name can be an id, they match
schema/scenario.schema.json, name pages that exist, answer only with codes that have an entry, every message
is valid HTTP under the same rules as an entry's examples (http-examples, reason-phrase, content-length,
no-content, required-fields, http-dates, json-bodies), every cited section exists and each step's url links
the section it names, the text fields hold no markup (plain-text), and a step that follows a redirect sends
what the Fetch standard says a browser sends. Every problem is reported at once: the checks run on whatever
parts are well-formed, even when the schema finds others that are not.

Fetch, "HTTP-redirect fetch", step 12 (whatwg/fetch commit 586cd2a, 2026-07-02, copied in
reference/README.md): after a 301 or 302 to a POST, or a 303 to any method but GET and HEAD, the request
becomes a GET without a body, and the request-body header fields (Content-Encoding, Content-Language,
Content-Location, Content-Type) are removed; after 307 and 308 the method and body are kept. The new
request goes to the Location URL.

Not in ``RULES``: this rule reads scenarios, not entries. ``generator/interactive.py`` runs it.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlsplit

import jsonschema

from ..http_message import exchange, line_in_example
from ..problems import Report, format_path
from ..rfc_index import SECTION_LINK, section_url
from ..schema import SCHEMA_PATH
from . import (
    cited_sections,
    content_length,
    http_dates,
    http_examples,
    json_bodies,
    no_content,
    plain_text,
    reason_phrase,
    required_fields,
)
from .schema import _leaf_errors, _report

NAME = "scenario-steps"
DESCRIPTION = (
    "scenario messages are valid HTTP answered with codes that have entries, sections exist and urls link them, "
    "text is plain, redirects are followed as Fetch says"
)
SCOPE = "scenario"

MESSAGE_RULES = (http_examples, reason_phrase, content_length, no_content, required_fields, http_dates, json_bodies)
FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.yaml")
FETCH_URL = "https://fetch.spec.whatwg.org/#"
REDIRECTS = {301, 302, 303, 307, 308}
REQUEST_BODY_HEADERS = {"content-encoding", "content-language", "content-location", "content-type"}


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_PATH.parent / "scenario.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def as_examples(loaded):
    """The scenario as an entry whose ``examples`` are its steps, with the same lines, so the entry rules
    run on it unchanged. Their field paths say ``examples[i]``; ``check`` renames them ``steps[i]``."""

    def rename(lines: dict) -> dict:
        return {(("examples",) + path[1:] if path[:1] == ("steps",) else path): line for path, line in lines.items()}

    return replace(
        loaded,
        data={"examples": loaded.data.get("steps") or []},
        value_lines=rename(loaded.value_lines),
        key_lines=rename(loaded.key_lines),
        problems=[],
    )


def redirect_follow_problems(previous_request, previous_response, request) -> list[str]:
    """What is wrong with ``request`` as a browser's follow-up to a redirect (Fetch, HTTP-redirect fetch).

    Takes parsed ``Message`` objects; returns a list of explanations, empty when the request is right."""
    status = previous_response.status
    if status not in REDIRECTS:
        return [f"the previous step's response is {status}, not a redirect (301, 302, 303, 307, 308)"]
    problems = []
    location = (previous_response.values("Location") or [""])[0]
    wanted_target = urlsplit(location)
    target = request.start.split(" ")[1] if request.start.count(" ") >= 2 else ""
    if location and (wanted_target.path + (f"?{wanted_target.query}" if wanted_target.query else "")) != target:
        problems.append(f"a browser requests the Location {location!r}, not {target!r}")
    method = previous_request.method
    rewrite = (status in (301, 302) and method == "POST") or (status == 303 and method not in ("GET", "HEAD"))
    expected = "GET" if rewrite else method
    if request.method != expected:
        why = "rewrites it to GET" if rewrite else "keeps the method"
        problems.append(
            f"after a {status} to a {method}, a browser {why}: the request must be {expected}, not {request.method} "
            "(Fetch, HTTP-redirect fetch, step 12)"
        )
    if rewrite:
        kept = sorted(f.name for f in request.fields if f.name.lower() in REQUEST_BODY_HEADERS | {"content-length"})
        if request.shown_content.strip() or kept:
            problems.append(
                "a request rewritten to GET has no body and no "
                + ", ".join(kept or ["request-body header fields"])
                + " (Fetch, HTTP-redirect fetch, step 12)"
            )
    elif previous_request.shown_content != request.shown_content:
        problems.append(f"after a {status} a browser resends the same body (Fetch, HTTP-redirect fetch)")
    return problems


def check_file_name(report, name: str) -> bool:
    """Report a scenario file whose name cannot be an id (``name``: as messages show it); True when it can.
    The file stem becomes the page anchor ``try-<stem>`` and the data file ``assets/tryit/<stem>.json``."""
    base = name.rsplit("/", 1)[-1]
    if FILE_NAME.fullmatch(base):
        return True
    report.add(
        name,
        1,
        "(file)",
        f"a scenario file is named in lowercase letters, digits and hyphens, then .yaml (e.g. 202-async-job.yaml), "
        f"not {base!r}: the name becomes the anchor #try-<name> and the file assets/tryit/<name>.json",
    )
    return False


def _is_code(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _steps(data: dict) -> list[tuple[int, dict]]:
    steps = data.get("steps")
    return [(i, step) for i, step in enumerate(steps) if isinstance(step, dict)] if isinstance(steps, list) else []


def _texts(data: dict):
    """(path, text) of every plain-text field: the title, summary, and each step's title and rule."""
    for key in ("title", "summary"):
        if isinstance(data.get(key), str):
            yield (key,), data[key]
    for index, step in _steps(data):
        for key in ("title", "rule"):
            if isinstance(step.get(key), str):
                yield ("steps", index, key), step[key]


def section_link_problem(section: str, url: str) -> str | None:
    """Why ``url`` is not the link for ``section`` ("RFC 9110 §15.3.3", "Fetch: HTTP-redirect fetch"); None
    when it is. An RFC section links to the RFC Editor's page at that section (rfc_index.section_url)."""
    cited = re.fullmatch(r"RFC ([0-9]+) §(\S+)", section)
    if cited:
        wanted = section_url(cited.group(1), cited.group(2))
        if url == wanted:
            return None
        linked = SECTION_LINK.fullmatch(url)
        if linked and f"RFC {linked.group('rfc')} §{linked.group('section')}" == section:
            return f"link {section} at the RFC Editor, as the entries' spec.url does: write {wanted}, not {url!r}"
        if linked:
            return (
                f"the url links to RFC {linked.group('rfc')} §{linked.group('section')}, not {section}: write {wanted}"
            )
        return f"the url {url!r} does not link {section}: write {wanted}"
    if section.startswith("Fetch: ") and not url.startswith(FETCH_URL):
        return f"{section} is in the Fetch standard: the url starts with {FETCH_URL} (got {url!r})"
    return None


def check(report, loaded, known_codes: set[int], context) -> None:
    """Report every problem of one loaded scenario, all at once: the schema's, then every check that can run
    on the parts that are well-formed. ``known_codes``: codes with an entry; ``context``: the validation
    Context (its RFC section index and the names of each code)."""
    for top in _validator().iter_errors(loaded.data):
        for error in _leaf_errors(top):
            _report(report, loaded, error)
    data = loaded.data
    pages = [(i, c) for i, c in enumerate(data["pages"]) if _is_code(c)] if isinstance(data.get("pages"), list) else []
    steps = _steps(data)
    for index, code in pages:
        if code not in known_codes:
            path = ("pages", index)
            report.add(loaded.name, loaded.line_of(path), format_path(path), f"{code} has no entry in codes/")
    for path, text in _texts(data):
        plain_text.check_text(report, loaded, path, text)
    examples = as_examples(loaded)
    answered = set()
    for index, step in steps:
        _, responses = exchange(step)
        answered |= {responses[-1].status} if responses else set()
        for message in responses:
            if message.status is not None and message.status not in known_codes:
                path = ("steps", index, "response")
                line = line_in_example(examples, ("examples", index, "response"), step["response"], message.start_index)
                report.add(
                    loaded.name,
                    line,
                    format_path(path),
                    f"{message.status} has no entry in codes/: a step answers with a code the site describes "
                    "(add the entry first, or answer with another code)",
                )
        section, url = step.get("section"), step.get("url")
        if isinstance(section, str) and isinstance(url, str):
            problem = section_link_problem(section, url)
            if problem:
                path = ("steps", index, "url")
                report.add(loaded.name, loaded.line_of(path), format_path(path), problem)
    if data.get("starts_at_page_code") is True:
        for index, code in pages:
            if code not in answered:
                path = ("pages", index)
                report.add(
                    loaded.name,
                    loaded.line_of(path),
                    format_path(path),
                    f"starts_at_page_code: no step is answered with {code}, so its page has no step to start at",
                )
    found = Report()
    for rule in MESSAGE_RULES + (cited_sections,):
        rule.check(found, examples, context)
    for problem in found.problems:
        field = "steps" + problem.field[len("examples") :] if problem.field.startswith("examples") else problem.field
        report.add(problem.file, problem.line, field, problem.message)
    for position, (index, step) in enumerate(steps):
        if step.get("follows_redirect") is not True:
            continue
        path = ("steps", index, "follows_redirect")
        if index == 0:
            report.add(loaded.name, loaded.line_of(path), format_path(path), "the first step follows no redirect")
            continue
        if position == 0 or steps[position - 1][0] != index - 1:
            continue  # the previous step is not a mapping: reported by the schema
        previous_request, previous_responses = exchange(steps[position - 1][1])
        request, _ = exchange(step)
        if not (previous_request and previous_responses and request):
            continue  # unreadable messages are reported above
        for text in redirect_follow_problems(previous_request, previous_responses[-1], request):
            line = line_in_example(examples, ("examples", index, "request"), step["request"], 0)
            report.add(loaded.name, line, f"steps[{index}].request", text)
