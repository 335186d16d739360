"""Finding entries for the ``httpstatus`` command: by code, by class (``4xx``) or by words, ranked.

Plain functions over the model; the command line (``cli.py``) only prints what these return.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data import data_folder
from .loader import load_tree
from .model import CodeClass, Entry, Reference, build_reference

CLASS_QUERY = re.compile(r"^([1-9])xx$", re.IGNORECASE)
CODE_QUERY = re.compile(r"^\d+$")

# How much a match in each field counts: the names a code goes by first, then its former names, then the
# words people search it by; the summary only breaks ties between codes that match nowhere else.
FIELD_WEIGHTS = (("name", 4.0), ("former name", 3.0), ("keyword", 2.0), ("summary", 0.5))
# How well a query matches one value: the whole value, the query as a phrase inside it, every word of the
# query inside it, some of the words.
EXACT, PHRASE, ALL_WORDS, SOME_WORDS = 10.0, 6.0, 4.0, 2.0


class DataError(Exception):
    """The packaged entries cannot be read (a broken checkout); the message says which file and why."""


def load_reference(codes_dir: Path | None = None) -> Reference:
    """The model of every entry in ``codes_dir`` (default: the entries installed with the package, or the
    repository's codes/ in a checkout). Entries are not validated here (CI validates them before they ship;
    validating all of them takes seconds); a file that does not parse raises ``DataError``."""
    codes_dir = codes_dir or data_folder("codes")
    if not codes_dir.is_dir():
        raise DataError(f"{codes_dir}: no entries found (reinstall the package)")
    files = load_tree(codes_dir, codes_dir.parent)
    broken = [p for f in files for p in getattr(f, "problems", ())]
    if broken:
        raise DataError("\n".join(str(p) for p in broken))
    try:
        return build_reference(files)
    except (KeyError, TypeError, ValueError) as error:
        raise DataError(f"an entry is incomplete ({error}); run `python -m generator validate`") from None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def match_strength(query: str, value: str) -> float:
    """How well ``query`` matches ``value`` (0 when not at all), comparing lower-cased words."""
    wanted, have = _words(query), _words(value)
    if not wanted or not have:
        return 0.0
    if wanted == have:
        return EXACT
    joined = " " + " ".join(have) + " "
    if " " + " ".join(wanted) + " " in joined:
        return PHRASE
    found = sum(1 for word in wanted if any(h.startswith(word) for h in have))
    if found == len(wanted):
        return ALL_WORDS
    return SOME_WORDS * found / len(wanted) if found else 0.0


def _fields(entry: Entry) -> dict[str, tuple[str, ...]]:
    names = (entry.phrase,) + ((entry.common_name,) if entry.common_name else ())
    return {"name": names, "former name": entry.aliases, "keyword": entry.keywords, "summary": (entry.summary,)}


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    why: str  # the field and value that matched best, e.g. 'keyword "rate limit"'


def search(reference: Reference, query: str, limit: int = 10) -> list[Match]:
    """Entries matching the words of ``query``, best first (ties in code order); at most ``limit``.

    Each entry scores its best single match: field weight x match strength (see FIELD_WEIGHTS).
    """
    matches = []
    for entry in reference.entries:
        best, why = 0.0, ""
        for field_name, weight in FIELD_WEIGHTS:
            for value in _fields(entry)[field_name]:
                score = weight * match_strength(query, value)
                if score > best:
                    best, why = score, f'{field_name} "{value}"' if field_name != "summary" else "summary"
        if best > 0:
            matches.append(Match(entry, best, why))
    matches.sort(key=lambda m: (-m.score, m.entry.code))
    return matches[:limit]


def find_class(reference: Reference, query: str) -> CodeClass | None:
    """The class ``query`` names ("4xx", any case), or None when it names none."""
    found = CLASS_QUERY.match(query.strip())
    if not found:
        return None
    return next((c for c in reference.classes if c.digit == int(found.group(1))), None)
