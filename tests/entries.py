"""The real entries read straight from codes/, for checks that must run even when another entry is broken."""

from __future__ import annotations

from generator.loader import load_tree

from .sitebuild import ROOT


def _entries() -> tuple[dict[int, tuple[str, dict]], dict[str, str]]:
    result, unreadable = {}, {}
    for loaded in load_tree(ROOT / "codes", ROOT):
        if isinstance(loaded.data, dict) and isinstance(loaded.data.get("code"), int):
            result[loaded.data["code"]] = (loaded.name, loaded.data)
        elif loaded.problems:
            unreadable[loaded.name] = str(loaded.problems[0])
    return result, unreadable


ENTRIES, UNREADABLE = _entries()


def missing(code: int) -> str:
    """Why there is no usable entry for ``code``: for assertion messages."""
    name = f"codes/{code}.yaml"
    return f"{name} does not load ({UNREADABLE[name]})" if name in UNREADABLE else f"{name} is missing"
