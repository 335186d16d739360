"""Run every rule over every entry and collect all problems."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .loader import LoadedFile, load_tree
from .problems import Report
from .registry import REGISTRY_FILE, RegistryRow, load_registry
from .rules import RULES


@dataclass
class Context:
    """Settings the rules read. ``allow_any_code`` exists for the benchmark's synthetic entries only."""

    registry: dict[int, RegistryRow] = field(default_factory=load_registry)
    registry_source: str = REGISTRY_FILE.name
    allow_any_code: bool = False
    check_registry: bool = True
    extra_known_codes: frozenset[int] = frozenset()


def validate_files(files: list[LoadedFile], context: Context | None = None) -> Report:
    context = context or Context()
    report = Report()
    for loaded in files:
        report.problems.extend(loaded.problems)
    good = [f for f in files if isinstance(f.data, dict) and not f.problems]
    # A file that failed to load still names its code: references to it are not reported a second time.
    context = replace(context, extra_known_codes=frozenset(context.extra_known_codes) | {
        int(f.path.stem) for f in files if f.problems and f.path.stem.isdigit()
    })
    for rule in RULES:
        if rule.NAME == "registry" and not context.check_registry:
            continue
        if rule.SCOPE == "file":
            for loaded in good:
                rule.check(report, loaded, context)
        else:
            rule.check(report, good, context)
    return report


def validate_tree(codes_dir: Path, root: Path | None = None, context: Context | None = None):
    """Load and validate a directory; returns (files, report)."""
    files = load_tree(codes_dir, root)
    return files, validate_files(files, context)
