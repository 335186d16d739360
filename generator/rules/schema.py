"""Every entry matches schema/status-code.schema.json (types, required fields, unknown keys)."""

from __future__ import annotations

import difflib

import jsonschema

from ..problems import format_path
from ..schema import load_schema

NAME = "schema"
DESCRIPTION = "fields, types and formats match the JSON Schema; no unknown or misspelled fields"
SCOPE = "file"

_TYPE_NAMES = {
    "integer": "a whole number",
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "boolean": "true or false",
    "number": "a number",
}


_built: tuple[dict, jsonschema.Draft202012Validator] | None = None


def _validator() -> jsonschema.Draft202012Validator:
    """One validator per schema (building it checks and indexes the whole schema), not one per file."""
    global _built
    schema = load_schema()
    if _built is None or _built[0] is not schema:
        _built = (schema, jsonschema.Draft202012Validator(schema))
    return _built[1]


def _describe(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _leaf_errors(error):
    """Expand combinators so each concrete failure is reported on its own."""
    if error.context and error.validator in ("anyOf", "oneOf", "allOf"):
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def check(report, loaded, context) -> None:
    for top in _validator().iter_errors(loaded.data):
        for error in _leaf_errors(top):
            _report(report, loaded, error)


def _report(report, loaded, error) -> None:
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        for missing in error.validator_value:
            if isinstance(error.instance, dict) and missing not in error.instance:
                report.add(loaded.name, loaded.line_of(path), format_path(path + (missing,)), "required field missing")
        return
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for key in error.instance:
            if key in known:
                continue
            hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known fields: {', '.join(known)}"
            report.add(
                loaded.name,
                loaded.key_line_of(path + (key,)),
                format_path(path + (key,)),
                f"unknown field '{key}'{suggestion}",
            )
        return
    line = loaded.line_of(path)
    field = format_path(path)
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        message = f"expected {expected}, got {_describe(error.instance)}"
        if isinstance(error.instance, bool) and "string" in str(error.validator_value):
            message += ' (YAML reads Yes/No/On/Off as true/false: quote it, "Yes")'
    elif kind == "enum":
        message = f"must be one of: {', '.join(map(str, error.validator_value))} (got {error.instance!r})"
    elif kind == "const":
        message = f"must be {error.validator_value!r}"
    elif kind == "pattern":
        what = error.schema.get("description", f"must match {error.validator_value}")
        message = f"{error.instance!r} is not in the expected format: {what}"
    elif kind == "minLength":
        message = f"too short: at least {error.validator_value} characters (has {len(error.instance)})"
    elif kind == "maxLength":
        message = f"too long: at most {error.validator_value} characters (has {len(error.instance)})"
    elif kind == "minItems":
        message = f"needs at least {error.validator_value} item(s)"
    elif kind in ("maxItems", "maxProperties"):
        message = f"too many: at most {error.validator_value} (has {len(error.instance)})"
    elif kind == "minProperties":
        message = f"needs at least {error.validator_value} item(s)"
    elif kind == "uniqueItems":
        message = "items must not repeat"
    elif kind in ("minimum", "maximum"):
        message = f"out of range: {error.message}"
    else:
        message = error.message
    report.add(loaded.name, line, field, message)
