"""A status line's reason phrase is empty or one of the names its code goes by in this project.

RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]; the reason-phrase is a textual
description of the status code, and may be empty. An example that writes ``HTTP/1.1 404 Gone`` teaches a
name the code does not have. The names a code goes by: its entry's ``phrase`` (the IANA registry's),
``common_name``, ``aliases`` (former and alternative names, e.g. "Payload Too Large" for 413) and each
vendor's ``phrase``; a code without an entry has its IANA phrase. An example may show a phrase a real server
sends under another name (nginx's "Request-URI Too Large" for 414, Symfony's "unknown status" for a code it
has no name for) when the file says so to the reader: the phrase is quoted ("...") in the file's prose, e.g.
the example's description. A status line of a code with no name at all
is left to other rules (a scenario's step must answer with a code that has an entry: scenario-steps).
"""

from __future__ import annotations

import re

from ..http_message import example_messages
from ..problems import format_path
from ..schema import iter_strings
from .http_examples import STATUS_LINE

NAME = "reason-phrase"
DESCRIPTION = "a status line's reason phrase is empty or a name of its code (phrase, alias, vendor phrase)"
SCOPE = "file"

NO_PHRASE = "(none)"  # what vendors[].phrase says when the vendor gives none


def entry_names(data: object) -> tuple[int | None, set[str]]:
    """(code, the names it goes by) of one entry's data; (None, set()) when it has no whole-number code."""
    if not isinstance(data, dict) or not isinstance(data.get("code"), int) or isinstance(data["code"], bool):
        return None, set()
    names = {data.get("phrase"), data.get("common_name")}
    names |= set(data.get("aliases") or []) if isinstance(data.get("aliases"), list) else set()
    for vendor in data.get("vendors") or []:
        if isinstance(vendor, dict):
            names.add(vendor.get("phrase"))
    return data["code"], {n for n in names if isinstance(n, str) and n and n != NO_PHRASE}


def code_names(files, registry: dict) -> dict[int, frozenset[str]]:
    """The names of every code: each loaded entry's (see ``entry_names``) and the IANA registry's phrases.

    Takes the loaded entry files and the registry (code -> RegistryRow); returns code -> names."""
    names: dict[int, set[str]] = {code: {row.phrase} for code, row in registry.items()}
    for loaded in files:
        code, found = entry_names(loaded.data)
        if code is not None:
            names.setdefault(code, set()).update(found)
    return {code: frozenset(found) for code, found in names.items()}


def quoted_phrases(data: object) -> set[str]:
    """Every "double-quoted" run of words in the prose of ``data`` (not in its HTTP messages)."""
    found: set[str] = set()
    for path, text in iter_strings(data):
        if path[-1:] not in (("request",), ("response",)):
            found |= set(re.findall(r'"([^"\n]+)"', " ".join(text.split())))
    return found


def check(report, loaded, context) -> None:
    names = context.code_names or code_names([], context.registry)
    explained = None
    for found in example_messages(loaded, ("response",)):
        match = STATUS_LINE.match(found.message.start)
        if not match or not match.group("reason").strip():
            continue  # a malformed status line is the http-examples rule's; an empty reason phrase is allowed
        code, reason = int(match.group("code")), match.group("reason")
        known = names.get(code)
        if not known or reason in known:
            continue
        explained = quoted_phrases(loaded.data) if explained is None else explained
        if reason in explained:
            continue
        report.add(
            loaded.name,
            found.line(loaded, found.message.start_index),
            format_path(found.path),
            f"{code} is not called {reason!r} in this project; write "
            + " or ".join(repr(n) for n in sorted(known))
            + ", or leave the reason phrase empty (status-line = HTTP-version SP status-code SP [reason-phrase], "
            "RFC 9112 §4); when a server really sends this phrase, say so in the description, quoting it",
        )
