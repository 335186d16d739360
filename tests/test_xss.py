"""Hostile content cannot reach the reader: every payload in every text field is refused or rendered inert.

For each payload in tests/xss/payloads.txt and each text field of an entry (found by walking the JSON
Schema, so a new field is covered as soon as the schema has it), either

- validation refuses it with a clear ``file:line: field: message`` (no traceback, CLI exit status 1), or
- the built site carries it inert: no element or attribute beyond what a harmless baseline build has, no
  script/iframe/object/embed/svg/math/img in the article, no on* attribute and no javascript:/data:/
  vbscript: URL anywhere, every JSON-LD block parses and holds the text exactly where the field is carried
  into it, and the meta description, the title and the visible text round-trip.

Payload file format: one payload per line, with the escapes ``\\uXXXX``, ``\\t``, ``\\n``, ``\\r`` and
``\\\\`` decoded; any other backslash is literal (so ``\\x3c`` in the polyglot stays as written).

Entries are written as JSON (which is YAML) so that each value sits on one line of its own: the line a
problem names can be checked against the text. To keep the number of builds small, every payload gets one
registered entry (a copy of tests/fixtures/minimal/404.yaml, recoded to another registered 4xx code when it
shares a build) and one unofficial entry (tests/fixtures/unofficial/499.yaml, recoded to another unused 49x
code), each carrying the payload in every field that accepted it; ten payloads share one build.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from .xsscampaign import (
    PAYLOADS,
    PROBLEM_LINE,
    SITE_NAME,
    SLOTS,
    SUMMARY_LINE,
    Campaign,
    Outcome,
    abstract,
    baseline_page_for,
    campaign_for,
    get,
    one_line,
    payload_id,
    registered_base,
    schema_text_fields,
    unofficial_base,
    visible,
)
from .xssinspect import injection_findings

pytestmark = pytest.mark.slow  # builds a site per group of payloads


@pytest.fixture(scope="module")
def campaign(tmp_path_factory) -> Campaign:
    return campaign_for(tmp_path_factory)


# --- the tests ------------------------------------------------------------------------------------------


def test_payload_file_covers_the_attack_families():
    assert len(PAYLOADS) >= 30
    assert len(set(PAYLOADS)) == len(PAYLOADS), "a payload is listed twice"
    text = "\n".join(PAYLOADS)
    for needle in (
        "<script>",
        "<ScRiPt>",
        "onerror=",
        "<body onload",
        "<svg onload",
        "<svg><script>",
        "<math>",
        "](javascript:",
        "&#106;avascript:",
        "java\tscript:",
        "java\nscript:",
        "JaVaScRiPt:",
        "[evil]:",
        "](data:",
        "](vbscript:",
        "</script>",
        "<!--",
        "&lt;script&gt;",
        "\u2028",
        "\u2029",
        "![x](javascript:",
        '" onmouseover="',
        '{: onclick="alert(1)" }',
        "<iframe",
        "<object",
        "<embed",
        '<a href="javascript:',
        "expression(",
        "url(javascript:",
        "${alert(1)}",
        "jaVasCript:/*",
    ):
        assert needle in text, f"no payload has {needle!r}"


def test_bases_hold_every_text_field_the_schema_defines():
    """Fields are found by walking the schema; the bases must hold each one so that none is skipped."""
    covered = {abstract(slot.path) for slot in SLOTS}
    missing = sorted(schema_text_fields() - covered)
    assert not missing, f"text fields no payload reaches (add them to the bases): {missing}"


def test_the_baseline_entries_are_accepted_everywhere_a_payload_can_go(campaign):
    """The harmless text is refused only where no free text is allowed at all."""
    baseline = campaign.baseline
    refused = {str(slot) for slot in baseline.rejected}
    # URLs, dates, lower-case keywords, and the patterned fields (header names, spec document and section)
    allowed_to_refuse = {
        str(s)
        for s in SLOTS
        if s.kind in ("https_url", "date", "keyword") or (s.kind == "string" and s.path != ("summary",))
    }
    assert refused <= allowed_to_refuse, sorted(refused - allowed_to_refuse)
    assert not baseline.unexpected, baseline.unexpected


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=payload_id)
def test_refused_payloads_get_a_clear_message(campaign, index):
    outcome = campaign.of(index)
    assert not outcome.unexpected, "\n".join(outcome.unexpected)
    assert outcome.rejected, "a payload accepted everywhere (even in dates and header names?)"
    for slot, problems in outcome.rejected.items():
        for problem in problems:
            assert problem.field == slot.field or problem.field.startswith(slot.field), (slot, problem)
            assert problem.line > 1 and problem.message.strip(), problem
            assert "Traceback" not in problem.message
    assert outcome.cli_status == 1, outcome.cli_output
    assert "Traceback" not in outcome.cli_output
    lines = outcome.cli_output.strip().splitlines()
    assert lines and SUMMARY_LINE.match(lines[-1]), outcome.cli_output
    problem_lines = [line for line in lines[:-1] if PROBLEM_LINE.match(line)]
    # A message may span lines only by quoting the payload's own line breaks.
    assert len(problem_lines) == sum(len(p) for p in outcome.rejected.values()), outcome.cli_output
    fields = {PROBLEM_LINE.match(line).group("field") for line in problem_lines}
    assert fields == {p.field for ps in outcome.rejected.values() for p in ps}


def test_accepted_payloads_validate_together(campaign):
    for group in campaign.groups:
        assert not group.problems, "\n".join(group.problems)


def test_every_build_succeeds(campaign):
    """A payload that validation let through and only the last-line safety check stopped is a hole."""
    failed = []
    for group in campaign.groups:
        if group.returncode != 0:
            culprits = []
            for outcome in group.outcomes:
                for code in (outcome.registered_code, outcome.unofficial_code):
                    if f"codes/{code}.yaml" in group.output:
                        culprits.append(
                            f"payload {outcome.index} {outcome.payload!r}, accepted in "
                            f"{[str(s) for s in outcome.accepted]}"
                        )
            failed.append(f"build {group.number} failed: {culprits}\n{group.output[-3000:]}")
    assert not failed, "\n\n".join(failed)


def _require_built(outcome: Outcome):
    if outcome.group is None or outcome.group.returncode != 0:
        pytest.fail("its build failed; see test_every_build_succeeds")


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=payload_id)
def test_accepted_payloads_inject_nothing(campaign, index):
    outcome = campaign.of(index)
    _require_built(outcome)
    group = outcome.group
    baseline = campaign.baseline.group
    findings = []
    for code in (outcome.registered_code, outcome.unofficial_code):
        url = f"{code}/"
        for finding in injection_findings(group.soup(url), baseline.soup(baseline_page_for(campaign, group, url))):
            findings.append(f"/{url}: {finding}")
    assert not findings, "\n".join(findings)


def test_shared_pages_inject_nothing(campaign):
    """Home, class and other pages list every entry of a build (names, summaries)."""
    findings = []
    baseline = campaign.baseline.group
    for group in campaign.groups:
        if group.returncode != 0:
            continue
        for url in group.pages:
            if re.fullmatch(r"\d{3}/", url):
                continue
            for finding in injection_findings(group.soup(url), baseline.soup(url)):
                findings.append(f"build {group.number} /{url}: {finding}")
    assert not findings, "\n".join(findings)


def _json_ld(soup: BeautifulSoup) -> dict[str, dict]:
    blocks = {}
    for tag in soup.find_all("script", type="application/ld+json"):
        body = tag.string or ""
        assert "<" not in body and "\u2028" not in body and "\u2029" not in body, body[:200]
        block = json.loads(body)
        blocks[block["@type"]] = block
    return blocks


def _expected_text(outcome: Outcome, kind: str, path: tuple) -> str | None:
    """The value the payload gave a field, or None when that field refused it."""
    slot = next((s for s in outcome.accepted if s.entry == kind and s.path == path), None)
    return outcome.value(slot) if slot else None


def _page_text(outcome: Outcome, kind: str, path: tuple, base: dict):
    value = _expected_text(outcome, kind, path)
    return value if value is not None else get(base, path)


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=payload_id)
def test_json_ld_meta_and_title_carry_the_text_exactly(campaign, index):
    outcome = campaign.of(index)
    _require_built(outcome)
    group = outcome.group
    for kind, code, base in (
        ("registered", outcome.registered_code, registered_base()),
        ("unofficial", outcome.unofficial_code, unofficial_base()),
    ):
        soup = group.soup(f"{code}/")
        blocks = _json_ld(soup)
        summary = one_line(_page_text(outcome, kind, ("summary",), base))
        name = (
            _page_text(outcome, kind, ("common_name",), base)
            if "common_name" in base
            else _page_text(outcome, kind, ("phrase",), base)
        )
        title = f"{code} {name}"
        assert blocks["TechArticle"]["description"] == summary
        assert blocks["TechArticle"]["about"]["description"] == summary
        assert blocks["TechArticle"]["headline"] == title
        assert soup.find("meta", attrs={"name": "description"})["content"] == summary
        assert soup.find("meta", property="og:description")["content"] == summary
        assert soup.find("meta", attrs={"name": "twitter:description"})["content"] == summary
        assert soup.title.string == f"{title} - {SITE_NAME}"
        assert soup.find("meta", property="og:title")["content"] == f"{title} - {SITE_NAME}"
        question = _expected_text(outcome, kind, ("faq", 0, "question"))
        if question is not None:
            assert question in [q["name"] for q in blocks["FAQPage"]["mainEntity"]]
        for q in blocks["FAQPage"]["mainEntity"]:
            assert isinstance(q["acceptedAnswer"]["text"], str)
        if any(s.entry == kind and s.path[0] == "aliases" for s in outcome.accepted):
            assert outcome.payload in blocks["TechArticle"]["about"]["alternateName"]
        if any(s.entry == kind and s.path[0] == "keywords" for s in outcome.accepted):
            assert outcome.payload in blocks["TechArticle"]["keywords"].split(", ")
        home_terms = {t["termCode"]: t for t in _json_ld(group.soup(""))["DefinedTermSet"]["hasDefinedTerm"]}
        # The home page's term names the code; its description is on the code's own page (about, above).
        assert home_terms[str(code)]["name"] == title
        assert "description" not in home_terms[str(code)]


@pytest.mark.parametrize("index", range(len(PAYLOADS)), ids=payload_id)
def test_plain_text_is_shown_as_written(campaign, index):
    """Plain-text fields and example messages show the payload as text, not as markup."""
    outcome = campaign.of(index)
    _require_built(outcome)
    missing = []
    for kind, code in (("registered", outcome.registered_code), ("unofficial", outcome.unofficial_code)):
        article = visible(outcome.group.soup(f"{code}/").select_one("article").get_text())
        for slot in outcome.accepted:
            if (
                slot.entry == kind
                and slot.placement in ("plain", "summary", "body", "header")
                and slot.kind not in ("https_url", "date")
            ):
                if visible(outcome.payload) not in article:
                    missing.append(str(slot))
    assert not missing, f"{outcome.payload!r} not shown as text in {missing}"


def test_counts(campaign, capsys):
    rejected = sum(len(o.rejected) for o in campaign.outcomes[1:])
    accepted = sum(len(o.accepted) for o in campaign.outcomes[1:])
    with capsys.disabled():
        print(
            f"\nxss: {len(PAYLOADS)} payloads x {len(SLOTS)} fields = {rejected + accepted} combinations: "
            f"{rejected} refused by validation, {accepted} built and checked, in {len(campaign.groups)} builds"
        )
    assert rejected + accepted == len(PAYLOADS) * len(SLOTS)
