"""The library constants the entries list match the libraries themselves.

Python: every ``constants.python`` name is a member of the running interpreter's ``http.HTTPStatus`` with the
entry's code, and every member is listed by the entry for its code. Node: every ``constants.node`` name is
``http.STATUS_CODES[code]`` of the ``node`` on PATH (skipped when there is none).
"""

from __future__ import annotations

import http
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .entries import ENTRIES, missing

ROOT = Path(__file__).resolve().parent.parent

# Python 3.13 adopted the RFC 9110 names; before it these members had their old names (and 3.13 keeps the old
# names as aliases). An entry lists the new name; on an older interpreter its note must mention the old one.
RENAMED_IN_3_13 = {
    "CONTENT_TOO_LARGE": "REQUEST_ENTITY_TOO_LARGE",
    "URI_TOO_LONG": "REQUEST_URI_TOO_LONG",
    "RANGE_NOT_SATISFIABLE": "REQUESTED_RANGE_NOT_SATISFIABLE",
    "UNPROCESSABLE_CONTENT": "UNPROCESSABLE_ENTITY",
}
OLD_NAMES = {old: new for new, old in RENAMED_IN_3_13.items()}

# Codes whose HTTPStatus phrase is neither the registered phrase nor one of the entry's aliases.
# code -> (the phrase Python uses, why that is fine)
PYTHON_PHRASE_EXCEPTIONS = {
    418: (
        "I'm a Teapot",
        "registered as '(Unused)' (RFC 9110 §15.5.19); Python keeps the RFC 2324 name, "
        "which the entry gives as its common_name",
    ),
}

SINCE = re.compile(r"\bsince Python 3\.([0-9]+)\b")


def _constant(data: dict, language: str) -> tuple[str | None, str]:
    constant = (data.get("constants") or {}).get(language)
    if not isinstance(constant, dict):
        return None, ""
    return constant.get("name"), constant.get("note") or ""


def python_problem(code: int, name: str, note: str, version=sys.version_info) -> str | None:
    """Why ``name`` is not an acceptable http.HTTPStatus constant for ``code`` here, or None if it is."""
    match = re.fullmatch(r"HTTPStatus\.([A-Z][A-Z0-9_]*)", name)
    if not match:
        return f"{name!r} is not of the form HTTPStatus.NAME"
    member = match.group(1)
    members = http.HTTPStatus.__members__
    if member in members:
        if members[member].value != code:
            return f"HTTPStatus.{member} is {members[member].value}, not {code}"
        return None
    old = RENAMED_IN_3_13.get(member)
    if old and version < (3, 13):
        if old not in members or members[old].value != code:
            return f"HTTPStatus.{old} (the pre-3.13 name of {member}) is not {code} on this Python"
        if old not in note:
            return (
                f"HTTPStatus.{member} is called HTTPStatus.{old} before Python 3.13; "
                f"the note must mention {old} (note: {note!r})"
            )
        return None
    since = SINCE.search(note)
    if since and int(since.group(1)) > version[1]:
        return None
    return f"HTTPStatus has no member {member} on Python {version[0]}.{version[1]}" + (
        "" if since else "; if it was added later, say 'since Python 3.N' in the note"
    )


def test_python_rule_examples():
    assert python_problem(404, "HTTPStatus.NOT_FOUND", "") is None
    assert "is 404, not 410" in python_problem(410, "HTTPStatus.NOT_FOUND", "")
    assert "form" in python_problem(404, "http.HTTPStatus.NOT_FOUND", "")
    assert (
        python_problem(413, "HTTPStatus.CONTENT_TOO_LARGE", "REQUEST_ENTITY_TOO_LARGE before 3.13", version=(3, 11))
        is None
    )
    assert "must mention" in python_problem(413, "HTTPStatus.CONTENT_TOO_LARGE", "", version=(3, 11))
    assert python_problem(599, "HTTPStatus.NOT_YET", "since Python 3.99") is None
    assert "no member" in python_problem(599, "HTTPStatus.NOT_YET", "since Python 3.2")


def test_python_constants_are_members_with_the_right_code():
    wrong = []
    for code, (name, data) in sorted(ENTRIES.items()):
        constant, note = _constant(data, "python")
        if constant is not None:
            problem = python_problem(code, constant, note)
            if problem:
                wrong.append(f"{name}: constants.python: {problem}")
    assert not wrong, "\n".join(wrong)


def test_every_httpstatus_member_is_listed():
    unlisted = []
    for member_name, member in http.HTTPStatus.__members__.items():
        code = int(member.value)
        if code not in ENTRIES:
            unlisted.append(f"HTTPStatus.{member_name} ({code}): {missing(code)}")
            continue
        name, data = ENTRIES[code]
        listed, note = _constant(data, "python")
        if listed == f"HTTPStatus.{member_name}":
            continue
        # The pre-3.13 name of a renamed member (an alias on 3.13+) counts when the note names it.
        if listed == f"HTTPStatus.{OLD_NAMES.get(member_name)}" and member_name in note:
            continue
        unlisted.append(f"{name}: HTTPStatus.{member_name} ({code}) is not listed; constants.python is {listed!r}")
    assert not unlisted, "\n".join(unlisted)


def test_python_phrases_match_the_entries():
    wrong = []
    for member in http.HTTPStatus:
        code = int(member.value)
        if code not in ENTRIES:
            continue  # reported by test_every_httpstatus_member_is_listed
        name, data = ENTRIES[code]
        names = [data.get("phrase")] + list(data.get("aliases") or [])
        if member.phrase in names:
            continue
        exception = PYTHON_PHRASE_EXCEPTIONS.get(code)
        if exception and exception[0] == member.phrase:
            continue
        wrong.append(
            f"{name}: Python's phrase for {code} is {member.phrase!r}; the entry's phrase and aliases "
            f"are {names!r} (add it as an alias if it is a former name, or list an exception here)"
        )
    assert not wrong, "\n".join(wrong)


@pytest.fixture(scope="module")
def node_status_codes() -> dict[int, str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH, so Node's http.STATUS_CODES cannot be compared with constants.node")
    done = subprocess.run(
        [node, "-e", "console.log(JSON.stringify(require('http').STATUS_CODES))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return {int(code): phrase for code, phrase in json.loads(done.stdout).items()}


def test_node_constants_match_status_codes(node_status_codes):
    wrong = []
    for code, (name, data) in sorted(ENTRIES.items()):
        listed, _ = _constant(data, "node")
        if listed is None:
            continue
        if code not in node_status_codes:
            wrong.append(f"{name}: constants.node is {listed!r} but Node's STATUS_CODES has no {code}")
        elif listed != node_status_codes[code]:
            wrong.append(
                f"{name}: constants.node is {listed!r}; Node's STATUS_CODES[{code}] is {node_status_codes[code]!r}"
            )
    assert not wrong, "\n".join(wrong)


def test_every_node_status_code_is_listed(node_status_codes):
    unlisted = []
    for code, phrase in sorted(node_status_codes.items()):
        if code not in ENTRIES:
            unlisted.append(f"Node lists {code} {phrase!r} but {missing(code)}")
        elif _constant(ENTRIES[code][1], "node")[0] is None:
            unlisted.append(f"{ENTRIES[code][0]}: Node lists {code} {phrase!r}; add constants.node")
    assert not unlisted, "\n".join(unlisted)
