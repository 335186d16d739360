"""Run every rule over every entry and collect all problems."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .loader import LoadedFile, load_tree
from .problems import Report
from .registry import REGISTRY_FILE, RegistryRow, load_registry
from .rfc_index import load_rfc_index
from .rules import RULES
from .schema import SCHEMA_PATH


@dataclass
class Context:
    """Settings the rules read. ``allow_any_code`` exists for the benchmark's synthetic entries only."""

    registry: dict[int, RegistryRow] = field(default_factory=load_registry)
    registry_source: str = REGISTRY_FILE.name
    rfc_index: dict[str, dict] = field(default_factory=load_rfc_index)
    allow_any_code: bool = False
    check_registry: bool = True
    extra_known_codes: frozenset[int] = frozenset()
    # The one place validation reads the clock: the dates rule warns about dated facts that have passed.
    today: date = field(default_factory=date.today)


def validate_files(files: list[LoadedFile], context: Context | None = None) -> Report:
    context = context or Context()
    report = Report()
    for loaded in files:
        report.problems.extend(loaded.problems)
    good = [f for f in files if isinstance(f.data, dict) and not f.problems]
    # A file that failed to load still names its code: references to it are not reported a second time.
    context = replace(
        context,
        extra_known_codes=frozenset(context.extra_known_codes)
        | {int(f.path.stem) for f in files if f.problems and f.path.stem.isdigit()},
    )
    for rule in RULES:
        if rule.NAME in REGISTRY_RULES and not context.check_registry:
            continue
        if rule.SCOPE == "file":
            for loaded in good:
                _run(rule, report, loaded, context, loaded.name)
        else:
            _run(rule, report, good, context, str(Path(good[0].name).parent) if good else "(no files)")
    return report


# Rules that compare an entry's code with the registry's facts about that code (skipped for synthetic codes).
REGISTRY_RULES = {"registry", "cacheable"}


def _run(rule, report: Report, target, context: Context, name: str) -> None:
    """Run one rule; a rule that raises becomes a problem naming the rule and the file, never a traceback."""
    try:
        rule.check(report, target, context)
    except Exception as error:  # noqa: BLE001 - a bug in a rule must not hide every other problem
        report.add(name, 1, "(rule)", f"rule {rule.NAME} crashed: {type(error).__name__}: {error}; please report")


_last_result: tuple[tuple, tuple] | None = None


def _fingerprint(codes_dir: Path, root: Path | None, context: Context) -> tuple:
    """Changes whenever an input of validation changes: any entry file, the schema or the registry."""
    inputs = sorted(p for p in codes_dir.iterdir() if p.is_file()) + [SCHEMA_PATH, REGISTRY_FILE]
    stats = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in inputs)
    return (
        str(codes_dir.resolve()),
        str((root or Path.cwd()).resolve()),
        context.allow_any_code,
        context.check_registry,
        context.extra_known_codes,
        context.registry_source,
        stats,
    )


def validate_tree(codes_dir: Path, root: Path | None = None, context: Context | None = None):
    """Load and validate a directory; returns (files, report).

    `python -m generator build` validates, then runs MkDocs in the same process, whose plugin validates
    the same unchanged tree again: the last result is reused when no input changed since.
    """
    global _last_result
    context = context or Context()
    key = _fingerprint(codes_dir, root, context)
    if _last_result is not None and _last_result[0] == key:
        return _last_result[1]
    files = load_tree(codes_dir, root)
    result = (files, validate_files(files, context))
    _last_result = (key, result)
    return result
