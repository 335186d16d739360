"""The vendored RFC section index (reference/rfc-sections.json) and the citations found in entry text.

The index maps, for each vendored RFC (RFC 9110, 6585, 7538, 7540, 7725, 8297, 8470, 10008), every section
number to its heading and keeps the paragraphs that state a status code's cacheability. It is written by
scripts/build_rfc_index.py; see reference/README.md for its sources and dates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .registry import REFERENCE_DIR

RFC_INDEX_FILE = REFERENCE_DIR / "rfc-sections.json"


def load_rfc_index(path: Path = RFC_INDEX_FILE) -> dict[str, dict]:
    """{"RFC 9110": {"title", "source", "issued", "sections": {"15.5.5": "404 Not Found"}, "cacheability"}}.

    Raises OSError or ValueError when the file is missing or not JSON (a broken checkout, not bad input).
    """
    return json.loads(path.read_text(encoding="utf-8"))["rfcs"]


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
# Deep links to an RFC section: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 and the same on
# httpwg.org/specs/ or datatracker.ietf.org/doc/html/.
SECTION_LINK = re.compile(
    r"https://(?:www\.rfc-editor\.org/rfc/rfc|httpwg\.org/specs/rfc|datatracker\.ietf\.org/doc/html/rfc)"
    r"(?P<rfc>[0-9]+)(?:\.html)?#section-(?P<section>[0-9A-Z]+(?:\.[0-9]+)*)"
)


def section_url(rfc: str, section: str) -> str:
    """The RFC Editor's deep link to ``section`` of RFC ``rfc`` (``"9110"``, ``"15.5.5"``), the form the IANA
    registry links (reference/iana-http-status-codes-*.csv) and SECTION_LINK reads."""
    return f"https://www.rfc-editor.org/rfc/rfc{rfc}#section-{section}"


def citations(text: str):
    """Yield (rfc, section, quoted citation) for every section citation in ``text``, e.g. ("RFC 9110", "15.5.5",
    "RFC 9110 §15.5.5"). Whitespace (line breaks of wrapped prose) counts as one space."""
    text = re.sub(r"\s+", " ", text)
    for match in CITE_AFTER.finditer(text):
        items = match.group("many") or match.group("list")
        for section in re.findall(rf"(?<![0-9A-Z.]){SECTION}", re.sub(JOINER, " ", items)):
            yield f"RFC {match.group('rfc')}", section, match.group(0)
    for match in CITE_BEFORE.finditer(text):
        yield f"RFC {match.group('rfc')}", match.group("section"), match.group(0)
