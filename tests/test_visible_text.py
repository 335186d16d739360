"""What a reader sees on every built page never shows an HTML entity or tag as text (issue 10, items 6-7).

A character reference or a tag that reaches the reader as text means something escaped twice (a heading with
an apostrophe showed ``Cloudflare&#x27;s`` in the table of contents) or markup got into a plain-text field.
Whatever produced the text (titles, table of contents, tables, breadcrumbs, meta tags), it is checked here on
the parsed pages: the parser decodes each reference once, so what is left is what the browser shows.
Code (``<code>``, ``<pre>``) may show entities and tags on purpose and is left out.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype

ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)")
NOT_SHOWN = ("code", "pre", "script", "style", "template", "noscript")
# Attributes a browser shows or reads aloud, and the head metadata search engines and link previews show.
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
SHOWN_META = ("description", "og:title", "og:description", "twitter:title", "twitter:description")


def shown_text(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(where, text) for every piece of text the page shows or announces, code excepted."""
    found = []
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not node.strip():
            continue
        if any(parent.name in NOT_SHOWN for parent in node.parents):
            continue
        found.append((node.parent.name, str(node)))
    for tag in soup.find_all(True):
        if any(parent.name in NOT_SHOWN for parent in tag.parents) or tag.name in NOT_SHOWN:
            continue
        for attribute in SHOWN_ATTRIBUTES:
            if tag.has_attr(attribute):
                found.append((f"{tag.name}[{attribute}]", tag[attribute]))
    for meta in soup.find_all("meta"):
        key = meta.get("name") or meta.get("property")
        if key in SHOWN_META:
            found.append((f"meta {key}", meta.get("content", "")))
    return found


def markup_shown(soup: BeautifulSoup) -> list[str]:
    problems = []
    for where, text in shown_text(soup):
        for pattern in (ENTITY, TAG):
            match = pattern.search(text)
            if match:
                start = max(0, match.start() - 30)
                problems.append(f"{where}: ...{' '.join(text[start : match.end() + 20].split())}...")
    return problems


def test_the_checker_sees_what_a_reader_would_see():
    page = BeautifulSoup(
        "<title>A &amp;amp; B</title><h1>Cloudflare&amp;#x27;s</h1><p>&lt;b&gt;bold&lt;/b&gt; and 5 &lt; 6"
        "<code>&amp;lt;b&gt;</code></p><nav aria-label='x &amp;quot;'></nav><p>a &amp; b, &lt; 3 &gt; 2</p>",
        "html.parser",
    )
    found = markup_shown(page)
    assert len(found) == 4, found
    assert [f.split(":")[0] for f in found] == ["title", "h1", "p", "nav[aria-label]"]


def test_no_page_shows_an_entity_or_a_tag_outside_code(site):
    problems = []
    for url in site.pages:
        problems += [f"/{url}: {problem}" for problem in markup_shown(site.soup(url))]
    assert not problems, f"{len(problems)} piece(s) of text show markup:\n" + "\n".join(problems)
