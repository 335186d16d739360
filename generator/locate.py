"""Point a problem at the exact line of a multi-line value (a header line inside an example, a citation).

The loader records the line where each value starts. For a block scalar (``response: |``) the problem is
usually further down: these helpers find the first line at or after the value's start that contains a
given fragment, and fall back to the value's own line when it cannot be found (folded text, an edited file).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: How far below the start of a value a fragment is looked for (the longest example is ~60 lines).
MAX_SPAN = 400


@lru_cache(maxsize=256)
def _lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    try:
        return tuple(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def file_lines(loaded) -> tuple[str, ...]:
    """The lines of ``loaded``'s file as it is on disk now, or () when it cannot be read."""
    try:
        stat = Path(loaded.path).stat()
    except (OSError, TypeError):
        return ()
    return _lines(str(loaded.path), stat.st_mtime_ns, stat.st_size)


def line_of_fragment(loaded, path: tuple, fragment: str, occurrence: int = 0) -> int:
    """Line (1-based) of the ``occurrence``-th line holding ``fragment`` inside the value at ``path``.

    Takes a LoadedFile, a data path and a piece of text; returns ``loaded.line_of(path)`` when the fragment
    is empty or not found. Never raises.
    """
    start = loaded.line_of(path)
    fragment = fragment.strip()
    if not fragment:
        return start
    lines = file_lines(loaded)
    seen = 0
    for number in range(start, min(len(lines), start + MAX_SPAN) + 1):
        if fragment in lines[number - 1]:
            if seen == occurrence:
                return number
            seen += 1
    return start
