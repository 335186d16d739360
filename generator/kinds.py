"""Every kind of output the site has, as one registry of small units (Pelican's generators are the model).

A kind says which files it makes (``pages``), how (a template or a serializer), what they are (``media_type``)
and, for HTML pages, which head metadata they get (``head``). The pipeline loops over ``KINDS``; the engine
adapter renders the ``text/html`` kinds from their Markdown and writes every other kind as the file it is.
Adding an output means adding a unit here; nothing else loops over kinds. An unknown kind is an error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import api, interactive, seo, twin
from .data import data_folder
from .interactive import Interactive
from .model import Reference
from .render import (
    COMMON_CODES,
    HOME_SEARCH_BOOST,
    Page,
    make_environment,
    render_entry,
    render_problem_pages,
    render_robots,
)

HTML = "text/html"  # written as Markdown, rendered to HTML by the engine with the site's theme
API_SCHEMA_SOURCE = "api-v1.schema.json"  # in schema/, shipped with the package like the entry schema


class UnknownKind(LookupError):
    """A page names a kind that is not in the registry."""


@dataclass(frozen=True)
class Build:
    """What every kind may read: the model, the site's name and address, (live preview) the problems, and the
    guide and playground scenarios (generator/interactive.py; None or empty when the project has none)."""

    reference: Reference
    site: seo.Site
    edit_url_base: str
    report: object = None  # the validation report; only the preview's "problems" kind reads it
    partial: bool = False
    interactive: Interactive | None = None

    @property
    def site_url(self) -> str:
        return self.site.url or "/"


@dataclass(frozen=True)
class Kind:
    name: str
    media_type: str
    pages: Callable[[Build], Iterable[Page]]
    made_with: str  # the template or serializer, for readers of the registry (and docs/api.md)
    head: Callable | None = None  # (page, reference, canonical, site, title) -> seo.Head, for HTML kinds
    # Listed in the site's navigation after the home page. For pages that exist only when the project has their
    # data (the guide): the engine config cannot name them without breaking builds of projects that lack it.
    in_nav: bool = False

    @property
    def engine_renders(self) -> bool:
        return self.media_type == HTML


def _dumps(data) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _home(build: Build):
    template = make_environment(build.site.directory_urls).get_template("home.md.j2")
    ref = build.reference
    common = [ref.by_code[code] for code in COMMON_CODES if code in ref.by_code]
    guide = _guide_of(build) is not None
    markdown = template.render(ref=ref, boost=HOME_SEARCH_BOOST, common=common, guide=guide)
    yield Page("index.md", markdown, "home", ref)


def _classes(build: Build):
    template = make_environment(build.site.directory_urls).get_template("class.md.j2")
    for code_class in build.reference.classes:
        markdown = template.render(ref=build.reference, cls=code_class, boost=HOME_SEARCH_BOOST)
        yield Page(f"{code_class.id}.md", markdown, "class", code_class)


def _codes(build: Build):
    template = make_environment(build.site.directory_urls).get_template("code.md.j2")
    for entry in build.reference.entries:
        markdown = render_entry(template, build.reference, entry, build.edit_url_base, _scenarios_for(build, entry))
        yield Page(f"{entry.number}.md", markdown, "code", entry)


def _guide_of(build: Build) -> dict | None:
    """The guide, when the project has one and every code it names has a page in this build: the live preview
    leaves a broken entry out, and the guide with it until the entry is fixed."""
    guide = build.interactive.guide if build.interactive else None
    if guide and interactive.guide_codes(guide, with_instead=True) <= build.reference.by_code.keys():
        return guide
    return None


def _guide(build: Build):
    if guide := _guide_of(build):
        yield interactive.render_guide_page(guide, build.reference.by_code, build.site.directory_urls)


def _guide_data(build: Build):
    if guide := _guide_of(build):
        text = interactive.guide_json(guide, build.reference.by_code, build.site.directory_urls)
        yield Page(f"{interactive.DATA_PATH}guide.json", text, "guide-data", guide)


def _scenario_data(build: Build):
    for sid, scenario in (build.interactive.scenarios if build.interactive else {}).items():
        yield Page(f"{interactive.DATA_PATH}{sid}.json", interactive.scenario_json(sid, scenario), "scenario-data")


def _problems(build: Build):
    if not build.partial or build.report is None:
        return ()
    taken = {f"{e.number}.md" for e in build.reference.entries}
    return [page for page in render_problem_pages(build.report) if page.src_uri not in taken]


def _scenarios_for(build: Build, entry) -> list:
    return build.interactive.scenarios_for(entry.code) if build.interactive else []


def _twins(build: Build):
    for entry in build.reference.entries:
        markdown = twin.code_markdown(entry, build.reference, build.site_url, _scenarios_for(build, entry))
        yield Page(f"{entry.number}/index.md", markdown, "markdown", entry)


def _llms(build: Build):
    guide = _guide_of(build)
    text = twin.llms_txt(
        build.reference, build.site_url, build.site.name, build.site.description, guide["title"] if guide else None
    )
    yield Page(twin.LLMS_TXT, text, "llms", build.reference)


def _api_entries(build: Build):
    for entry in build.reference.entries:
        document = api.entry_document(entry, build.reference, build.site_url)
        yield Page(f"{api.API_PATH}{entry.number}.json", _dumps(document), "api-entry", entry)


def _api_index(build: Build):
    yield Page(f"{api.API_PATH}codes.json", _dumps(api.index_document(build.reference, build.site_url)), "api-index")


def _api_schema(build: Build):
    text = (data_folder("schema") / API_SCHEMA_SOURCE).read_text(encoding="utf-8")
    yield Page(api.SCHEMA_FILE, text, "api-schema")


def _opensearch(build: Build):
    yield Page(
        twin.OPENSEARCH, twin.opensearch_xml(build.site_url, build.site.name, build.site.description), "opensearch"
    )


def _robots(build: Build):
    yield Page("robots.txt", render_robots(build.site.url), "robots")


def _code_head(page, ref, canonical, site, title=None):
    return seo.code_head(page.subject, ref, canonical, site)


def _class_head(page, ref, canonical, site, title=None):
    return seo.class_head(page.subject, canonical, site)


def _home_head(page, ref, canonical, site, title=None):
    return seo.home_head(ref, canonical, site)


def _guide_head(page, ref, canonical, site, title=None):
    guide = page.subject
    return seo.guide_head(guide["title"], interactive.guide_description(guide), canonical, site)


def _plain_head(page, ref, canonical, site, title=None):
    return seo.plain_head(canonical, site, title)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("home", HTML, _home, "templates/home.md.j2", _home_head),
        Kind("class", HTML, _classes, "templates/class.md.j2", _class_head),
        Kind("code", HTML, _codes, "templates/code.md.j2", _code_head),
        Kind("guide", HTML, _guide, "templates/guide.md.j2", _guide_head, in_nav=True),
        Kind("problems", HTML, _problems, "templates/problems.md.j2 (live preview only)", _plain_head),
        Kind("markdown", "text/markdown; charset=utf-8", _twins, "templates/code.twin.md.j2"),
        Kind("llms", "text/plain; charset=utf-8", _llms, "templates/llms.txt.j2"),
        Kind("api-index", "application/json", _api_index, "api.index_document"),
        Kind("api-entry", "application/json", _api_entries, "api.entry_document"),
        Kind("api-schema", "application/schema+json", _api_schema, "schema/api-v1.schema.json"),
        Kind("opensearch", twin.OPENSEARCH_TYPE, _opensearch, "twin.opensearch_xml"),
        Kind("guide-data", "application/json", _guide_data, "interactive.guide_json"),
        Kind("scenario-data", "application/json", _scenario_data, "interactive.scenario_json"),
        Kind("robots", "text/plain; charset=utf-8", _robots, "render.render_robots"),
    )
}


def kind_named(name: str) -> Kind:
    """The registered kind called ``name``; raises ``UnknownKind`` for any other name."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown page kind {name!r}; known kinds: {', '.join(KINDS)}") from None


def render_all(build: Build) -> list[Page]:
    """Every file of the site, kind by kind in registry order. Raises ``ValueError`` if two kinds claim one path."""
    pages: list[Page] = []
    seen: dict[str, str] = {}
    for kind in KINDS.values():
        for page in kind.pages(build):
            if page.kind != kind.name:
                raise UnknownKind(f"{page.src_uri}: made by kind {kind.name!r} but says {page.kind!r}")
            if page.src_uri in seen:
                raise ValueError(f"{page.src_uri}: made by both {seen[page.src_uri]!r} and {kind.name!r}")
            seen[page.src_uri] = kind.name
            pages.append(page)
    return pages
