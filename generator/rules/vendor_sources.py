"""Each vendor meaning is backed by a source naming that vendor, and the kinds agree with its source_note.

A vendor meaning (``vendors[i]``) is a claim about what one product does, so it needs a source whose
``vendor`` is that product, written exactly as in ``vendors[i].vendor``. That source must be primary (the
vendor's documentation or source code; a specification or draft when the "vendor" is a protocol's
implementers, e.g. RFC 7234 caches for the 1xx warn-codes) unless the meaning's ``source_note`` says only
secondary sources document it. A note saying so while a primary source for the vendor is listed is wrong
too, and a source naming a vendor the entry does not describe backs nothing.
"""

from __future__ import annotations

import re

NAME = "vendor-sources"
DESCRIPTION = "every vendor meaning is backed by a source for that vendor, primary unless source_note says otherwise"
SCOPE = "file"

PRIMARY_KINDS = ("vendor-documentation", "vendor-source", "specification", "draft")
# "Documented only by secondary sources (...)", "secondary sources only": the wording CONTRIBUTING.md asks for.
_SECONDARY_ONLY = re.compile(r"\bonly\b[^.;]*\bsecondary\b|\bsecondary sources? only\b", re.IGNORECASE)


def secondary_only(note: object) -> bool:
    """True when a ``source_note`` says the facts come from secondary sources only."""
    return isinstance(note, str) and bool(_SECONDARY_ONLY.search(note))


def check(report, loaded, context) -> None:
    data = loaded.data
    sources, vendors = data.get("sources"), data.get("vendors")
    if not isinstance(sources, list):
        return  # the sources-required rule asks for them
    vendors = [v for v in vendors if isinstance(v, dict)] if isinstance(vendors, list) else []
    names = [v.get("vendor") for v in vendors]
    by_vendor: dict[str, list[tuple[int, dict]]] = {}
    for index, source in enumerate(sources):
        if not isinstance(source, dict) or not isinstance(source.get("vendor"), str):
            continue
        if source["vendor"] in names:
            by_vendor.setdefault(source["vendor"], []).append((index, source))
        else:
            known = ", ".join(repr(n) for n in names if isinstance(n, str)) or "none: this entry has no vendors"
            report.add(
                loaded.name,
                loaded.line_of(("sources", index, "vendor")),
                f"sources[{index}].vendor",
                f"{source['vendor']!r} names no vendor meaning of this entry; write it exactly as a "
                f"vendors[].vendor ({known}) or drop 'vendor' from a source that backs no vendor meaning",
            )
    for position, vendor in enumerate(vendors):
        name = vendor.get("vendor")
        if not isinstance(name, str):
            continue
        backing = by_vendor.get(name, [])
        primary = [(i, s) for i, s in backing if s.get("kind") in PRIMARY_KINDS]
        only_secondary = secondary_only(vendor.get("source_note"))
        if not backing:
            report.add(
                loaded.name,
                loaded.line_of(("vendors", position, "vendor")),
                f"vendors[{position}].vendor",
                f"no source backs this vendor meaning; add a source with vendor: {name} (kind "
                "vendor-documentation or vendor-source, or secondary with a source_note saying only secondary "
                "sources document it)",
            )
        elif only_secondary and primary:
            index, source = primary[0]
            report.add(
                loaded.name,
                loaded.line_of(("vendors", position, "source_note")),
                f"vendors[{position}].source_note",
                f"says only secondary sources document {name}, but sources[{index}] ({source['kind']}) is "
                "listed for it; correct the note, or drop 'vendor' from that source if it does not back this "
                "meaning (e.g. it shows the vendor does not send the code)",
            )
        elif not only_secondary and not primary:
            report.add(
                loaded.name,
                loaded.line_of(("vendors", position, "vendor")),
                f"vendors[{position}].vendor",
                f"every source for {name} is secondary; cite the vendor's own documentation or source code "
                "(kind vendor-documentation or vendor-source), or say in source_note that only secondary sources "
                "document it",
            )
