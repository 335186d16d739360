"""The JSON Schema serves editors: every entry points at it, and every field explains itself on hover."""

from __future__ import annotations

import json

from .sitebuild import ROOT

SCHEMA = ROOT / "schema" / "status-code.schema.json"
MODELINE = "# yaml-language-server: $schema=../schema/status-code.schema.json"


def _properties(node: dict, path: str = ""):
    for name, child in node.get("properties", {}).items():
        yield f"{path}.{name}".lstrip("."), child
        yield from _properties(child, f"{path}.{name}")
    if "items" in node:
        yield from _properties(node["items"], f"{path}[]")


def test_every_property_has_a_description():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    nodes = list(_properties(schema))
    for name, definition in schema["$defs"].items():
        nodes += list(_properties(definition, f"$defs.{name}"))
    assert len(nodes) > 50
    undocumented = [path for path, node in nodes if not node.get("description")]
    assert undocumented == []


def test_every_entry_starts_with_the_schema_modeline():
    entries = sorted((ROOT / "codes").glob("*.yaml"))
    assert entries
    without = [p.name for p in entries if p.read_text(encoding="utf-8").splitlines()[0] != MODELINE]
    assert without == []
    assert (ROOT / "codes" / MODELINE.split("=", 1)[1]).resolve() == SCHEMA.resolve()
