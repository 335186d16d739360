"""``cacheable`` is true exactly for the codes the RFCs make heuristically cacheable (cacheable by default).

The list is read from the paragraphs the vendored RFC index keeps (reference/rfc-sections.json):

- RFC 9110 §15.1: "Responses with status codes that are defined as heuristically cacheable (e.g., 200, 203,
  204, 206, 300, 301, 308, 404, 405, 410, 414, and 501 in this specification)";
- a code's own section in another vendored RFC saying "A NNN response is cacheable by default" (RFC 7725
  §3 for 451) or "heuristically cacheable".

RFC 7540 §9.1.2 once made 421 cacheable by default; RFC 9110 Appendix B.3 took that back, and RFC 9110 now
defines 421 (§15.5.20), so RFC 7540 is not read. An unofficial code is defined as heuristically cacheable by
no specification, so its entry says ``false``: only "status codes that are defined as heuristically
cacheable" may be reused with heuristic expiration (RFC 9110 §15.1).
"""

from __future__ import annotations

import re

NAME = "cacheable"
DESCRIPTION = "cacheable matches the codes RFC 9110 §15.1 (and RFC 7725 §3) make heuristically cacheable"
SCOPE = "file"

SENTENCE_15_1 = re.compile(r"heuristically cacheable \(e\.g\., ([0-9, and]+?) in this specification\)")
PER_CODE = re.compile(r"\bA ([1-5][0-9]{2}) response is (?:heuristically cacheable|cacheable by default)\b")
# RFCs whose own statements are current. RFC 7540's 421 statement was withdrawn by RFC 9110 Appendix B.3.
SUPERSEDED = {"RFC 7540"}


def _codes(text: str) -> set[int]:
    return {int(c) for c in re.findall(r"\b[1-5][0-9]{2}\b", text)}


def rfc9110_list(index: dict) -> set[int]:
    """The codes RFC 9110 §15.1 lists as heuristically cacheable, read from the index; empty if not found."""
    paragraphs = index.get("RFC 9110", {}).get("cacheability", {}).get("15.1", [])
    found = [m.group(1) for text in paragraphs for m in SENTENCE_15_1.finditer(text)]
    return _codes(found[0]) if len(found) == 1 else set()


def per_code_statements(index: dict, rfc: str) -> set[int]:
    """Codes whose own section of ``rfc`` (its heading names the code) says it is cacheable by default."""
    entry = index.get(rfc, {})
    result = set()
    for section, paragraphs in entry.get("cacheability", {}).items():
        for text in paragraphs:
            for match in PER_CODE.finditer(text):
                if re.search(rf"\b{match.group(1)}\b", entry.get("sections", {}).get(section, "")):
                    result.add(int(match.group(1)))
    return result


def heuristically_cacheable(index: dict) -> dict[int, str]:
    """{code: the source that makes it heuristically cacheable}, e.g. {404: "RFC 9110 §15.1", 451: "RFC 7725"}."""
    result = {code: "RFC 9110 §15.1" for code in rfc9110_list(index)}
    for rfc in index:
        if rfc != "RFC 9110" and rfc not in SUPERSEDED:
            for code in per_code_statements(index, rfc):
                result.setdefault(code, rfc)
    return result


def check(report, loaded, context) -> None:
    code, cacheable = loaded.data.get("code"), loaded.data.get("cacheable")
    if not isinstance(code, int) or not isinstance(cacheable, bool) or not 100 <= code <= 599:
        return  # a code outside 100-599 is the code-range rule's
    sources = heuristically_cacheable(context.rfc_index)
    if not sources:
        report.add(loaded.name, 1, "cacheable", "the RFC index has no RFC 9110 §15.1 list; rebuild it")
        return
    should = code in sources
    if cacheable is not should:
        why = (
            f"{sources[code]} makes {code} heuristically cacheable"
            if should
            else f"neither RFC 9110 §15.1 nor any code section of the vendored RFCs makes {code} heuristically "
            "cacheable"
        )
        report.add(
            loaded.name,
            loaded.line_of(("cacheable",)),
            "cacheable",
            f"cacheable is {str(cacheable).lower()}; it should be {str(should).lower()} ({why})",
        )
