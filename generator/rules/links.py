"""Links in Markdown prose go to https:// pages or to another entry (../NNN/); nothing else.

Checked after decoding HTML entities, so `&#106;avascript:` is caught like `javascript:`.
"""

from __future__ import annotations

import html
import re

from ..problems import format_path
from ..schema import iter_typed

NAME = "links"
DESCRIPTION = "Markdown links are https:// or internal (../NNN/, #anchor)"
SCOPE = "file"

INLINE_DESTINATION = re.compile(r"\]\(\s*<?([^\s)>]*)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
INTERNAL = re.compile(r"^(\.\./\d{3}/(#[\w-]+)?|#[\w-]+)$")
CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def problem_with(destination: str) -> str | None:
    """Why a link destination is not allowed, or None when it is fine."""
    decoded = CONTROL.sub("", html.unescape(destination))
    lowered = decoded.lower()
    if lowered.startswith("https://"):
        return None if re.match(r"^https://[^\s\"'<>\\]+$", decoded) else "malformed https:// link"
    if lowered.startswith("http://") or lowered.startswith("//"):
        return f"non-https link {destination!r}; use https://"
    if re.match(r"^[a-z][a-z0-9+.\-]*:", lowered):
        return f"link scheme not allowed in {destination!r}; only https:// links"
    if INTERNAL.match(decoded):
        return None
    return f"internal link {destination!r} must look like ../404/ or #anchor"


def check(report, loaded, context) -> None:
    for path, text in iter_typed(loaded.data, "markdown"):
        for pattern in (INLINE_DESTINATION, REFERENCE_DEFINITION):
            for match in pattern.finditer(text):
                why = problem_with(match.group(1))
                if why:
                    report.add(loaded.name, loaded.line_of(path), format_path(path), why)
