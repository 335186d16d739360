"""The `cited-sections` rule and the vendored RFC section index it reads (reference/rfc-sections.json).

The index maps, for each vendored RFC (RFC 9110, 6585, 7538, 7540, 7725, 8297, 8470, 10008), every section
number to its heading; scripts/build_rfc_index.py built it once from the published texts.
"""

from __future__ import annotations

import re

import pytest

from generator.registry import load_registry
from generator.rfc_index import citations, load_rfc_index, section_url
from generator.rules import cited_sections

from .entries import ENTRIES
from .rulecheck import run_rule, where

INDEX = load_rfc_index()
FROM_HTTPWG = {"RFC 9110", "RFC 6585", "RFC 7538", "RFC 7540", "RFC 7725", "RFC 8297", "RFC 8470"}


def test_index_covers_the_vendored_rfcs():
    assert FROM_HTTPWG | {"RFC 10008"} <= set(INDEX)
    for name in FROM_HTTPWG:
        assert INDEX[name]["sections"], name
        assert INDEX[name]["source"] == f"https://httpwg.org/specs/rfc{name[4:]}.html"
    sections = INDEX["RFC 9110"]["sections"]
    assert sections["15.5.5"] == "404 Not Found"
    assert sections["15.5.19"] == "418 (Unused)"
    assert sections["15.1"] == "Overview of Status Codes"


def test_index_has_rfc_10008_query():
    # RFC 10008 (June 2026), vendored from its plain text: headings of §§1-6 and Appendices A-B.
    query = INDEX["RFC 10008"]
    assert query["title"] == "The HTTP QUERY Method"
    assert query["issued"] == "2026-06"
    assert query["source"] == "https://www.rfc-editor.org/rfc/rfc10008.html"
    assert query["sections"]["2"] == "QUERY Method"
    assert query["sections"]["2.1"] == "Media Types and Content Negotiation"
    assert query["sections"]["3"] == "The Accept-Query Header Field"
    assert query["sections"]["A.4.2"] == "Using Location"
    assert len(query["sections"]) == 31


def test_every_registry_section_defines_its_code():
    # The registry rule pins spec.section to the registry's; this pins the registry's to the RFC text.
    wrong = []
    for code, row in sorted(load_registry().items()):
        if row.document in INDEX and row.section:
            heading = INDEX[row.document]["sections"].get(row.section, "(no such section)")
            if not re.search(rf"\b{code}\b", heading) or row.phrase.lower() not in heading.lower():
                wrong.append(f"{code} {row.phrase}: {row.document} §{row.section} is {heading!r}")
    assert not wrong, "\n".join(wrong)


def test_citation_parser():
    found = list(
        citations(
            "see RFC 9110 §15.5.5 and §15.5.4, RFC 6585\n  §4. Section 3 of RFC 7725; "
            "RFC 9110 Appendix B.3; RFC 9111 §3; RFC 9110 §§15.5.4, 15.5.5; "
            "RFC 9110 §15.1, 404 responses; RFC 7231 §6.5.7; RFC 10008 §2.1."
        )
    )
    assert [(rfc, section) for rfc, section, _ in found] == [
        ("RFC 9110", "15.5.5"),
        ("RFC 9110", "15.5.4"),
        ("RFC 6585", "4"),
        ("RFC 9110", "B.3"),
        ("RFC 9111", "3"),
        ("RFC 9110", "15.5.4"),
        ("RFC 9110", "15.5.5"),
        ("RFC 9110", "15.1"),
        ("RFC 7231", "6.5.7"),
        ("RFC 10008", "2.1"),
        ("RFC 7725", "3"),
    ]


def test_entries_cite_sections_at_all():
    # Guards the parser: if it silently stopped matching, the rule would pass vacuously.
    count = sum(
        1 for _, data in ENTRIES.values() for _, text in _strings(data) for rfc, _, _ in citations(text) if rfc in INDEX
    )
    assert count > 100


def _strings(data):
    from generator.schema import iter_strings

    return iter_strings(data)


GOOD = """\
code: 404
phrase: Not Found
standing: permanent
spec:
  document: RFC 9110
  section: "15.5.5"
  url: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5
meaning: |
  RFC 9110 §15.5.5 defines 404; Section 3 of RFC 7725 defines 451.
  A QUERY request (RFC 10008 §2.1, Appendix A.4.2 of RFC 10008) is safe.
  RFC 9111 §99 and RFC 7231 §6.5.4 are not vendored, so they are not checked.
  See https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 and
  https://www.rfc-editor.org/rfc/rfc10008#section-3.
headers:
  - name: Content-Type
    why: The media type; `multipart/byteranges` for several ranges (RFC 9110 §14.6).
    url: https://www.rfc-editor.org/rfc/rfc9110#section-14.6
  - name: Cache-Control
    why: Set a lifetime.
    url: https://www.rfc-editor.org/rfc/rfc9111#section-5.2
  - name: Location
    why: Where to go.
    url: https://www.rfc-editor.org/rfc/rfc9110#section-10.2.2
cacheable: true
"""

BROKEN = [
    ("cited section missing", ("RFC 9110 §15.5.5 defines", "RFC 9110 §15.5.55 defines"), 9, "meaning", "15.5.55"),
    ("RFC 10008 section missing", ("RFC 10008 §2.1,", "RFC 10008 §2.9,"), 10, "meaning", "RFC 10008 §2.9"),
    ("section before RFC", ("Section 3 of RFC 7725", "Section 9 of RFC 7725"), 9, "meaning", "RFC 7725 §9"),
    ("appendix", ("Appendix A.4.2 of", "Appendix A.4.7 of"), 10, "meaning", "RFC 10008 §A.4.7"),
    ("link", ("rfc10008#section-3", "rfc10008#section-7"), 13, "meaning", "links to RFC 10008 §7"),
    (
        "header link elsewhere",
        ("rfc9110#section-10.2.2", "rfc9110#section-10.2.3"),
        23,
        "headers[2].url",
        "not that field's definition",
    ),
]


def test_accepts_an_entry_whose_citations_exist(tmp_path):
    assert run_rule(cited_sections, tmp_path, GOOD) == []


@pytest.mark.parametrize("what,change,line,field,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_reports_a_citation_that_does_not_exist(tmp_path, what, change, line, field, words):
    old, new = change
    assert old in GOOD
    problems = run_rule(cited_sections, tmp_path, GOOD.replace(old, new, 1))
    assert where(problems) == [("codes/404.yaml", line, field)], "\n".join(map(str, problems))
    assert words in problems[0].message, problems[0].message


def test_header_link_elsewhere_needs_the_section_cited_in_why(tmp_path):
    text = GOOD.replace(" (RFC 9110 §14.6).", ".")
    problems = run_rule(cited_sections, tmp_path, text)
    assert where(problems) == [("codes/404.yaml", 17, "headers[0].url")]
    assert "cite §14.6 in 'why'" in problems[0].message


def test_section_url_builds_the_links_the_registry_gives():
    """Scenario steps must link rfc_index.section_url(rfc, section): the same form as every spec.url."""
    rows = [r for r in load_registry().values() if r.document.startswith("RFC ") and r.section]
    assert len(rows) > 50
    assert [r.code for r in rows if r.url != section_url(r.document[4:], r.section)] == []
