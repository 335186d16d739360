"""Build reference/rfc-sections.json from RFC texts published as HTML by the HTTP working group.

Run once, by hand, when the vendored index needs to change; the project and its tests read only the
JSON it writes, never the HTML:

    .venv/bin/python scripts/build_rfc_index.py SOURCE_DIR [--output reference/rfc-sections.json]

SOURCE_DIR holds files named rfcNNNN.html as served by https://httpwg.org/specs/ (the RFCBootstrap
rendering: every section heading is an <h2>..<h6> with id "rfc.section.N.N" and every paragraph a <div>
with id "rfc.section.N.N.p.K"). For each RFC the index records its title, source URL and issue date,
every section number with its heading text, and the paragraphs that state whether a status code is
cacheable (RFC 9110 §15.1 lists the heuristically cacheable codes; the code sections repeat it).
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


def _text(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True).replace("\xa0", " ")).strip()


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag.get("content") if tag else None


def index_rfc(path: Path) -> tuple[str, dict]:
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
    parser.add_argument("source_dir", type=Path, help="directory with rfcNNNN.html files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    files = sorted(args.source_dir.glob("rfc*.html"), key=lambda p: int(re.sub(r"\D", "", p.name) or 0))
    if not files:
        print(f"no rfcNNNN.html files in {args.source_dir}", file=sys.stderr)
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
