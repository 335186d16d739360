"""Plain-text fields hold plain text: no HTML tags, character references or Markdown.

Such a field (``summary``, a FAQ question, an example title...) is escaped wherever it is printed, so
markup in it is shown to the reader as typed: ``Some <b>bold</b> text`` appeared with its tags in the TL;DR
and the meta description. The schema says which fields are plain (``$defs/plain_line`` and
``$defs/plain_sentence``); the ``name`` and ``keyword`` types already refuse these characters by pattern.
"""

from __future__ import annotations

import re

from ..problems import format_path
from ..schema import iter_typed

NAME = "plain-text"
DESCRIPTION = "no HTML tags, character references or Markdown in plain-text fields"
SCOPE = "file"

PLAIN_KINDS = ("plain_sentence", "plain_line")
_MARKUP = [
    (re.compile(r"</?\s*[A-Za-z!?][^>]*>?"), "HTML tag"),
    (re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"), "character reference"),
    (re.compile(r"`+[^`]*`+"), "Markdown code span"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "Markdown link"),
    (re.compile(r"(\*\*|__)(?=\S).+?(?<=\S)\1"), "Markdown emphasis"),
    # Single markers only around words: "*/*" and "bytes */47022" are text.
    (re.compile(r"(?<![\w*])\*(?=[A-Za-z])[^*\n]*(?<=[A-Za-z.!?])\*(?![\w*])"), "Markdown emphasis"),
    (re.compile(r"(?<![\w_])_(?=[A-Za-z])[^_\n]*(?<=[A-Za-z.!?])_(?![\w_])"), "Markdown emphasis"),
]


def markup_in(text: str) -> tuple[str, str] | None:
    """The first markup in ``text`` as (what it is, the markup), e.g. ("Markdown link", "[a](b)"); None if none."""
    found = [(m.start(), what, m.group()) for pattern, what in _MARKUP if (m := pattern.search(text))]
    return min(found)[1:] if found else None


def check_text(report, loaded, path: tuple, text: str) -> None:
    """Report markup in the plain-text field at ``path`` of ``loaded`` (also used for the guide and scenarios)."""
    markup = markup_in(text)
    if markup:
        field = format_path(path)
        report.add(
            loaded.name,
            loaded.line_of(path),
            field,
            f"{field} is plain text and is shown exactly as written: remove the markup ({markup[0]} {markup[1]!r})",
        )


def check(report, loaded, context) -> None:
    for kind in PLAIN_KINDS:
        for path, text in iter_typed(loaded.data, kind):
            check_text(report, loaded, path, text)
