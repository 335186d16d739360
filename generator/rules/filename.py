"""The file is named after its code: codes/404.yaml holds code: 404."""

from __future__ import annotations

import re

NAME = "filename"
DESCRIPTION = "file name is NNN.yaml and matches the entry's code"
SCOPE = "file"

_PATTERN = re.compile(r"^(\d{3})\.yaml$")


def check(report, loaded, context) -> None:
    match = _PATTERN.match(loaded.path.name)
    if not match:
        report.add(
            loaded.name,
            1,
            "(file)",
            f"file name must be the three-digit code plus .yaml, e.g. 404.yaml (got {loaded.path.name!r})",
        )
        return
    code = loaded.data.get("code")
    if isinstance(code, int) and not isinstance(code, bool) and code != int(match.group(1)):
        report.add(
            loaded.name,
            loaded.line_of(("code",)),
            "code",
            f"code {code} does not match the file name {loaded.path.name}; rename the file or fix the code",
        )
