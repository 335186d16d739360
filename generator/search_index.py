"""The site search's index: what each page is called, its keywords and RFC sections, and its text by section.

Material's search plugin writes ``search/search_index.json``: every page split at its headings, with the
parts marked ``data-search-exclude`` left out. This module turns it into the smaller index the site's own
search worker (``docs/assets/javascripts/search-worker.js``) reads once the reader opens the search:

- ``pages``: one row per page: location, title (the H1), boost, the names a reader types (for a code: its
  number, its phrase, its common name and its former names), its keywords, the sections of its own
  specification (the badge, "RFC 9110 §15.5.20") and every other section number the page shows;
- ``docs``: the page's sections as Material split them: the heading and the set of words under it. The
  words, not the prose: prose made the index 158 KB gzip for 103 entries, more than a first search may cost
  (150 KB); the distinct words of each section are about three quarters of that. Results show each page's
  name and summary, and the headings of its matching sections. Navigation pages (home, class pages) list
  other pages' summaries, so only their titles and summaries are kept.

The file is a script (``self.__searchIndex = {...}``) rather than JSON, so that it loads the same way over
HTTP (``importScripts`` in the worker) and from the file system (a ``<script>`` element), where browsers
refuse ``fetch``.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from .model import Reference

INDEX_PATH = "search/index.js"
# A section number as pages show it: "§15.5.20", "§ 6.4" (RFC 9110's own notation).
SECTION = re.compile(r"§\s*(\d+(?:\.\d+)*)")
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# A word as the worker reads it (search-worker.js, WORD): "15.5.20", "client_max_body_size" and "cloudflare's"
# are one word each.
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")
_PARTS = re.compile(r"[._']+")
_LETTER = re.compile(r"[a-z]")


def distinct_words(text: str) -> str:
    """The distinct words of ``text``, normalised as the worker normalises a query (lowercase, accents
    dropped, ’ as '), with the parts of words like "http.statusnotfound", sorted, joined by spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    found = set(_WORD.findall(text))
    # A word with letters also stands for its parts ("http.statusnotfound" -> "statusnotfound"), as the
    # worker splits a query's words; stored here so that the worker only splits at spaces.
    found |= {part for word in found if _LETTER.search(word) for part in _PARTS.split(word) if part}
    return " ".join(sorted(found))


def sections_shown(page_html: str) -> list[str]:
    """Every section number ``page_html`` shows after a "§", in order of first appearance, without repeats."""
    return list(dict.fromkeys(SECTION.findall(html.unescape(_TAG.sub(" ", page_html)))))


def plain(fragment: str) -> str:
    """The text of an HTML fragment of Material's index: tags dropped, entities decoded, spaces collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def _entry_path(location: str) -> str:
    """The entry path ('404/') of a page location with or without directory URLs ('404/', '404.html')."""
    location = location.split("#", 1)[0]
    if location.endswith("index.html"):
        return location[: -len("index.html")]
    return location[: -len(".html")] + "/" if location.endswith(".html") else location


def build(material_index: dict, reference: Reference, shown: dict[str, list[str]]) -> dict:
    """The worker's index from Material's ``material_index`` (the parsed search_index.json), the entries of
    ``reference`` (names, keywords, specification) and ``shown`` (page location -> section numbers its HTML
    shows, from :func:`sections_shown`). Pages keep Material's order; a section belongs to the page before it."""
    entries = {entry.path: entry for entry in reference.entries}
    pages: list[list] = []
    docs: list[list] = []
    for doc in material_index["docs"]:
        location = doc["location"]
        if "#" not in location:
            entry = entries.get(_entry_path(location))
            names, keywords, spec = [doc["title"]], [], []
            if entry is not None:
                names = [entry.title, str(entry.code), entry.phrase, entry.common_name, *entry.aliases]
                keywords = list(entry.keywords)
                spec = [entry.spec.label] if entry.spec else []
            names = list(dict.fromkeys(name for name in names if name))
            pages.append(
                [
                    location,
                    plain(doc["title"]),
                    doc.get("boost", 1),
                    names,
                    keywords,
                    spec,
                    " ".join(shown.get(location, [])),
                    plain(doc["text"]),
                ]
            )
        elif pages and _entry_path(location) in entries:
            anchor = location.split("#", 1)[1]
            docs.append([len(pages) - 1, anchor, plain(doc["title"]), distinct_words(plain(doc["text"]))])
    return {"pages": pages, "docs": docs}


def write(site_dir: Path, reference: Reference, shown: dict[str, list[str]]) -> Path:
    """Read ``site_dir``/search/search_index.json, write ``site_dir``/search/index.js; returns its path.
    Raises OSError or ValueError if Material's index is missing or not JSON."""
    material = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = build(material, reference, shown)
    target = site_dir / INDEX_PATH
    # ensure_ascii keeps the script plain ASCII; "</" cannot occur in a worker script, but is escaped anyway.
    text = json.dumps(index, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    target.write_text(f"self.__searchIndex={text};\n", encoding="utf-8")
    return target
