"""Registered entries agree with the vendored IANA registry; unofficial ones do not claim a registered number."""

from __future__ import annotations

NAME = "registry"
DESCRIPTION = "phrase, standing, document, section, link and cacheability match the IANA registry"
SCOPE = "file"


def check(report, loaded, context) -> None:
    data = loaded.data
    code, standing = data.get("code"), data.get("standing")
    if not isinstance(code, int) or not isinstance(standing, str):
        return
    row = context.registry.get(code)
    if standing == "unofficial":
        if row:
            report.add(
                loaded.name,
                loaded.line_of(("standing",)),
                "standing",
                f"{code} is registered by IANA as {row.phrase!r} ({row.status}); describe it as registered "
                "and list vendor meanings under 'vendors'",
            )
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
    allowed = {row.status} | ({"deprecated"} if row.status == "permanent" else set())
    if standing not in allowed:
        report.add(
            loaded.name,
            loaded.line_of(("standing",)),
            "standing",
            f"standing is {standing!r} but the IANA registry says {row.status!r}",
        )
    spec = data.get("spec") if isinstance(data.get("spec"), dict) else {}
    mismatch(("spec", "document"), spec.get("document"), row.document, "document")
    mismatch(("spec", "section"), spec.get("section") or None, row.section or None, "section")
    mismatch(("spec", "url"), spec.get("url"), row.url, "link")
    if isinstance(data.get("cacheable"), bool):
        mismatch(("cacheable",), data["cacheable"], row.cacheable, "heuristic cacheability (RFC 9110 §15.1)")
