"""The plain text of the project's Markdown: what a reader sees on the page, without the markup.

One conversion for every place that needs text instead of HTML (JSON-LD answers, meta descriptions, search
snippets), so they all say what the page says. The Markdown is rendered by Python-Markdown, the library that
renders the pages, and the text is read back from its HTML; regular expressions over Markdown cannot tell a
``_`` inside a code span from an emphasis marker (they turned ``client_max_body_size`` into
``clientmaxbodysize`` in the JSON-LD of /413/).
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown

# Elements that end a line of text: a paragraph or list item followed by another must not run together.
_BLOCKS = frozenset({"p", "li", "ul", "ol", "div", "blockquote", "pre", "table", "tr", "h1", "h2", "h3", "h4"})
_CELLS = frozenset({"td", "th"})


class _TextOf(HTMLParser):
    """Collects the character data of HTML, each character reference decoded exactly once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS or tag in _CELLS or tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS or tag in _CELLS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text of an HTML fragment on one line: tags dropped, entities decoded once, whitespace collapsed."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def markdown_to_text(text: str) -> str:
    """Plain text of ``text``, Markdown as the entries write it, on one line.

    Code spans and fenced code keep their contents character for character; a link becomes its text;
    emphasis markers are removed (outside code only, since Markdown itself only reads them there); entities
    are decoded exactly once, so ``&lt;`` written in prose stays ``&lt;`` on the page and here becomes ``<``.
    Takes validated prose (no raw HTML); returns a str. Raises nothing for any str input.
    """
    rendered = markdown.markdown(str(text), extensions=["fenced_code", "tables"], output_format="html")
    return html_to_text(rendered)
