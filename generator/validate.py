"""Run every rule over every entry and collect all problems."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .constants import ConstantsTable, load_table
from .loader import LoadedFile, load_tree
from .problems import Report
from .registry import REGISTRY_FILE, RegistryRow, load_registry
from .rfc_index import load_rfc_index
from .rules import RULES, reason_phrase


@dataclass
class Context:
    """Settings the rules read.

    ``skip_rules`` names rules (their ``NAME``) not to run: the benchmark's synthetic entries (codes such as
    4041) skip ``filename``, ``code-range``, ``registry`` and ``cacheable``. Raises ``ValueError`` for a name
    no rule has.
    """

    registry: dict[int, RegistryRow] = field(default_factory=load_registry)
    registry_source: str = REGISTRY_FILE.name
    rfc_index: dict[str, dict] = field(default_factory=load_rfc_index)
    skip_rules: frozenset[str] = frozenset()
    extra_known_codes: frozenset[int] = frozenset()
    # The names each code goes by (reason-phrase rule); filled from the entries by validate_files.
    code_names: dict[int, frozenset[str]] = field(default_factory=dict)
    # The one place validation reads the clock: the dates rule warns about dated facts that have passed.
    today: date = field(default_factory=date.today)
    constants: ConstantsTable = field(default_factory=load_table)

    def __post_init__(self):
        unknown = sorted(set(self.skip_rules) - {rule.NAME for rule in RULES})
        if unknown:
            names = ", ".join(rule.NAME for rule in RULES)
            raise ValueError(f"no rule named {', '.join(map(repr, unknown))} (the rules: {names})")


def validate_files(files: list[LoadedFile], context: Context | None = None) -> Report:
    context = context or Context()
    report = Report()
    for loaded in files:
        report.problems.extend(loaded.problems)
    good = [f for f in files if isinstance(f.data, dict) and not f.problems]
    # A file NNN.yaml names its code even when it failed to load or its `code` field is broken: references to
    # it are not reported again as "no entry" (the file's own problem is the one to fix).
    context = replace(
        context,
        extra_known_codes=frozenset(context.extra_known_codes)
        | {int(f.path.stem) for f in files if f.path.stem.isdigit()},
        code_names=context.code_names or reason_phrase.code_names(good, context.registry),
    )
    for rule in RULES:
        if rule.NAME in context.skip_rules:
            continue
        if rule.SCOPE == "file":
            for loaded in good:
                _run(rule, report, loaded, context, loaded.name)
        else:
            _run(rule, report, good, context, str(Path(good[0].name).parent) if good else "(no files)")
    return report


def _run(rule, report: Report, target, context: Context, name: str) -> None:
    """Run one rule; a rule that raises becomes a problem naming the rule and the file, never a traceback."""
    try:
        rule.check(report, target, context)
    except Exception as error:  # noqa: BLE001 - a bug in a rule must not hide every other problem
        report.add(name, 1, "(rule)", f"rule {rule.NAME} crashed: {type(error).__name__}: {error}; please report")


def validate_tree(codes_dir: Path, root: Path | None = None, context: Context | None = None):
    """Load every NNN.yaml in ``codes_dir`` and run every rule; returns (files, report).

    File names in the report are relative to ``root`` (default: the current folder). Never raises for bad
    input: every problem is in the report.
    """
    files = load_tree(codes_dir, root)
    return files, validate_files(files, context)
