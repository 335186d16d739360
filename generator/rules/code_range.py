"""Status codes are three digits from 100 to 599 (RFC 9110 §15); other numbers only as what they are.

Logs and services show a few numbers outside that range (000 in nginx and AWS load balancer logs, 999 from
LinkedIn). An entry may describe one only with ``standing: not-a-status-code``, so its page says first that
it is no valid status code. The range is settled: erratum EID 8459, asking RFC 9110 §15 to allow 100-999,
was rejected on 2025-06-13 (https://www.rfc-editor.org/errata/eid8459).
"""

from __future__ import annotations

NAME = "code-range"
DESCRIPTION = "code lies in 100-599, or is a number outside it described as not-a-status-code"
SCOPE = "file"

OUTSIDE = "not-a-status-code"


def check(report, loaded, context) -> None:
    code = loaded.data.get("code")
    if not isinstance(code, int) or isinstance(code, bool):
        return
    standing = loaded.data.get("standing")
    in_range = 100 <= code <= 599
    if not in_range and standing != OUTSIDE:
        report.add(
            loaded.name,
            loaded.line_of(("code",)),
            "code",
            f"{code} is outside 100-599, so it is not a valid HTTP status code (RFC 9110 §15; erratum EID 8459, "
            f"asking for 100-999, was rejected on 2025-06-13); describe a number that logs or services show "
            f"with standing: {OUTSIDE}",
        )
    elif in_range and standing == OUTSIDE:
        report.add(
            loaded.name,
            loaded.line_of(("standing",)),
            "standing",
            f"{code} lies in 100-599; standing: {OUTSIDE} is only for numbers outside that range "
            "(use unofficial for a code no registry lists)",
        )
