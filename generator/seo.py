"""Head metadata (description, canonical, Open Graph, JSON-LD) computed in one place from the model.

The values are plain data: the head template escapes them (``|e`` for attributes, ``|tojson`` for
JSON-LD), so nothing here needs to know about HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import CodeClass, Entry, Reference
from .plaintext import markdown_to_text
from .render import Page

SCHEMA_ORG = "https://schema.org"


@dataclass(frozen=True)
class Site:
    name: str
    url: str | None  # absolute, ending in "/"; None when site_url is not set
    description: str
    language: str = "en"
    directory_urls: bool = True  # pages at 404/ (False: 404.html, the offline copy)

    def absolute(self, path: str) -> str | None:
        return self.url + path if self.url else None


@dataclass
class Head:
    title: str
    description: str
    canonical: str | None
    og_type: str = "website"
    json_ld: list[dict] = field(default_factory=list)
    noindex: bool = False


def _website(site: Site) -> dict:
    return {"@type": "WebSite", "name": site.name, "url": site.url}


def _breadcrumbs(site: Site, trail: list[tuple[str, str | None]]) -> dict:
    items = []
    for position, (name, url) in enumerate(trail, start=1):
        item = {"@type": "ListItem", "position": position, "name": name}
        if url:
            item["item"] = url
        items.append(item)
    return {"@context": SCHEMA_ORG, "@type": "BreadcrumbList", "itemListElement": items}


def _defined_term(entry: Entry, site: Site, described: bool = True) -> dict:
    term = {"@type": "DefinedTerm", "name": entry.title, "termCode": entry.number}
    if described:
        term["description"] = entry.summary
    if entry.aliases:
        term["alternateName"] = list(entry.aliases)
    if site.url:
        term["url"] = site.absolute(entry.path)
        term["inDefinedTermSet"] = site.url + "#codes"
    return term


def code_head(entry: Entry, ref: Reference, canonical: str | None, site: Site) -> Head:
    code_class = ref.class_of(entry)
    article = {
        "@context": SCHEMA_ORG,
        "@type": "TechArticle",
        "headline": entry.title,
        "description": entry.summary,
        "url": canonical,
        "dateModified": entry.updated,
        "inLanguage": site.language,
        "isPartOf": _website(site),
        "about": _defined_term(entry, site),
    }
    if entry.keywords:
        article["keywords"] = ", ".join(entry.keywords)
    if entry.spec:
        article["citation"] = entry.spec.url
    # A number outside 100-599 (000) belongs to no class: its trail is the home page, then the page.
    trail = [(site.name, site.url)]
    if code_class:
        trail.append((code_class.title, site.absolute(code_class.path)))
    blocks = [article, _breadcrumbs(site, trail + [(entry.title, canonical)])]
    if entry.faq:
        blocks.append(
            {
                "@context": SCHEMA_ORG,
                "@type": "FAQPage",
                "url": canonical,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": q.question,
                        "acceptedAnswer": {"@type": "Answer", "text": markdown_to_text(q.answer)},
                    }
                    for q in entry.faq
                ],
            }
        )
    return Head(f"{entry.title} - {site.name}", entry.summary, canonical, "article", blocks)


def class_head(code_class: CodeClass, canonical: str | None, site: Site) -> Head:
    count = len(code_class.entries)
    description = f"{code_class.title}: {code_class.description} All {count} {code_class.id} codes with summaries."
    blocks = [
        {
            "@context": SCHEMA_ORG,
            "@type": "CollectionPage",
            "name": code_class.title,
            "description": description,
            "url": canonical,
            "inLanguage": site.language,
            "isPartOf": _website(site),
        },
        _breadcrumbs(site, [(site.name, site.url), (code_class.title, canonical)]),
    ]
    return Head(f"{code_class.title} status codes - {site.name}", description, canonical, "website", blocks)


def home_head(ref: Reference, canonical: str | None, site: Site) -> Head:
    website = {
        "@context": SCHEMA_ORG,
        "@type": "WebSite",
        "name": site.name,
        "url": canonical,
        "description": site.description,
        "inLanguage": site.language,
    }
    if canonical:
        # Material opens its search with the results when the page is loaded with ?q=.
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": canonical + "?q={search_term_string}"},
        }
    term_set = {
        "@context": SCHEMA_ORG,
        "@type": "DefinedTermSet",
        "name": "HTTP status codes",
        "description": site.description,
        "url": canonical,
        # Each term's description is on its own page (the TechArticle's `about`): here it made the home page's
        # HTML 16.8 KB gzip instead of 11.7 KB, more than a first round trip carries (issue 11).
        "hasDefinedTerm": [_defined_term(e, site, described=False) for e in ref.entries],
    }
    if site.url:
        term_set["@id"] = site.url + "#codes"
    return Head(site.name, site.description, canonical, "website", [website, term_set])


def plain_head(canonical: str | None, site: Site, title: str | None = None) -> Head:
    """Hand-written pages (about) and the preview page of a broken entry: plain metadata and breadcrumbs."""
    name = title or site.name
    return Head(
        f"{name} - {site.name}",
        site.description,
        canonical,
        "website",
        [_breadcrumbs(site, [(site.name, site.url), (name, canonical)])],
    )


def guide_head(title: str, description: str, canonical: str | None, site: Site) -> Head:
    """The guide (/guide/): a WebPage of the site with its own description, and breadcrumbs."""
    page = {
        "@context": SCHEMA_ORG,
        "@type": "WebPage",
        "name": title,
        "description": description,
        "url": canonical,
        "inLanguage": site.language,
        "isPartOf": _website(site),
    }
    trail = _breadcrumbs(site, [(site.name, site.url), (title, canonical)])
    return Head(f"{title} - {site.name}", description, canonical, "website", [page, trail])


def head_for(page: Page | None, ref: Reference, canonical: str | None, site: Site, title: str | None = None) -> Head:
    """The head metadata of ``page``, as its kind (generator/kinds.py) says; ``page`` None is a hand-written page.

    Raises ``kinds.UnknownKind`` when the page's kind is not registered, and ``ValueError`` when its kind is no
    HTML page (a JSON document has no head): never the home page's head by default.
    """
    if page is None:
        return plain_head(canonical, site, title)
    from .kinds import kind_named  # kinds imports this module for its head functions

    kind = kind_named(page.kind)
    if kind.head is None:
        raise ValueError(
            f"{page.src_uri}: a {kind.name!r} file ({kind.media_type}) is not an HTML page and has no head"
        )
    return kind.head(page, ref, canonical, site, title)
