"""Read entry files safely and remember the line of every value.

The loader never raises for bad input: every problem becomes a ``Problem`` with file and line, so a
contributor sees all of them at once. It uses PyYAML's safe loader, refuses aliases (no "billion laughs"),
non-standard tags (no Python objects), duplicate keys, huge files and bytes that are not UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

MAX_BYTES = 1024 * 1024  # the longest real entry is ~20 KB; anything near a megabyte is a mistake


@dataclass(frozen=True)
class FileKind:
    """What a file holds, for the messages about a file that is empty, too big or not a mapping."""

    noun: str  # "an entry", "a scenario", "the guide"
    example: str  # where to see a good one
    fields: str  # its first fields, as the hint of a file that is not a mapping
    max_bytes: int = MAX_BYTES


ENTRY = FileKind("an entry", "codes/404.yaml", "code: ..., phrase: ...")

STANDARD_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class _EntryLoader(yaml.SafeLoader):
    """Safe loader that keeps dates as text and refuses aliases."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None,
                None,
                "anchors and aliases (*name) are not allowed in entries; write the value out",
                event.start_mark,
            )
        return super().compose_node(parent, index)


# Dates stay strings ("2026-11-22"), so the schema decides what a valid date is.
_EntryLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# libyaml (PyYAML's C parser) composes entries about 15x faster than the pure-Python parser, which was most
# of the generator's time. It is only used for documents that parse without error, hold no alias and do not
# nest deeply; everything else goes through _EntryLoader, so every problem is reported exactly as before.
_CSafeLoader = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_DEPTH = 50  # the C composer recurses on the C stack; deeper documents take the pure-Python path


if _CSafeLoader is not None:

    class _FastEntryLoader(_CSafeLoader):
        yaml_implicit_resolvers = _EntryLoader.yaml_implicit_resolvers


def _fast_compose(text: str):
    """(loader, root node) composed by libyaml, or None when the pure-Python loader must do it."""
    if _CSafeLoader is None:
        return None
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_FastEntryLoader):
            if isinstance(event, AliasEvent):
                return None
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > _FAST_MAX_DEPTH:
                    return None
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
        loader = _FastEntryLoader(text)
    except yaml.YAMLError:
        return None
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        root = None
    if root is None:
        loader.dispose()
        return None
    return loader, root


@dataclass
class LoadedFile:
    path: Path
    name: str  # how the file is named in messages, e.g. codes/404.yaml
    data: object = None
    value_lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: tuple) -> int:
        """Line of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.value_lines:
                return self.value_lines[path]
            path = path[:-1]
        return self.value_lines.get((), 1)

    def key_line_of(self, path: tuple) -> int:
        return self.key_lines.get(tuple(path)) or self.line_of(path)


class _Builder:
    """Turns a composed node tree into plain Python data, recording lines and rejecting odd nodes."""

    def __init__(self, loaded: LoadedFile, loader: _EntryLoader):
        self.loaded = loaded
        self.loader = loader

    def problem(self, node: Node, path: tuple, message: str) -> None:
        from .problems import format_path

        self.loaded.problems.append(Problem(self.loaded.name, node.start_mark.line + 1, format_path(path), message))

    def build(self, node: Node, path: tuple):
        self.loaded.value_lines[path] = node.start_mark.line + 1
        if node.tag not in STANDARD_TAGS:
            self.problem(node, path, f"the YAML tag {node.tag!r} is not allowed; use plain values")
            return None
        if isinstance(node, MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as error:
            self.problem(node, path, f"cannot read this value: {getattr(error, 'problem', error)}")
            return None

    def build_mapping(self, node: MappingNode, path: tuple) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.problem(key_node, path, "field names must be plain text")
                continue
            key = key_node.value
            if key == "<<":
                self.problem(key_node, path, "merge keys (<<) are not allowed; write the fields out")
                continue
            if key in result:
                first = self.loaded.key_lines[path + (key,)]
                self.problem(key_node, path + (key,), f"duplicate field (first given on line {first})")
                continue
            self.loaded.key_lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result


def load_file(path: Path, name: str | None = None, kind: FileKind = ENTRY) -> LoadedFile:
    """Load one file of ``kind`` (default: an entry); problems are collected on the returned object, never
    raised."""
    loaded = LoadedFile(path=path, name=name or str(path))

    def fail(line: int, field: str, message: str) -> LoadedFile:
        loaded.problems.append(Problem(loaded.name, line, field, message))
        return loaded

    try:
        size = path.stat().st_size
    except OSError as error:
        return fail(1, "(file)", f"cannot read file: {error.strerror}")
    if size > kind.max_bytes:
        return fail(1, "(file)", f"file is {size:,} bytes; {kind.noun} must be smaller than {kind.max_bytes:,} bytes")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(line, "(file)", f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return fail(1, "(file)", f"the file is empty; {kind.noun} is a mapping of fields (see {kind.example})")

    fast = _fast_compose(text)
    loader = fast[0] if fast else _EntryLoader(text)
    try:
        root = fast[1] if fast else loader.get_single_node()
        if root is None:
            return fail(1, "(file)", f"the file is empty; {kind.noun} is a mapping of fields (see {kind.example})")
        if not isinstance(root, MappingNode):
            shape = "a list" if isinstance(root, SequenceNode) else "a single value"
            return fail(
                root.start_mark.line + 1,
                "(file)",
                f"the file holds {shape}; {kind.noun} must be a mapping of fields ({kind.fields})",
            )
        loaded.data = _Builder(loaded, loader).build(root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = error.problem or str(error)
        opened = error.context_mark
        if error.context and opened and mark and opened.line != mark.line:
            # The parser gives up where it noticed, often lines below the bracket or quote left open.
            message += f" ({error.context} that starts on line {opened.line + 1})"
        if "\t" in message or "'\\t'" in message:
            message += " (tabs cannot indent YAML; use spaces)"
        return fail(line, "(yaml)", f"YAML syntax error: {message}")
    except yaml.YAMLError as error:
        return fail(1, "(yaml)", f"YAML error: {error}")
    except RecursionError:
        return fail(1, "(yaml)", "the YAML nests too deeply")
    finally:
        loader.dispose()
    return loaded


def load_tree(codes_dir: Path, root: Path | None = None) -> list[LoadedFile]:
    """Load every ``*.yaml`` file in ``codes_dir`` in a stable order."""
    files = sorted(p for p in codes_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [load_file(p, display_name(p, root)) for p in files]


def display_name(path: Path, root: Path | None = None) -> str:
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
