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


def where(problems: list[Problem]) -> list[tuple[str, int, str]]:
    """(file, line, field) of each problem, for assertions that pin the location."""
    return [(p.file, p.line, p.field) for p in problems]
