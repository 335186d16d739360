"""The `cacheable` rule: `cacheable` is true exactly for the codes the RFCs make heuristically cacheable.

The rule reads the list from the vendored RFC index (reference/rfc-sections.json keeps the paragraphs of each
RFC that state a code's cacheability). The hard-coded lists below cross-check that parsing; the registry's
own column must agree with it too.
"""

from __future__ import annotations

import pytest

from generator.registry import load_registry
from generator.rfc_index import load_rfc_index
from generator.rules import cacheable
from generator.validate import Context

from .rulecheck import run_rule, where

INDEX = load_rfc_index()
# RFC 9110 §15.1: "(e.g., 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, and 501 in this specification)"
RFC9110_HEURISTICALLY_CACHEABLE = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501}
# RFC 7725 §3: "A 451 response is cacheable by default".
RFC7725_CACHEABLE = {451}


def test_rfc9110_15_1_list_parses_to_the_known_codes():
    assert cacheable.rfc9110_list(INDEX) == RFC9110_HEURISTICALLY_CACHEABLE


def test_rfc9110_code_sections_agree_with_15_1():
    assert cacheable.per_code_statements(INDEX, "RFC 9110") == RFC9110_HEURISTICALLY_CACHEABLE


def test_rfc7725_makes_451_cacheable_by_default():
    assert cacheable.per_code_statements(INDEX, "RFC 7725") == RFC7725_CACHEABLE


def test_421_is_no_longer_heuristically_cacheable():
    # RFC 7540 §9.1.2 made 421 cacheable by default; RFC 9110 Appendix B.3 took that back.
    assert 421 in cacheable.per_code_statements(INDEX, "RFC 7540")
    changes = " ".join(INDEX["RFC 9110"]["cacheability"].get("B.3", []))
    assert "421 is no longer defined as heuristically cacheable" in changes
    assert 421 not in cacheable.heuristically_cacheable(INDEX)


def test_vendored_registry_cacheability_column_agrees():
    column = {code for code, row in load_registry().items() if row.cacheable}
    assert column == set(cacheable.heuristically_cacheable(INDEX)) == RFC9110_HEURISTICALLY_CACHEABLE | {451}


ENTRY = "code: {code}\nphrase: Some Phrase\nstanding: permanent\ncacheable: {value}\n"


@pytest.mark.parametrize("code,value", [(404, "true"), (451, "true"), (403, "false"), (421, "false"), (499, "false")])
def test_accepts_the_right_value(tmp_path, code, value):
    assert run_rule(cacheable, tmp_path, ENTRY.format(code=code, value=value), f"{code}.yaml") == []


@pytest.mark.parametrize(
    "code,value,words",
    [
        (404, "false", "RFC 9110 §15.1 makes 404 heuristically cacheable"),
        (451, "false", "RFC 7725 makes 451 heuristically cacheable"),
        (421, "true", "neither RFC 9110 §15.1 nor"),
        (499, "true", "neither RFC 9110 §15.1 nor"),
    ],
)
def test_reports_the_wrong_value(tmp_path, code, value, words):
    problems = run_rule(cacheable, tmp_path, ENTRY.format(code=code, value=value), f"{code}.yaml")
    assert where(problems) == [(f"codes/{code}.yaml", 4, "cacheable")], problems
    assert words in problems[0].message


def test_reports_an_index_without_the_15_1_list(tmp_path):
    context = Context(rfc_index={"RFC 9110": {"sections": {}, "cacheability": {}}})
    problems = run_rule(cacheable, tmp_path, ENTRY.format(code=404, value="true"), context=context)
    assert "rebuild it" in problems[0].message
