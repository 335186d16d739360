"""Problems found in entries, reported as ``file:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding. ``severity`` is "error" (the entry is wrong: nothing is built) or "warning" (a fact may
    have gone stale: `make validate` says so, `validate --strict` and CI fail, the build goes on)."""

    file: str
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}: {self.field}: {prefix}{self.message}"


def format_path(path: tuple) -> str:
    """Render a data path like ('examples', 0, 'response') as 'examples[0].response'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(entry)"


@dataclass
class Report:
    """Collects problems from every rule so that all of them are shown at once.

    A report is true when it holds an error; warnings alone leave it false, so they never stop a build.
    """

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(str(file), line, field, message))

    def warn(self, file: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(str(file), line, field, message, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=lambda p: (p.file, p.line, p.field, p.message))

    def files(self) -> set[str]:
        """Files with at least one error (the live preview leaves these out)."""
        return {p.file for p in self.errors}
