"""Sources as data: each entry's sources and review date are shown on its page, outside the search index."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.loader import LoadedFile
from generator.problems import Report
from generator.rules import vendor_sources
from generator.validate import Context


def test_every_source_is_listed_under_sources_on_the_page(site, reference):
    shown = 0
    for entry in reference.entries:
        soup = site.soup(entry.path)
        heading = soup.find("h2", id="sources")
        if not entry.sources and not entry.reviewed:
            assert heading is None, entry.code
            continue
        assert heading is not None, entry.code
        items = heading.find_next("ul").find_all("li", recursive=False) if entry.sources else []
        assert len(items) == len(entry.sources), entry.code
        for source, item in zip(entry.sources, items):
            link = item.find("a")
            assert link["href"] == source.url and link.get_text() == source.title, (entry.code, source.url)
            text = " ".join(item.get_text(" ").split())
            assert f"checked {source.checked}" in text, (entry.code, text)
            assert source.kind_label in text
            if source.version:
                assert source.version in text, (entry.code, text)
            if source.vendor:
                assert source.vendor in text, (entry.code, text)
            shown += 1
        if entry.reviewed:
            section = " ".join(heading.find_parent().get_text(" ").split())
            assert f"Reviewed on {entry.reviewed}" in section, entry.code
    assert shown, "no entry has sources yet, so nothing was checked"


def test_a_vendor_link_says_whether_it_is_documentation_or_source_code(site, reference):
    """nginx documents 444 and 499 only in its C source: the page must not call that file documentation."""
    seen = set()
    for entry in reference.entries:
        text = " ".join(site.soup(entry.path).get_text(" ").split())
        for vendor in entry.vendors:
            source = entry.source_at(vendor.documentation)
            if not vendor.documentation:
                continue
            kind = "source code" if source and source.kind == "vendor-source" else "documentation"
            seen.add(kind)
            assert f"Vendor {kind}:" in text, (entry.code, vendor.vendor)
        if all(
            entry.source_at(v.documentation) is None or entry.source_at(v.documentation).kind != "vendor-source"
            for v in entry.vendors
        ):
            assert "Vendor source code:" not in text, entry.code
    assert seen == {"source code", "documentation"}
    page = " ".join(site.soup("444/").get_text(" ").split())
    assert (
        "Vendor source code: nginx at 01dc7445f0fc392edd4f4e23f4fa1af69af68e41" in page
        and "Vendor documentation" not in page
    )


def test_sources_are_left_out_of_the_search_index(site, reference):
    index = json.loads((site.root / "search" / "search_index.json").read_text())
    cited = [e for e in reference.entries if e.sources]
    assert cited
    for doc in index["docs"]:
        assert not re.match(r"^\d{3}/#sources$", doc["location"]), doc["location"]  # about/ has its own
        assert "Reviewed on" not in doc["text"], doc["location"]
    titles = {s.title for e in cited for s in e.sources if "RFC" not in s.title and len(s.title) > 30}
    text = " ".join(doc["text"] for doc in index["docs"])
    assert not [t for t in titles if t in text]


def _vendor_problems(data: dict) -> list[str]:
    report = Report()
    vendor_sources.check(report, LoadedFile(Path("codes/110.yaml"), "codes/110.yaml", data), Context())
    return [p.message for p in report.sorted()]


def test_a_specification_backs_a_vendor_meaning_defined_by_it():
    """The 1xx warn-codes' "vendor" is RFC 7234's caches: the RFC is their primary source."""
    data = {
        "vendors": [{"vendor": "HTTP caches (Warning header, RFC 7234)"}],
        "sources": [
            {
                "kind": "specification",
                "url": "https://www.rfc-editor.org/rfc/rfc7234#section-5.5.1",
                "vendor": "HTTP caches (Warning header, RFC 7234)",
            }
        ],
    }
    assert _vendor_problems(data) == []
    data["sources"][0]["kind"] = "secondary"
    assert _vendor_problems(data) and "is secondary" in _vendor_problems(data)[0]


def test_secondary_only_notes_are_recognised_as_the_entries_write_them():
    assert vendor_sources.secondary_only("Documented only by secondary sources (Wikipedia's list).")
    assert vendor_sources.secondary_only("Secondary sources only; the vendor never documented it.")
    assert not vendor_sources.secondary_only(
        "Esri's ArcGIS REST JS documentation and source treat code 499 as an authentication error; the phrase "
        "comes from third-party observations."
    )
    assert not vendor_sources.secondary_only(None)
