"""Last line of defence: find active content in HTML rendered from entries.

Validation should stop hostile input long before this; if anything slips through, the build fails
instead of publishing it.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
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
    "img",
    "video",
    "audio",
    "source",
    "portal",
    "dialog",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}
SAFE_URL = re.compile(r"^(https://|#|\.\./|\./|/(?!/)|[\w.-]+/?(#[\w-]*)?$|$)", re.IGNORECASE)


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.findings.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"{name}= attribute on <{tag}>")
            if name in URL_ATTRIBUTES and value is not None:
                cleaned = re.sub(r"[\x00-\x20]+", "", html.unescape(value))
                if not SAFE_URL.match(cleaned):
                    self.findings.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and value and re.search(r"url\s*\(|expression\s*\(", value, re.IGNORECASE):
                self.findings.append(f"style with url()/expression() on <{tag}>")

    handle_startendtag = handle_starttag


def find_active_content(fragment: str) -> list[str]:
    """What in ``fragment`` could run script or load something: empty when the HTML is inert."""
    scanner = _Scanner()
    scanner.feed(fragment)
    scanner.close()
    return scanner.findings
