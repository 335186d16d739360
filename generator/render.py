"""Render the model into Markdown pages with Jinja2 templates (no MkDocs here).

Every ``{{ value }}`` is escaped for Markdown and HTML unless it is validated prose (``Markdown``) or was
produced by one of the filters below that return ``Trusted`` text. Forgetting a filter therefore
escapes too much, never too little.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from .model import Entry, Markdown, Reference

TEMPLATES = Path(__file__).resolve().parent / "templates"

# What Python-Markdown undoes a backslash for (its ESCAPED_CHARS, '|' from tables); '<' and '>' never get
# here (html.escape runs first). Other punctuation that extensions may read ('~' fences, '=' and '^') is
# written as a character reference: a backslash before it would be shown to the reader.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_MD_REFERENCE = {"~": "&#126;", "^": "&#94;", "=": "&#61;"}


class Trusted(str):
    """Text a filter has already made safe for its place in the page."""


def md_text(value: str) -> str:
    """Plain text for a Markdown inline context: HTML-escaped, Markdown punctuation backslash-escaped.

    Quotes stay as they are: text is no attribute, and the ``&#x27;`` that ``quote=True`` made for an
    apostrophe had its ``#`` backslash-escaped, so the table of contents showed it as text (issue 10).
    """
    value = " ".join(str(value).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))
    return re.sub(r"[~^=]", lambda m: _MD_REFERENCE[m.group()], escaped)


# Prose links to another entry are written ../404/ (the page's URL); the Markdown source links to 404.md
# so that the engine resolves and checks them like the links the templates write.
_PROSE_LINK = re.compile(r"\]\(\.\./(\d{3})/(#[\w-]+)?\)")


def _finalize(value):
    if isinstance(value, Markdown):
        return _PROSE_LINK.sub(lambda m: f"]({m.group(1)}.md{m.group(2) or ''})", value)
    if isinstance(value, (Trusted, Markup)):
        return value
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return str(value)
    return md_text(value)


def _html(value) -> Trusted:
    """Plain text inside an HTML element or attribute that the template writes."""
    return Trusted(html.escape(" ".join(str(value).split()), quote=True))


def _url(value: str) -> Trusted:
    """A URL from a field the schema restricts to https:// (or a path we built)."""
    text = str(value)
    if not (text.startswith("https://") or re.match(r"^(\.\./)*[\w./#-]*$", text)):
        raise ValueError(f"refusing to print unexpected URL {text!r}")
    return Trusted(html.escape(text, quote=True).replace("(", "%28").replace(")", "%29"))


def _fence(text: str, language: str = "", classes: str = "") -> Trusted:
    """A fenced code block that no content can close early; ``classes`` (space-separated) go on the block's
    wrapper with the language (superfences' ``{.lang .class}`` form), e.g. Material's ``no-copy``."""
    body = str(text).replace("\r\n", "\n").rstrip("\n")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    info = "{" + " ".join("." + name for name in [language, *classes.split()] if name) + "}" if classes else language
    return Trusted(f"{fence}{info}\n{body}\n{fence}")


def _item(value: Markdown) -> Markdown:
    """Indent continuation lines so multi-line prose stays inside its list item or admonition."""
    lines = str(value).strip("\n").split("\n")
    return Markdown("\n".join([lines[0]] + [("    " + line) if line.strip() else "" for line in lines[1:]]))


def _cell(value: Markdown) -> Markdown:
    """Prose on one line for a table cell."""
    return Markdown(" ".join(str(value).split()).replace("|", "\\|"))


def _code(value: str) -> Trusted:
    """Inline code that shows the text exactly."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Trusted(f"{ticks}{pad}{text}{pad}{ticks}")


def _front_matter(meta: dict) -> Trusted:
    # JSON is valid YAML, and json.dumps escapes everything YAML could misread.
    lines = (
        ["---"]
        + [f"{key}: {json.dumps(value, ensure_ascii=True, sort_keys=True)}" for key, value in meta.items()]
        + ["---"]
    )
    return Trusted("\n".join(lines))


def site_link(name: str, directory_urls: bool = True, from_home: bool = False) -> Trusted:
    """The link to the page ``name`` ("" = home) for raw HTML and script data, which the engine does not
    rewrite. From a top-level generated page (404.md, 4xx.md, guide.md): ../4xx/ with directory URLs; from
    the home page (``from_home``): 4xx/; without directory URLs (the offline copy opened from disk) 4xx.html
    from either."""
    if not directory_urls:
        return _url(f"{name or 'index'}.html")
    if from_home:
        return _url(f"{name}/" if name else "./")
    return _url(f"../{name}/" if name else "../")


def template_environment(finalize) -> jinja2.Environment:
    """A Jinja environment over generator/templates/ with the settings every generated text shares (undefined
    names raise, block tags leave no blank lines); ``finalize`` decides how each printed value is escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # output is Markdown or plain text, never HTML: ``finalize`` does the escaping
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def make_environment(directory_urls: bool = True) -> jinja2.Environment:
    """The Jinja environment of the site's Markdown pages; ``directory_urls`` as the engine will publish them."""
    env = template_environment(_finalize)
    env.filters.update(
        html=_html, url=_url, fence=_fence, item=_item, cell=_cell, code=_code, front_matter=_front_matter
    )
    env.globals["site_link"] = functools.partial(site_link, directory_urls=directory_urls)
    return env


@dataclass(frozen=True)
class Page:
    """One generated file: its path (``src_uri``: "404.md" for a page the engine renders, "api/v1/404.json" for a
    file written as it is), its content, its kind (a name in ``generator.kinds.KINDS``) and what it is about."""

    src_uri: str
    content: str
    kind: str
    subject: object = None

    @property
    def markdown(self) -> str:
        """The content of a page the engine renders (its Markdown)."""
        return self.content


# The codes a reader of a log or an API most often meets (the site has no analytics to rank by; this is the
# everyday set of RFC 9110's 2xx-5xx plus 429 from RFC 6585), shown first on the home page.
COMMON_CODES = (200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503)
HOME_SEARCH_BOOST = 0.5  # lists every code: keep it below the code pages for a phrase search


def render_entry(template, reference: Reference, entry: Entry, edit_url_base: str, scenarios=()) -> str:
    """The Markdown of ``entry``'s page; ``scenarios``: (id, scenario) pairs of the playgrounds it shows."""
    related = [(reference.by_code[r.code], r.why) for r in entry.related if r.code in reference.by_code]
    return template.render(
        ref=reference,
        e=entry,
        cls=reference.class_of(entry),
        related=related,
        edit_url=edit_url_base.rstrip("/") + "/" + entry.source,
        boost=entry.search_boost or 2,
        scenarios=list(scenarios),
    )


def render_problem_pages(report) -> list[Page]:
    """Live preview only: a page per broken NNN.yaml that shows its problems where the entry would be."""
    env = make_environment()
    template = env.get_template("problems.md.j2")
    by_file: dict[str, list] = {}
    for problem in report.sorted():
        by_file.setdefault(problem.file, []).append(problem)
    pages = []
    for file, problems in by_file.items():
        stem = Path(file).stem
        if re.fullmatch(r"\d{3}", stem):
            markdown = template.render(title=f"{stem}: invalid entry", problems=[str(p) for p in problems])
            pages.append(Page(f"{stem}.md", markdown, "problems"))
    return pages


def render_robots(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
