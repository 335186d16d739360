"""A registered code cites its defining section among its sources.

The page's first claim is what the specification says, so the section the IANA registry points to
(``spec.url``, checked against the registry by the ``registry`` rule) must be one of the sources the entry
was checked against. Entries without ``sources`` are left to the ``sources-required`` rule.
"""

from __future__ import annotations

NAME = "spec-cited"
DESCRIPTION = "a registered code lists its defining section (spec.url) among its sources"
SCOPE = "file"


def check(report, loaded, context) -> None:
    data = loaded.data
    sources, spec = data.get("sources"), data.get("spec")
    if data.get("standing") == "unofficial" or not isinstance(sources, list) or not isinstance(spec, dict):
        return
    url = spec.get("url")
    # A spec.url that is not https:// is already reported (schema, registry); fix it before citing it.
    if (
        not isinstance(url, str)
        or not url.startswith("https://")
        or any(isinstance(s, dict) and s.get("url") == url for s in sources)
    ):
        return
    label = f"{spec.get('document')} §{spec['section']}" if spec.get("section") else str(spec.get("document"))
    report.add(
        loaded.name,
        loaded.key_line_of(("sources",)),
        "sources",
        f"no source cites the defining section {url}; add one with kind: specification (or draft), "
        f"title: the section and its name (e.g. '{label} ...'), url: exactly spec.url, and checked: the date "
        "you read it",
    )
