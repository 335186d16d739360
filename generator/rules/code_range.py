"""Status codes are three digits from 100 to 599 (RFC 9110 §15)."""

from __future__ import annotations

NAME = "code-range"
DESCRIPTION = "code lies in 100-599"
SCOPE = "file"


def check(report, loaded, context) -> None:
    code = loaded.data.get("code")
    if not isinstance(code, int) or isinstance(code, bool):
        return
    if not 100 <= code <= 599:
        report.add(
            loaded.name,
            loaded.line_of(("code",)),
            "code",
            f"{code} is outside 100-599; HTTP status codes are three digits from 100 to 599 (RFC 9110 §15)",
        )
