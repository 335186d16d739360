"""Problems found in entries, reported as ``file:line: field: message``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


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
    """Collects problems from every rule so that all of them are shown at once."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, file: str | Path, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(str(file), line, field, message))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=lambda p: (p.file, p.line, p.field, p.message))

    def files(self) -> set[str]:
        return {p.file for p in self.problems}
