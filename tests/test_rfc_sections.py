"""Section numbers cited by the entries exist in the vendored RFC index (reference/rfc-sections.json).

The index maps, for each vendored RFC (RFC 9110, 6585, 7538, 7540, 7725, 8297, 8470), every section number
to its heading. It was built once from the published HTML by scripts/build_rfc_index.py; these tests never
read the HTML itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.schema import iter_strings

from .entries import ENTRIES as _ALL_ENTRIES

ROOT = Path(__file__).resolve().parent.parent
INDEX = json.loads((ROOT / "reference" / "rfc-sections.json").read_text(encoding="utf-8"))["rfcs"]
VENDORED = {"RFC 9110", "RFC 6585", "RFC 7538", "RFC 7540", "RFC 7725", "RFC 8297", "RFC 8470"}

SECTION = r"[0-9A-Z][0-9]*(?:\.[0-9]+)*(?![0-9])"
NUMBER = r"[0-9]+(?:\.[0-9]+)*(?![0-9])"
# "RFC 9110 §15.5.5", "RFC 9110, §15.5.5", "RFC 9110 §15.5.4 and §15.5.5", "RFC 9110 §§15.5.4, 15.5.5",
# "RFC 9110 Section 15.5.5", "RFC 9110 Appendix B.3", and "Section 15.5.5 of RFC 9110". Later items of a
# list need their own "§" unless the list opened with "§§" (so "§15.1, 404 responses" is one citation).
JOINER = r"\s*(?:,\s*and|,\s*or|,|;|/|&|and|or)\s*"
CITE_AFTER = re.compile(
    rf"\bRFC\s?(?P<rfc>[0-9]{{3,5}}),?\s*"
    rf"(?:§§\s?(?P<many>{NUMBER}(?:{JOINER}{NUMBER})*)"
    rf"|(?:§\s?|[Ss]ection\s+|[Aa]ppendix\s+)(?P<list>{SECTION}(?:{JOINER}§\s?{SECTION})*))"
)
CITE_BEFORE = re.compile(
    rf"\b(?:[Ss]ection|[Aa]ppendix|§)\s?(?P<section>{SECTION})\s+of\s+\[?RFC\s?(?P<rfc>[0-9]{{3,5}})"
)


ENTRIES = list(_ALL_ENTRIES.values())


def _field(path: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path))


def citations(text: str):
    """(rfc, section, quoted citation) for every section citation in ``text``."""
    text = re.sub(r"\s+", " ", text)
    for match in CITE_AFTER.finditer(text):
        items = match.group("many") or match.group("list")
        for section in re.findall(rf"(?<![0-9A-Z.]){SECTION}", re.sub(JOINER, " ", items)):
            yield f"RFC {match.group('rfc')}", section, match.group(0)
    for match in CITE_BEFORE.finditer(text):
        yield f"RFC {match.group('rfc')}", match.group("section"), match.group(0)


def test_index_covers_the_vendored_rfcs():
    assert VENDORED <= set(INDEX)
    for name in VENDORED:
        assert INDEX[name]["sections"], name
        assert INDEX[name]["source"] == f"https://httpwg.org/specs/rfc{name[4:]}.html"
    sections = INDEX["RFC 9110"]["sections"]
    assert sections["15.5.5"] == "404 Not Found"
    assert sections["15.5.19"] == "418 (Unused)"
    assert sections["15.1"] == "Overview of Status Codes"


def test_citation_parser():
    found = list(
        citations(
            "see RFC 9110 §15.5.5 and §15.5.4, RFC 6585\n  §4. Section 3 of RFC 7725; "
            "RFC 9110 Appendix B.3; RFC 9111 §3; RFC 9110 §§15.5.4, 15.5.5; "
            "RFC 9110 §15.1, 404 responses; RFC 7231 §6.5.7."
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
        ("RFC 7725", "3"),
    ]


def _spec_cases():
    for name, data in ENTRIES:
        spec = data.get("spec")
        if isinstance(spec, dict) and spec.get("document") in INDEX and spec.get("section"):
            yield pytest.param(name, data, id=str(data["code"]))


@pytest.mark.parametrize("name,data", list(_spec_cases()))
def test_spec_section_exists_and_names_the_code(name, data):
    code, spec = data["code"], data["spec"]
    sections = INDEX[spec["document"]]["sections"]
    section = spec["section"]
    assert section in sections, f"{name}: spec.section {section!r} does not exist in {spec['document']}"
    heading = sections[section]
    assert re.search(rf"\b{code}\b", heading), (
        f"{name}: {spec['document']} §{section} is {heading!r}, which is not the section defining {code}"
    )
    assert data.get("phrase", "").lower() in heading.lower(), (
        f"{name}: {spec['document']} §{section} is {heading!r}; the phrase {data.get('phrase')!r} is not in it"
    )


def test_every_cited_section_of_a_vendored_rfc_exists():
    bad = []
    for name, data in ENTRIES:
        for path, text in iter_strings(data):
            for rfc, section, quoted in citations(text):
                if rfc in INDEX and section not in INDEX[rfc]["sections"]:
                    bad.append(f"{name}: {_field(path)}: {quoted!r} cites {rfc} §{section}, which {rfc} does not have")
    assert not bad, "\n".join(bad)


def test_entries_cite_sections_at_all():
    # Guards the parser: if it silently stopped matching, the test above would pass vacuously.
    count = sum(
        1 for _, data in ENTRIES for _, text in iter_strings(data) for rfc, _, _ in citations(text) if rfc in INDEX
    )
    assert count > 100


# Deep links to a vendored RFC: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 and the same on
# httpwg.org/specs/ or datatracker.ietf.org/doc/html/.
SECTION_LINK = re.compile(
    r"https://(?:www\.rfc-editor\.org/rfc/rfc|httpwg\.org/specs/rfc|datatracker\.ietf\.org/doc/html/rfc)"
    r"(?P<rfc>[0-9]+)(?:\.html)?#section-(?P<section>[0-9A-Z]+(?:\.[0-9]+)*)"
)
# headers[].url that deliberately points elsewhere than the header field's own definition:
# (file, header) -> section it links to, and why.
HEADER_LINK_EXCEPTIONS = {
    ("codes/206.yaml", "Content-Type"): ("14.6", "the text is about the multipart/byteranges media type"),
    ("codes/451.yaml", "Link"): ("4", 'RFC 7725 §4 defines the Link relation "blocked-by" that 451 uses'),
}


def test_every_section_link_to_a_vendored_rfc_exists():
    bad = []
    for name, data in ENTRIES:
        for path, text in iter_strings(data):
            for match in SECTION_LINK.finditer(text):
                rfc = f"RFC {match.group('rfc')}"
                if rfc in INDEX and match.group("section") not in INDEX[rfc]["sections"]:
                    bad.append(
                        f"{name}: {_field(path)}: {match.group(0)} links to {rfc} "
                        f"§{match.group('section')}, which {rfc} does not have"
                    )
    assert not bad, "\n".join(bad)


def test_header_links_point_at_the_header_fields_definition():
    bad = []
    for name, data in ENTRIES:
        for i, header in enumerate(data.get("headers") or []):
            if not isinstance(header, dict):
                continue
            match = SECTION_LINK.fullmatch(header.get("url") or "")
            rfc = f"RFC {match.group('rfc')}" if match else None
            if rfc not in INDEX:
                continue
            section = match.group("section")
            heading = INDEX[rfc]["sections"].get(section, "")
            field_name = str(header.get("name"))
            exception = HEADER_LINK_EXCEPTIONS.get((name, field_name))
            if field_name.lower() in heading.lower() or (exception and exception[0] == section):
                continue
            bad.append(
                f"{name}: headers[{i}].url: {field_name} links to {rfc} §{section} {heading!r}, "
                "which is not that field's definition (link its definition, or add a reasoned "
                "entry to HEADER_LINK_EXCEPTIONS)"
            )
    assert not bad, "\n".join(bad)
