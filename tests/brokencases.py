"""The bad-input corpus: each ``tests/broken/cases/<name>.yaml`` is a small patch over a base entry in
``tests/broken/base/`` plus the exact problem lines the validator must print (format: tests/broken/README.md).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "broken"
BASES = CORPUS / "base"
CASES_DIR = CORPUS / "cases"
CASE_NAMES = sorted(p.stem for p in CASES_DIR.glob("*.yaml"))
_CASE_KEYS = {"what", "base", "patch", "files", "cli", "expected"}


class CaseError(Exception):
    """A case file that does not follow the format (the message names the case and what is wrong)."""


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    files: dict[str, bytes]  # file name in codes/ -> bytes to write
    expected: list[str]  # every problem line, in the order the validator prints them
    cli: bool  # also run through `python -m generator build`


def _edit_bytes(edit: object, where: str) -> tuple[bytes, bytes]:
    if not isinstance(edit, dict) or "replace" not in edit or len(set(edit) & {"with", "with_bytes"}) != 1:
        raise CaseError(f"{where}: an edit is {{replace: old text, with: new text}} (or with_bytes:), got {edit!r}")
    if set(edit) - {"replace", "with", "with_bytes"}:
        raise CaseError(f"{where}: unknown keys {sorted(set(edit) - {'replace', 'with', 'with_bytes'})}")
    old = str(edit["replace"]).encode("utf-8")
    if "with" in edit:
        return old, str(edit["with"]).encode("utf-8")
    # with_bytes: ASCII text in which \xNN stands for the single byte NN (to write bytes that are not UTF-8).
    return old, str(edit["with_bytes"]).encode("ascii").decode("unicode_escape").encode("latin-1")


def apply_patch(base: bytes, edits: object, where: str) -> bytes:
    """Apply ``[{replace: old, with: new}, ...]`` in order; each ``old`` must occur exactly once.

    Raises CaseError naming ``where`` when an edit is malformed or its old text is missing or ambiguous.
    """
    if not isinstance(edits, list):
        raise CaseError(f"{where}: patch must be a list of edits")
    result = base
    for number, edit in enumerate(edits):
        old, new = _edit_bytes(edit, f"{where}[{number}]")
        count = result.count(old)
        if count != 1:
            raise CaseError(f"{where}[{number}]: {edit['replace']!r} occurs {count} times; it must occur once")
        result = result.replace(old, new)
    return result


def load_case(name: str) -> Case:
    """Read ``tests/broken/cases/<name>.yaml`` into the files it describes; raises CaseError if malformed."""
    path = CASES_DIR / f"{name}.yaml"
    where = path.relative_to(CORPUS.parent.parent).as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CaseError(f"{where}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or set(data) - _CASE_KEYS:
        raise CaseError(f"{where}: a case is a mapping with keys from {sorted(_CASE_KEYS)}")
    if not isinstance(data.get("what"), str) or not isinstance(data.get("expected"), str):
        raise CaseError(f"{where}: 'what' (one sentence) and 'expected' (a block of problem lines) are required")
    base_name = data.get("base", "404.yaml")
    base = (BASES / base_name).read_bytes()
    files: dict[str, bytes] = {}
    if "patch" in data:
        files[base_name] = apply_patch(base, data["patch"], f"{where}: patch")
    for file_name, spec in (data.get("files") or {}).items():
        if isinstance(spec, str):
            files[file_name] = spec.encode("utf-8")
        elif isinstance(spec, dict) and set(spec) == {"patch"}:
            files[file_name] = apply_patch(base, spec["patch"], f"{where}: files.{file_name}.patch")
        elif isinstance(spec, dict) and set(spec) == {"base64"}:
            files[file_name] = base64.b64decode(spec["base64"], validate=True)
        else:
            raise CaseError(f"{where}: files.{file_name} must be text, {{patch: [...]}} or {{base64: ...}}")
    if not files:
        raise CaseError(f"{where}: a case needs a 'patch' or 'files'")
    expected = data["expected"].splitlines()
    return Case(name, data["what"], files, expected, bool(data.get("cli", False)))


def write_case(case: Case, directory: Path) -> Path:
    """Write the case's files into ``directory/codes/`` and return that folder."""
    codes = directory / "codes"
    codes.mkdir(parents=True)
    for file_name, content in case.files.items():
        (codes / file_name).write_bytes(content)
    return codes
