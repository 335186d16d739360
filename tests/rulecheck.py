"""Run one validation rule on an entry written as text, the way `make validate` runs it."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_file
from generator.problems import Problem, Report
from generator.validate import Context


def run_rule(rule, tmp_path: Path, text: str, filename: str = "404.yaml", context: Context | None = None):
    """Problems ``rule`` reports for ``text`` saved as codes/<filename>, sorted; the entry must load cleanly."""
    codes = tmp_path / "codes"
    codes.mkdir(exist_ok=True)
    path = codes / filename
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, f"codes/{filename}")
    assert not loaded.problems and isinstance(loaded.data, dict), loaded.problems
    report = Report()
    rule.check(report, loaded, context or Context())
    return report.sorted()


def load_written(tmp_path: Path, name: str, text: str):
    """``text`` saved as ``tmp_path``/``name`` ("guide/tree.yaml") and loaded as `make validate` loads it: the
    loaded file and a Report holding its load problems (a rule runs only when there are none)."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, name)
    return loaded, Report(list(loaded.problems))


def where(problems: list[Problem]) -> list[tuple[str, int, str]]:
    """(file, line, field) of each problem, for assertions that pin the location."""
    return [(p.file, p.line, p.field) for p in problems]
