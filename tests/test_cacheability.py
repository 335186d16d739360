"""`cacheable` is true exactly for the codes the RFCs define as heuristically cacheable.

The RFC 9110 list is read from the vendored RFC index (reference/rfc-sections.json, which keeps the
paragraphs of each RFC that state a code's cacheability): §15.1 names the codes in one sentence, and each
code's own section repeats "A NNN response is heuristically cacheable". The hard-coded list below is a
cross-check of that parsing, not the source of truth.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.loader import load_tree
from generator.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent
INDEX = json.loads((ROOT / "reference" / "rfc-sections.json").read_text(encoding="utf-8"))["rfcs"]

# RFC 9110 §15.1: "(e.g., 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, and 501 in this specification)"
RFC9110_HEURISTICALLY_CACHEABLE = {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501}
# RFC 7725 §3: "A 451 response is cacheable by default".
RFC7725_CACHEABLE = {451}

SENTENCE_15_1 = re.compile(r"heuristically cacheable \(e\.g\., ([0-9, and]+?) in this specification\)")
PER_CODE = re.compile(r"\bA ([1-5][0-9]{2}) response is (?:heuristically cacheable|cacheable by default)\b")


def _codes(text: str) -> set[int]:
    return {int(c) for c in re.findall(r"\b[1-5][0-9]{2}\b", text)}


def rfc9110_list_from_15_1() -> set[int]:
    paragraphs = INDEX["RFC 9110"]["cacheability"].get("15.1", [])
    found = [m.group(1) for text in paragraphs for m in SENTENCE_15_1.finditer(text)]
    assert len(found) == 1, "RFC 9110 §15.1 should hold one sentence listing the heuristically cacheable codes"
    return _codes(found[0])


def per_code_statements(rfc: str) -> set[int]:
    """Codes whose own section (its heading names the code) says a response is cacheable by default."""
    rfc_index = INDEX[rfc]
    result = set()
    for section, paragraphs in rfc_index["cacheability"].items():
        for text in paragraphs:
            for match in PER_CODE.finditer(text):
                code = match.group(1)
                if re.search(rf"\b{code}\b", rfc_index["sections"].get(section, "")):
                    result.add(int(code))
    return result


def expected_cacheable() -> set[int]:
    return rfc9110_list_from_15_1() | per_code_statements("RFC 7725")


def test_rfc9110_15_1_list_parses_to_the_known_codes():
    assert rfc9110_list_from_15_1() == RFC9110_HEURISTICALLY_CACHEABLE


def test_rfc9110_code_sections_agree_with_15_1():
    assert per_code_statements("RFC 9110") == rfc9110_list_from_15_1()


def test_rfc7725_makes_451_cacheable_by_default():
    assert per_code_statements("RFC 7725") == RFC7725_CACHEABLE


def test_421_is_no_longer_heuristically_cacheable():
    # RFC 7540 §9.1.2 made 421 cacheable by default; RFC 9110 Appendix B.3 took that back.
    assert 421 in per_code_statements("RFC 7540")
    changes = " ".join(INDEX["RFC 9110"]["cacheability"].get("B.3", []))
    assert "421 is no longer defined as heuristically cacheable" in changes
    assert 421 not in expected_cacheable()


def test_vendored_registry_cacheability_column_agrees():
    registry = load_registry()
    column = {code for code, row in registry.items() if row.cacheable}
    assert column == expected_cacheable()


def test_cacheable_is_true_exactly_for_heuristically_cacheable_codes():
    expected = expected_cacheable()
    wrong = []
    for loaded in load_tree(ROOT / "codes", ROOT):
        data = loaded.data
        if not isinstance(data, dict) or not isinstance(data.get("code"), int):
            continue
        should = data["code"] in expected
        if data.get("cacheable") is not should:
            source = (
                "RFC 7725 §3 makes 451 cacheable by default"
                if data["code"] in RFC7725_CACHEABLE
                else "RFC 9110 §15.1 lists it as heuristically cacheable"
                if should
                else "neither RFC 9110 §15.1 nor RFC 7725 §3 makes it heuristically cacheable"
            )
            wrong.append(
                f"{loaded.name}:{loaded.line_of(('cacheable',))}: cacheable is "
                f"{data.get('cacheable')!r}; should be {should} ({source})"
            )
    assert not wrong, "\n".join(wrong)
