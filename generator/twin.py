"""Outputs for tools rather than browsers: each code page as clean Markdown (``/NNN/index.md``), ``/llms.txt``
and the OpenSearch description (``/opensearch.xml``). Plain functions of the model; no engine here.

The Markdown twin is CommonMark without the site's extensions (no ``{ attr }`` lists, admonitions or HTML)
and every link is absolute, so the file reads the same pasted anywhere. Its prose is the entry's own, with
links rewritten by ``api.absolute_links`` (the JSON API uses the same function).
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape, quoteattr

import jinja2

from . import api
from .model import Entry, Reference
from .render import template_environment

LLMS_TXT = "llms.txt"
OPENSEARCH = "opensearch.xml"
OPENSEARCH_TYPE = "application/opensearchdescription+xml"


def _fence(text: str, language: str = "", classes: str = "") -> str:
    """A fenced block no content can close early (a longer fence than any backtick run inside). ``classes``
    are for the HTML page's copy buttons; the Markdown twin has none and leaves them out."""
    body = str(text).replace("\r\n", "\n").rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{body}\n{fence}"


def _code(value: str) -> str:
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


# What can start markup in CommonMark inline text: emphasis, code, links and images, HTML, character
# references, and a heading's closing "#"s. A backslash before ASCII punctuation makes it literal (CommonMark
# 0.31.2, "Backslash escapes").
_PLAIN_SPECIAL = re.compile(r"([\\`*_\[\]<>&!#|~])")


def _plain(value: str) -> str:
    """Plain text written into Markdown so that it reads as typed whatever it holds (whitespace folded):
    ``[a](javascript:x)`` stays text, not a link."""
    return _PLAIN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _item(value: str) -> str:
    """Indent continuation lines so multi-line prose stays inside its list item."""
    lines = str(value).strip("\n").split("\n")
    return "\n".join([lines[0]] + [("  " + line) if line.strip() else "" for line in lines[1:]])


def _finalize(value):
    # Plain-text fields print as written (whitespace folded); None prints nothing.
    if value is None:
        return ""
    return value


@functools.lru_cache(maxsize=4)
def _environment(site_url: str) -> jinja2.Environment:
    """One environment per site address, so each template is compiled once per build, not once per entry (that
    was 2.4 s of a 3 s render). The page's number, for relative links in its Markdown, comes from the render
    context (``number``)."""
    env = template_environment(_finalize)  # Markdown for tools: nothing here is rendered as HTML by us
    env.filters.update(
        md=jinja2.pass_context(
            lambda context, text: api.absolute_links(text, site_url, context.get("number", "")) or ""
        ),
        fence=_fence,
        code=_code,
        item=_item,
        plain=_plain,
        url=str,
    )
    return env


def _tidy(text: str) -> str:
    """At most one blank line in a row, one newline at the end (outside fences, blank runs carry no meaning)."""
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def code_markdown(entry: Entry, reference: Reference, site_url: str, scenarios=()) -> str:
    """The Markdown twin of ``entry``'s page; ``site_url`` is absolute and ends in "/". ``scenarios``: the
    (id, scenario) pairs of the playgrounds the page shows, written as their steps' messages."""
    env = _environment(site_url)
    related = [(reference.by_code[r.code], r.why) for r in entry.related if r.code in reference.by_code]
    text = env.get_template("code.twin.md.j2").render(
        e=entry,
        number=entry.number,
        ref=reference,
        cls=reference.class_of(entry),
        related=related,
        site_url=site_url,
        doc=api.summary_fields(entry, reference, site_url),
        scenarios=list(scenarios),
    )
    return _tidy(text)


def llms_txt(
    reference: Reference, site_url: str, site_name: str, description: str, guide_title: str | None = None
) -> str:
    """``/llms.txt`` (https://llmstxt.org): title, one-paragraph summary, links to every code's Markdown by class;
    with ``guide_title`` (the site has the guide), a link to /guide/ under the summary."""
    text = (
        _environment(site_url)
        .get_template("llms.txt.j2")
        .render(
            ref=reference,
            site_url=site_url,
            site_name=site_name,
            description=" ".join(description.split()),
            guide_title=guide_title,
        )
    )
    return _tidy(text)


def opensearch_xml(site_url: str, site_name: str, description: str) -> str:
    """An OpenSearch 1.1 description: browsers offer to add the site as a search engine opening ``?q=``.

    Source: OpenSearch 1.1 Draft 6, "OpenSearch description document" (ShortName at most 16 characters,
    Description at most 1024, Url template with ``{searchTerms}``).
    """
    short = site_name if len(site_name) <= 16 else site_name[:16].rstrip()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n'
        f"  <ShortName>{escape(short)}</ShortName>\n"
        f"  <LongName>{escape(site_name)}</LongName>\n"
        f"  <Description>{escape(' '.join(description.split())[:1024])}</Description>\n"
        "  <InputEncoding>UTF-8</InputEncoding>\n"
        f'  <Url type="text/html" method="get" template={quoteattr(site_url + "?q={searchTerms}")}/>\n'
        f'  <Url type={quoteattr(OPENSEARCH_TYPE)} rel="self" template={quoteattr(site_url + OPENSEARCH)}/>\n'
        "</OpenSearchDescription>\n"
    )
