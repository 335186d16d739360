"""Every section an entry cites or links to exists in the vendored RFC section index.

Checks, against reference/rfc-sections.json (headings of RFC 9110, 6585, 7538, 7540, 7725, 8297, 8470 and
10008, built by scripts/build_rfc_index.py):

- every citation in the text ("RFC 9110 §15.5.5", "RFC 10008 §2.1", "Section 3 of RFC 7725") and every deep
  link (``https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5``) names a section that RFC has;
- a ``headers[].url`` that deep-links an RFC points at that field's definition (the heading names the field),
  unless the entry's ``why`` cites the linked section, saying why it points elsewhere.

Citations of RFCs the index does not hold (RFC 9111, RFC 7231, ...) are not checked: there is nothing to
check them against. ``spec.section`` is the registry rule's: it must equal the IANA registry's section, and
tests/test_rfc_sections.py checks that each registry section exists and is the one defining its code.
"""

from __future__ import annotations

import re

from ..locate import line_of_fragment
from ..problems import format_path
from ..rfc_index import SECTION_LINK, citations
from ..schema import iter_strings

NAME = "cited-sections"
DESCRIPTION = "cited RFC sections and section links exist in the vendored RFC section index"
SCOPE = "file"


def _cites(text: str, rfc: str, section: str) -> bool:
    return any(c_rfc == rfc and c_section == section for c_rfc, c_section, _ in citations(text)) or bool(
        re.search(rf"§\s?{re.escape(section)}(?![0-9.])", text)
    )


def _check_text(report, loaded, index) -> None:
    for path, text in iter_strings(loaded.data):
        if path and path[0] == "examples" and path[-1] in ("request", "response"):
            continue  # HTTP messages, not prose
        for rfc, section, quoted in citations(text):
            if rfc in index and section not in index[rfc]["sections"]:
                report.add(
                    loaded.name,
                    line_of_fragment(loaded, path, section),
                    format_path(path),
                    f"{quoted!r} cites {rfc} §{section}, which {rfc} does not have "
                    f"(its sections: {index[rfc]['source']})",
                )
        for match in SECTION_LINK.finditer(text):
            rfc, section = f"RFC {match.group('rfc')}", match.group("section")
            if rfc in index and section not in index[rfc]["sections"]:
                report.add(
                    loaded.name,
                    line_of_fragment(loaded, path, match.group(0)),
                    format_path(path),
                    f"{match.group(0)} links to {rfc} §{section}, which {rfc} does not have",
                )


def _check_header_links(report, loaded, index) -> None:
    for position, header in enumerate(loaded.data.get("headers") or []):
        if not isinstance(header, dict) or not isinstance(header.get("url"), str):
            continue
        match = SECTION_LINK.fullmatch(header["url"])
        rfc = f"RFC {match.group('rfc')}" if match else None
        if rfc not in index:
            continue
        section = match.group("section")
        heading = index[rfc]["sections"].get(section)
        field_name = str(header.get("name"))
        why = header.get("why") if isinstance(header.get("why"), str) else ""
        if heading is None or field_name.lower() in heading.lower() or _cites(why, rfc, section):
            continue  # a missing section is reported by _check_text
        path = ("headers", position, "url")
        report.add(
            loaded.name,
            loaded.line_of(path),
            format_path(path),
            f"{field_name} links to {rfc} §{section} {heading!r}, which is not that field's definition: link "
            f"the definition, or cite §{section} in 'why' to say why the link points there",
        )


def check(report, loaded, context) -> None:
    index = context.rfc_index
    _check_text(report, loaded, index)
    _check_header_links(report, loaded, index)
