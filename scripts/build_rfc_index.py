"""Build reference/rfc-sections.json from RFC texts (HTML by the HTTP working group, or plain text).

Run once, by hand, when the vendored index needs to change; the project and its tests read only the
JSON it writes, never the HTML:

    .venv/bin/python scripts/build_rfc_index.py SOURCE_DIR [--output reference/rfc-sections.json]

SOURCE_DIR holds files named rfcNNNN.html as served by https://httpwg.org/specs/ (the RFCBootstrap
rendering: every section heading is an <h2>..<h6> with id "rfc.section.N.N" and every paragraph a <div>
with id "rfc.section.N.N.p.K"). For each RFC the index records its title, source URL and issue date,
every section number with its heading text, and the paragraphs that state whether a status code is
cacheable (RFC 9110 §15.1 lists the heuristically cacheable codes; the code sections repeat it).

SOURCE_DIR may also hold rfcNNNN.txt files in the RFC Editor's plain-text layout (RFC 10008, published
June 2026, is vendored that way): every section heading starts in column 0 as "2.1.  Title" or
"Appendix A.  Title", body text is indented, and an optional leading block in square brackets says where
the copy came from; its "Canonical: URL" line gives the source recorded in the index. A plain-text RFC's
issue date is read from its first page ("June 2026" -> "2026-06").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "reference" / "rfc-sections.json"
HEADING_ID = re.compile(r"^rfc\.section\.([0-9A-Z]+(?:\.[0-9]+)*)$")
PARAGRAPH_ID = re.compile(r"^rfc\.section\.([0-9A-Z]+(?:\.[0-9]+)*)\.p\.[0-9]+$")
NUMBER_PREFIX = re.compile(r"^(?:Appendix\s+)?[0-9A-Z]+(?:\.[0-9]+)*\.?\s*")
CACHEABILITY = re.compile(r"heuristically cacheable|cacheable by default")
TEXT_HEADING = re.compile(r"^(?:Appendix\s+)?([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)\.\s+(\S.*)$")
MONTHS = "January February March April May June July August September October November December".split()
TEXT_DATE = re.compile(rf"^\s.*\b({'|'.join(MONTHS)}) ([0-9]{{4}})\s*$")


def _text(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True).replace("\xa0", " ")).strip()


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag.get("content") if tag else None


def index_text_rfc(path: Path, number: str) -> tuple[str, dict]:
    """Index an RFC in the plain-text layout: headings in column 0, indented paragraphs."""
    lines = path.read_text(encoding="utf-8").splitlines()
    note = []
    if lines and lines[0].startswith("["):
        while lines:
            note.append(lines.pop(0))
            if note[-1].rstrip().endswith("]"):
                break
    canonical = re.search(r"Canonical:\s*(https://\S+?)\]?\s*$", " ".join(note))
    issued = next((m for line in lines[:20] if (m := TEXT_DATE.match(line))), None)
    # The first page is a block of header lines, blank lines, then the centred title.
    first_blank = next((i for i, line in enumerate(lines) if not line.strip() and i), len(lines))
    title = next((line.strip() for line in lines[first_blank:] if line.strip()), None)
    # The table of contents is indented; the sections proper start at the first unindented heading after it.
    sections: dict[str, str] = {}
    cacheability: dict[str, list[str]] = {}
    current, paragraph = None, []

    def flush() -> None:
        text = re.sub(r"\s+", " ", " ".join(paragraph)).strip()
        if current and CACHEABILITY.search(text):
            cacheability.setdefault(current, []).append(text)
        paragraph.clear()

    for line in lines:
        match = TEXT_HEADING.match(line)
        if match and not line.startswith(" "):
            flush()
            current = match.group(1)
            sections.setdefault(current, match.group(2).strip())
        elif not line.strip():
            flush()
        elif current:
            paragraph.append(line.strip())
    flush()
    if not sections:
        raise SystemExit(f"{path}: no section headings found (not an RFC in plain-text layout?)")
    return f"RFC {number}", {
        "title": title,
        "source": canonical.group(1) if canonical else f"https://www.rfc-editor.org/rfc/rfc{number}.txt",
        "issued": f"{issued.group(2)}-{MONTHS.index(issued.group(1)) + 1:02d}" if issued else None,
        "sections": sections,
        "cacheability": cacheability,
    }


def index_rfc(path: Path) -> tuple[str, dict]:
    text_name = re.fullmatch(r"rfc([0-9]+)\.txt", path.name)
    if text_name:
        return index_text_rfc(path, text_name.group(1))
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    number = re.fullmatch(r"rfc([0-9]+)\.html", path.name)
    if not number:
        raise SystemExit(f"{path}: expected a file named rfcNNNN.html")
    sections: dict[str, str] = {}
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        match = HEADING_ID.match(heading.get("id") or "")
        if match:
            sections[match.group(1)] = NUMBER_PREFIX.sub("", _text(heading), count=1)
    if not sections:
        raise SystemExit(f"{path}: no section headings found (not an httpwg.org RFC rendering?)")
    cacheability: dict[str, list[str]] = {}
    for paragraph in soup.find_all(id=PARAGRAPH_ID):
        text = _text(paragraph)
        if CACHEABILITY.search(text):
            cacheability.setdefault(PARAGRAPH_ID.match(paragraph["id"]).group(1), []).append(text)
    title = soup.find("title")
    return f"RFC {number.group(1)}", {
        "title": re.sub(r"^RFC [0-9]+ - ", "", _text(title)) if title else None,
        "source": _meta(soup, property="og:url"),
        "issued": _meta(soup, name="dcterms.issued"),
        "sections": sections,
        "cacheability": cacheability,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source_dir", type=Path, help="directory with rfcNNNN.html (or .txt) files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    files = sorted(
        (p for p in args.source_dir.iterdir() if re.fullmatch(r"rfc[0-9]+\.(?:html|txt)", p.name)),
        key=lambda p: int(re.sub(r"\D", "", p.name) or 0),
    )
    if not files:
        print(f"no rfcNNNN.html or rfcNNNN.txt files in {args.source_dir}", file=sys.stderr)
        return 1
    rfcs = dict(index_rfc(path) for path in files)
    index = {
        "description": "Section number -> heading text for the RFCs the entries cite, and the paragraphs "
        "that state a status code's cacheability. Built by scripts/build_rfc_index.py.",
        "rfcs": rfcs,
    }
    args.output.write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: " + ", ".join(f"{name} ({len(d['sections'])} sections)" for name, d in rfcs.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
