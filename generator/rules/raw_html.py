"""Markdown prose contains no raw HTML (tags, comments, autolinks), no attribute lists and no images.

Code spans and fenced blocks may show all of these as text. Attribute lists (``{: onclick=... }``, the
attr_list extension, also in a fence's info string) would let prose set any attribute, an event handler or
an ``href`` included; images would load something from elsewhere when the page is viewed.
"""

from __future__ import annotations

import re

from ..problems import format_path
from ..schema import iter_typed

NAME = "raw-html"
DESCRIPTION = "no raw HTML, attribute lists or images in Markdown fields"
SCOPE = "file"

# Escaped characters are removed first, but only those Python-Markdown really escapes (its ESCAPED_CHARS,
# plus '|' from tables): "\<b>" is a backslash and then a raw tag, while "\`<b>\`" is not a code span.
ESCAPED = re.compile(r"\\[\\`*_{}\[\]()>#+\-.!|]")
# Then fenced blocks and code spans, which Markdown prints as text. A fence keeps its info string, where
# superfences reads attribute lists.
FENCE = re.compile(r"^(`{3,}|~{3,})([^\n]*)\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
TAG_START = re.compile(r"<\s*[A-Za-z/!?]")
# What the attr_list extension reads as an attribute list (its BASE_RE), wherever it stands.
ATTRIBUTE_LIST = re.compile(r"\{:?[ ]*[^}\n ][^\n]*\}")
IMAGE = re.compile(r"!\[")

_FORBIDDEN = [
    (TAG_START, "raw HTML is not allowed in Markdown ({}); write Markdown, or put code in `backticks`"),
    (
        ATTRIBUTE_LIST,
        "attribute lists are not allowed in Markdown ({}); put code in `backticks`, or write \\{{ for a literal brace",
    ),
    (
        IMAGE,
        "images are not allowed in Markdown ({}); the site loads nothing from elsewhere: "
        "link to it with [text](https://...)",
    ),
]


def _visible_markup(text: str) -> str:
    text = ESCAPED.sub("", text)
    text = FENCE.sub(lambda m: m.group(2), text)
    return CODE_SPAN.sub("", text)


def _snippet(markup: str, start: int) -> str:
    return markup[start : start + 30].split("\n")[0]


def check(report, loaded, context) -> None:
    for path, text in iter_typed(loaded.data, "markdown"):
        markup = _visible_markup(text)
        line, field = loaded.line_of(path), format_path(path)
        for pattern, message in _FORBIDDEN:
            match = pattern.search(markup)
            if match:
                report.add(loaded.name, line, field, message.format(repr(_snippet(markup, match.start()))))
