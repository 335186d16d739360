"""Each validation rule: silent on a good entry, and caught by at least one case of the broken corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import load_tree
from generator.rules import RULES
from generator.validate import Context, validate_files

from .brokencases import load_case, write_case

HERE = Path(__file__).parent
GOOD = HERE / "fixtures" / "minimal"
# The unofficial fixture carries what only unofficial entries have (vendors and the sources backing them).
GOOD_UNOFFICIAL = HERE / "fixtures" / "unofficial"

# The corpus cases that exercise each rule (a rule without a failing fixture is an untested rule).
CASES_BY_RULE = {
    "schema": ["missing-summary", "misspelled-key", "code-as-text", "bad-date", "summary-too-short"],
    "filename": ["code-file-mismatch", "bad-file-name"],
    "code-range": ["code-above-range", "code-below-range", "not-a-status-code-in-range"],
    "duplicate-codes": ["duplicate-codes"],
    "related-codes": ["related-code-missing", "instead-code-missing", "internal-link-missing"],
    "links": [
        "http-link-in-markdown",
        "javascript-link",
        "javascript-link-entity-encoded",
        "data-url-link",
        "javascript-reference-link",
    ],
    "raw-html": [
        "raw-html-script",
        "raw-html-event-handler",
        "raw-html-comment",
        "attribute-list-injection",
        "markdown-image",
        "backslash-before-tag",
    ],
    "plain-text": ["markup-in-plain-text"],
    "http-examples": [
        "malformed-status-line",
        "request-without-host",
        "status-line-without-space",
        "field-name-space-before-colon",
    ],
    "reason-phrase": ["reason-phrase-wrong"],
    "content-length": ["content-length-differs"],
    "no-content": ["content-on-204"],
    "required-fields": ["required-field-missing"],
    "http-dates": ["http-date-wrong-weekday"],
    "json-bodies": ["json-body-invalid"],
    "registry": ["phrase-differs-from-registry", "unofficial-claims-registered-code"],
    "cacheable": ["cacheable-contradicts-rfc"],
    "cited-sections": ["cited-section-missing"],
    "constants": ["constant-name-removed", "constant-deprecated-in-prose"],
    "placeholders": ["scaffold-left-unfilled"],
    "dates": ["registration-date-in-prose"],
    "sources-required": ["missing-sources-and-review"],
    "spec-cited": ["spec-section-not-cited"],
    "vendor-sources": [
        "vendor-meaning-without-source",
        "vendor-meaning-only-secondary",
        "secondary-only-note-contradicted",
        "source-names-unknown-vendor",
    ],
    "review-dates": ["review-dates-in-the-future"],
}


def run_rule(rule, codes_dir: Path):
    files = load_tree(codes_dir, codes_dir.parent)
    good = [f for f in files if not f.problems]
    from generator.problems import Report

    report, context = Report(), Context()
    if rule.SCOPE == "file":
        for loaded in good:
            rule.check(report, loaded, context)
    else:
        rule.check(report, good, context)
    return report.sorted()


def test_every_rule_has_cases():
    assert {rule.NAME for rule in RULES} == set(CASES_BY_RULE)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_rule_accepts_the_good_entry(rule):
    assert run_rule(rule, GOOD) == []
    assert run_rule(rule, GOOD_UNOFFICIAL) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.NAME)
def test_rule_catches_its_bad_fixtures(rule, tmp_path):
    for name in CASES_BY_RULE[rule.NAME]:
        case = load_case(name)
        problems = run_rule(rule, write_case(case, tmp_path / name))
        assert problems, f"rule {rule.NAME} found nothing in tests/broken/cases/{name}.yaml"
        for problem in problems:
            assert str(problem) in case.expected


def test_rule_modules_describe_themselves():
    for rule in RULES:
        assert rule.NAME and rule.DESCRIPTION and rule.SCOPE in ("file", "tree")


def test_good_entry_passes_the_whole_validator():
    files = load_tree(GOOD, GOOD.parent)
    assert validate_files(files).sorted() == []
