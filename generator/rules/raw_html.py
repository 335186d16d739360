"""Markdown prose contains no raw HTML (tags, comments, autolinks); code spans may show HTML as text."""

from __future__ import annotations

import re

from ..problems import format_path
from ..schema import iter_typed

NAME = "raw-html"
DESCRIPTION = "no raw HTML in Markdown fields"
SCOPE = "file"

# Escaped characters are removed first: "\`<b>\`" is not a code span for Python-Markdown, so it must not be
# for us either. Then fenced blocks and code spans, which Markdown prints as text, are removed.
ESCAPED = re.compile(r"\\.", re.DOTALL)
FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
TAG_START = re.compile(r"<\s*[A-Za-z/!?]")


def _visible_markup(text: str) -> str:
    text = ESCAPED.sub("", text)
    text = FENCE.sub("", text)
    return CODE_SPAN.sub("", text)


def check(report, loaded, context) -> None:
    for path, text in iter_typed(loaded.data, "markdown"):
        match = TAG_START.search(_visible_markup(text))
        if match:
            snippet = _visible_markup(text)[match.start(): match.start() + 30].split("\n")[0]
            report.add(loaded.name, loaded.line_of(path), format_path(path),
                       f"raw HTML is not allowed in Markdown ({snippet!r}); write Markdown, or put code in `backticks`")
