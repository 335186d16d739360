"""No two files describe the same code."""

from __future__ import annotations

from collections import defaultdict

NAME = "duplicate-codes"
DESCRIPTION = "each code has exactly one entry"
SCOPE = "tree"


def check(report, files, context) -> None:
    by_code = defaultdict(list)
    for loaded in files:
        code = loaded.data.get("code")
        if isinstance(code, int) and not isinstance(code, bool):
            by_code[code].append(loaded)
    for code, owners in by_code.items():
        if len(owners) < 2:
            continue
        for loaded in owners:
            others = ", ".join(o.name for o in owners if o is not loaded)
            report.add(loaded.name, loaded.line_of(("code",)), "code", f"code {code} is also described in {others}")
