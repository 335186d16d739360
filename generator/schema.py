"""The entry JSON Schema (schema/status-code.schema.json) and walks over the fields it types."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Iterator

from .data import data_folder

SCHEMA_PATH = data_folder("schema") / "status-code.schema.json"


def load_schema() -> dict:
    """The entry schema as a dict; the same object until the file changes (the live preview watches it)."""
    return _load_schema(SCHEMA_PATH.stat().st_mtime_ns)


@lru_cache(maxsize=1)
def _load_schema(stamp: int) -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["$defs"][name]
    return node


def _kind(node: dict) -> str | None:
    ref = node.get("$ref", "")
    return ref.rsplit("/", 1)[-1] if ref.startswith("#/$defs/") else None


def iter_typed(data: object, kind: str) -> Iterator[tuple[tuple, str]]:
    """Yield (path, value) for every string in ``data`` whose schema type is ``$defs/<kind>``.

    Rules use this to find the Markdown fields (or URLs) without keeping their own list of field names,
    so a field added to the schema is checked automatically.
    """
    schema = load_schema()

    def walk(value: object, node: dict, path: tuple):
        if _kind(node) == kind and isinstance(value, str):
            yield path, value
            return
        node = _resolve(schema, node)
        if isinstance(value, dict):
            properties = node.get("properties", {})
            for key, child in value.items():
                if key in properties:
                    yield from walk(child, properties[key], path + (key,))
        elif isinstance(value, list) and "items" in node:
            for index, child in enumerate(value):
                yield from walk(child, node["items"], path + (index,))

    yield from walk(data, schema, ())


def iter_strings(value: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in ``value`` with its path, e.g. (('faq', 1, 'answer'), '...')."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, path + (index,))
