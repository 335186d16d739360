"""What a clean page looks like, for the XSS campaign (tests/xsscampaign.py): the elements, attributes and
URLs a payload must never add to a page, compared with the harmless baseline build."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

# --- what a clean page looks like -----------------------------------------------------------------------

FORBIDDEN_IN_ARTICLE = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "img",
    "style",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "base",
    "meta",
    "link",
    "frame",
    "frameset",
    "applet",
    "template",
    "video",
    "audio",
    "source",
    "portal",
    "dialog",
    "details",
    "noscript",
    "title",
    "body",
    "html",
    "head",
    "mglyph",
    "mtext",
    "x",
}
# Formatting Markdown prose may legitimately add to what the baseline page has; nothing that runs or loads.
INERT_TAGS = {
    "p",
    "em",
    "strong",
    "code",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "br",
    "hr",
    "blockquote",
    "pre",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
    "poster",
    "data",
    "background",
    "cite",
    "ping",
    "srcdoc",
    "content",
}
BAD_SCHEME = re.compile(r"^(javascript|data|vbscript|file):", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _bad_url(value: str) -> bool:
    cleaned = CONTROL.sub("", html.unescape(value)).lower()
    return bool(BAD_SCHEME.match(cleaned)) or "javascript:" in cleaned or "vbscript:" in cleaned


def _script_signature(tag) -> tuple:
    kind = tag.get("type", "")
    return (kind, tag.get("src", ""), "" if kind == "application/ld+json" else (tag.string or ""))


def _article_shape(soup) -> tuple[set[str], set[str]]:
    article = soup.select_one("article")
    if article is None:
        return set(), set()
    tags = {tag.name for tag in article.find_all(True)}
    attributes = {name for tag in article.find_all(True) for name in tag.attrs}
    return tags, attributes


def injection_findings(soup: BeautifulSoup, baseline: BeautifulSoup) -> list[str]:
    """Everything on ``soup`` that could run, load or carry an injected attribute, judged against the
    same page of the harmless baseline build."""
    findings = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else (value or "")
            if name.lower().startswith("on"):
                findings.append(f"{name}= on <{tag.name}>")
            if name.lower() in URL_ATTRIBUTES and tag.name != "meta" and _bad_url(text):
                findings.append(f"{name}={text!r} on <{tag.name}>")
            if name.lower() == "style" and re.search(r"url\s*\(|expression\s*\(", text, re.I):
                findings.append(f"style={text!r} on <{tag.name}>")
        if tag.name == "meta" and tag.get("http-equiv"):
            findings.append(f"<meta http-equiv={tag['http-equiv']!r}>")
    scripts = sorted(_script_signature(t) for t in soup.find_all("script"))
    expected = sorted(_script_signature(t) for t in baseline.find_all("script"))
    if scripts != expected:
        findings.append(f"scripts differ from the baseline page: {sorted(set(scripts) ^ set(expected))}")
    for tag_name in ("iframe", "object", "embed", "frame", "base", "applet"):  # (the theme has a search form)
        if soup.find(tag_name) is not None:
            findings.append(f"<{tag_name}> in the page")
    article = soup.select_one("article")
    if article is None:
        return findings
    tags, attributes = _article_shape(soup)
    base_tags, base_attributes = _article_shape(baseline)
    for name in sorted(tags & FORBIDDEN_IN_ARTICLE):
        findings.append(f"<{name}> in the article")
    for name in sorted(tags - base_tags - INERT_TAGS - FORBIDDEN_IN_ARTICLE):
        findings.append(f"<{name}> in the article (not on the baseline page)")
    for name in sorted(attributes - base_attributes):
        findings.append(f"attribute {name}= in the article (not on the baseline page)")
    for tag in article.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else (value or "")
            if name in ("id", "title") or (name == "href" and text.startswith(("#", "https://"))):
                continue  # heading ids, link titles and https links are text or checked above; none can run
            if re.search(r"alert|msgbox|evil\.example", text, re.I):
                findings.append(f"payload text in {name}={text!r} on <{tag.name}>")
    return findings
