"""The runner: a rule that raises is reported as a problem naming the rule and the file, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator import validate
from generator.loader import load_tree

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


class CrashingFileRule:
    NAME = "crashing-file-rule"
    DESCRIPTION = "raises on every entry"
    SCOPE = "file"

    @staticmethod
    def check(report, loaded, context):
        raise KeyError("examples")


class CrashingTreeRule:
    NAME = "crashing-tree-rule"
    DESCRIPTION = "raises once for the tree"
    SCOPE = "tree"

    @staticmethod
    def check(report, files, context):
        raise ZeroDivisionError("division by zero")


def test_crashing_rules_become_problems_and_the_other_rules_still_run(monkeypatch):
    files = load_tree(FIXTURE, FIXTURE.parent)
    monkeypatch.setattr(validate, "RULES", [CrashingFileRule, CrashingTreeRule, *validate.RULES])
    # Another rule still reports: the crash does not hide it.
    files[0].data["cacheable"] = False
    problems = [str(p) for p in validate.validate_files(files).sorted()]
    assert problems == [
        "minimal:1: (rule): rule crashing-tree-rule crashed: ZeroDivisionError: division by zero; please report",
        "minimal/404.yaml:1: (rule): rule crashing-file-rule crashed: KeyError: 'examples'; please report",
        "minimal/404.yaml:97: cacheable: cacheable is false; it should be true "
        "(RFC 9110 §15.1 makes 404 heuristically cacheable)",
    ]


def test_command_line_prints_a_crash_as_a_problem(tmp_path):
    # The real `python -m generator validate`, with a rule patched to raise inside the same interpreter.
    script = (
        "import sys\n"
        "from generator import validate\n"
        "from generator.rules import placeholders\n"
        "def boom(report, loaded, context):\n"
        "    raise RuntimeError('unexpected shape')\n"
        "placeholders.check = boom\n"
        "from generator.__main__ import main\n"
        f"sys.exit(main(['--codes', {str(FIXTURE)!r}, 'validate']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output, output
    assert "404.yaml:1: (rule): rule placeholders crashed: RuntimeError: unexpected shape; please report" in output


def test_a_broken_code_field_is_reported_once_not_as_a_missing_entry_everywhere(tmp_path):
    """codes/404.yaml exists but its `code` is text: other entries that relate to 404 are not told that 404
    has no entry; the one problem to fix is the field itself."""
    from tests.brokencases import BASES

    codes = tmp_path / "codes"
    codes.mkdir()
    base = (BASES / "404.yaml").read_text(encoding="utf-8")
    (codes / "404.yaml").write_text(base.replace("code: 404", 'code: "404"', 1), encoding="utf-8")
    other = (BASES / "499.yaml").read_text(encoding="utf-8")
    related = "related:\n  - code: 404\n    why: 404 is registered; 499 is not.\n"
    (codes / "499.yaml").write_text(other.replace("related: []\n", related, 1), encoding="utf-8")
    _, report = validate.validate_tree(codes, tmp_path)
    assert [str(p) for p in report.sorted()] == ["codes/404.yaml:2: code: expected a whole number, got text"]
