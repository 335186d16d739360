"""The JSON API documents (``/api/v1/codes.json`` and ``/api/v1/NNN.json``), made from the model.

One function per document; the site (the MkDocs adapter), ``python -m generator render --out`` and the
``httpstatus`` command all call these, so they cannot disagree. Field names are the public contract of
version 1 (documented in docs/api.md and ``schema/api-v1.schema.json``): they are written out here one by one,
never derived from the model's attribute names, so renaming a model field cannot silently change the API.
A field is only ever added within a version; renaming or removing one means ``/api/v2/``.
"""

from __future__ import annotations

import re

from .model import Entry, Markdown, Reference

API_VERSION = 1
API_PATH = f"api/v{API_VERSION}/"
SCHEMA_FILE = f"{API_PATH}schema.json"

# Prose links to another entry are written ../503/ (relative to the page); outside the page they must be
# absolute. Same-page anchors (#x) become links to the entry's own page.
_PROSE_LINK = re.compile(r"\]\(\s*(\.\./(\d{3,})/|#)([\w-]*)\)")


def absolute_links(text: Markdown | str | None, site_url: str, number: str) -> str | None:
    """``text`` (validated Markdown prose of the entry numbered ``number``, "404") with internal links made absolute.

    ``[503](../503/)`` -> ``[503](https://site/503/)``, ``[x](#caching)`` -> ``[x](https://site/404/#caching)``.
    https:// links are left as they are (the links rule allows nothing else). Returns None for None.
    """
    if text is None:
        return None

    def replace(match: re.Match) -> str:
        target = match.group(2) or number
        anchor = match.group(3)
        if match.group(1) == "#":
            return f"]({site_url}{target}/#{anchor})"
        return f"]({site_url}{target}/{'#' + anchor if anchor else ''})"

    return _PROSE_LINK.sub(replace, str(text))


def page_url(site_url: str, entry: Entry) -> str:
    return f"{site_url}{entry.path}"


def markdown_url(site_url: str, entry: Entry) -> str:
    return f"{site_url}{entry.path}index.md"


def api_url(site_url: str, entry: Entry) -> str:
    return f"{site_url}{API_PATH}{entry.number}.json"


def _spec(entry: Entry) -> dict | None:
    if entry.spec is None:
        return None
    spec = {"document": entry.spec.document, "section": entry.spec.section, "url": entry.spec.url}
    draft = entry.spec.current_draft
    spec["current_draft"] = (
        {"document": draft.document, "published": draft.published, "expires": draft.expires, "url": draft.url}
        if draft
        else None
    )
    return spec


def _status_words(parts) -> str | None:
    """A constant name's state in words (ConstantName.status parts joined; code parts after a space)."""
    return "".join(f" {text}" if is_code else text for text, is_code in parts).strip() or None


def summary_fields(entry: Entry, reference: Reference, site_url: str) -> dict:
    """The fields ``codes.json`` lists for every entry (and that each ``NNN.json`` starts with).

    Takes an entry of ``reference`` and the site's absolute URL ending in "/"; returns a JSON-ready dict.
    """
    code_class = reference.class_of(entry)  # None for a number outside 100-599
    return {
        "code": entry.code,
        "number": entry.number,
        "phrase": entry.phrase,
        "common_name": entry.common_name,
        "title": entry.title,
        "former_names": list(entry.aliases),
        "keywords": list(entry.keywords),
        "standing": entry.standing,
        "standing_label": entry.standing_label,
        "class": code_class.id if code_class else None,
        "spec": _spec(entry),
        "summary": entry.summary,
        "cacheable": entry.cacheable,
        "url": page_url(site_url, entry),
        "markdown_url": markdown_url(site_url, entry),
        "api_url": api_url(site_url, entry),
        "updated": entry.updated,
    }


def entry_document(entry: Entry, reference: Reference, site_url: str) -> dict:
    """The whole entry as ``/api/v1/NNN.json``: the summary fields plus every section of the page.

    Prose fields are Markdown with absolute links; plain-text fields are plain text. Related codes that
    have no entry in ``reference`` are left out, as on the page.
    """

    def md(value):
        return absolute_links(value, site_url, entry.number)

    registration = entry.registration
    document = summary_fields(entry, reference, site_url)
    document.update(
        {
            "api_version": API_VERSION,
            "registration": (
                {
                    "registered": registration.registered,
                    "expires": registration.expires,
                    "extended": registration.extended,
                    "checked": registration.as_of,
                }
                if registration
                else None
            ),
            "meaning": md(entry.meaning),
            "history": md(entry.history),
            "when_to_use": [md(x) for x in entry.when_to_use],
            "when_not_to_use": [{"situation": md(x.situation), "instead": x.instead} for x in entry.when_not_to_use],
            "examples": [
                {
                    "title": x.title,
                    "description": md(x.description),
                    "request": x.request,
                    "response": x.response,
                    "no_response": md(x.no_response),
                }
                for x in entry.examples
            ],
            "related": [
                {"code": r.code, "why": md(r.why), "url": page_url(site_url, reference.by_code[r.code])}
                for r in entry.related
                if r.code in reference.by_code
            ],
            "headers": [{"name": h.name, "why": md(h.why), "url": h.url} for h in entry.headers],
            "cacheable_note": md(entry.cacheable_note),
            "mistakes": [md(x) for x in entry.mistakes],
            "best_practices": [md(x) for x in entry.best_practices],
            "faq": [{"question": q.question, "answer": md(q.answer)} for q in entry.faq],
            "constants": [
                {
                    "language": c.language,
                    "label": c.label,
                    "names": [{"name": n.name, "state": n.state, "status": _status_words(n.status)} for n in c.names],
                    "note": c.note,
                }
                for c in entry.constants
            ],
            "no_constant": list(entry.no_constant),
            "constants_checked": entry.constants_checked,
            "sources": [
                {
                    "kind": s.kind,
                    "title": s.title,
                    "url": s.url,
                    "checked": s.checked,
                    "vendor": s.vendor,
                    "version": s.version,
                }
                for s in entry.sources
            ],
            "reviewed": entry.reviewed,
            "vendors": [
                {
                    "vendor": v.vendor,
                    "phrase": v.phrase,
                    "sent_when": md(v.sent_when),
                    "what_to_do": md(v.what_to_do),
                    "documentation": v.documentation,
                    "source_note": v.source_note,
                    "retired": v.retired,
                }
                for v in entry.vendors
            ],
            "source": entry.source,
        }
    )
    return document


def index_document(reference: Reference, site_url: str) -> dict:
    """``/api/v1/codes.json``: the summary fields of every entry, in code order, with the newest date."""
    return {
        "api_version": API_VERSION,
        "updated": reference.updated,
        "count": len(reference.entries),
        "codes": [summary_fields(e, reference, site_url) for e in reference.entries],
    }
