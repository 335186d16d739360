"""Registered entries agree with the vendored IANA registry; unofficial ones do not claim a registered number.

Reads reference/iana-http-status-codes-2025-09-15.csv (through ``context.registry``). For a registered code
the entry's phrase, standing, ``spec.document``, ``spec.section`` and ``spec.url`` must equal the row's. The
registry lists 305 Use Proxy as "permanent" while RFC 9110 §15.4.6 says it "is now deprecated", so 305 alone
may say ``standing: deprecated``. Cacheability is the ``cacheable`` rule's, read from the RFCs themselves.
"""

from __future__ import annotations

NAME = "registry"
DESCRIPTION = "phrase, standing, document, section and link match the IANA registry"
SCOPE = "file"

# Registered codes the defining RFC deprecates: RFC 9110 §15.4.6, "305 ... is now deprecated".
DEPRECATED = {305: "RFC 9110 §15.4.6"}


def _unofficial(report, loaded, code, row) -> None:
    data = loaded.data
    if row:
        report.add(
            loaded.name,
            loaded.line_of(("standing",)),
            "standing",
            f"{code} is registered by IANA as {row.phrase!r} ({row.status}); describe it as registered "
            "and list vendor meanings under 'vendors'",
        )
    elif "spec" in data:
        report.add(
            loaded.name,
            loaded.key_line_of(("spec",)),
            "spec",
            "an unofficial code has no defining document in the IANA registry; remove 'spec' "
            "(link the vendor's documentation under 'vendors')",
        )


def check(report, loaded, context) -> None:
    data = loaded.data
    code, standing = data.get("code"), data.get("standing")
    if not isinstance(code, int) or not isinstance(standing, str):
        return
    row = context.registry.get(code)
    if standing in ("unofficial", "warn-code", "not-a-status-code"):
        _unofficial(report, loaded, code, row)
        return
    if row is None:
        report.add(
            loaded.name,
            loaded.line_of(("standing",)),
            "standing",
            f"{code} is not in the IANA registry ({context.registry_source}); use standing: unofficial",
        )
        return

    def mismatch(path: tuple, ours, theirs, what: str) -> None:
        if ours != theirs:
            report.add(
                loaded.name,
                loaded.line_of(path),
                ".".join(path),
                f"{what} is {ours!r} but the IANA registry says {theirs!r}",
            )

    mismatch(("phrase",), data.get("phrase"), row.phrase, "phrase")
    if standing != row.status and not (standing == "deprecated" and code in DEPRECATED):
        hint = " ('deprecated' only where the defining RFC deprecates the code: 305, RFC 9110 §15.4.6)"
        report.add(
            loaded.name,
            loaded.line_of(("standing",)),
            "standing",
            f"standing is {standing!r} but the IANA registry says {row.status!r}"
            + (hint if standing == "deprecated" else ""),
        )
    spec = data.get("spec") if isinstance(data.get("spec"), dict) else {}
    mismatch(("spec", "document"), spec.get("document"), row.document, "document")
    mismatch(("spec", "section"), spec.get("section") or None, row.section or None, "section")
    mismatch(("spec", "url"), spec.get("url"), row.url, "link")
