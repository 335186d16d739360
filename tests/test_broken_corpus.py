"""Every broken entry in tests/broken/cases/ gets exactly the expected problem lines, and never a traceback.

Each case (format: tests/broken/README.md) is a small patch over tests/broken/base/404.yaml. All of them run
in-process through the validation `make validate` runs; the ones marked ``cli: true`` (and the 50 MB file)
also go through the real command line, ``python -m generator build``, against a copy of a site built earlier
from good entries, which must come out byte-identical.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.pipeline import format_report
from generator.validate import Context, validate_tree
from scripts.support import build_site

from .brokencases import BASES, CASE_NAMES, CASES_DIR, CaseError, apply_patch, load_case, write_case
from .sitebuild import ROOT, build, snapshot

PROBLEM_LINE = re.compile(r"^codes/[^:]+:\d+: [^:]+: .+$")
# Read without applying the patches, so that one malformed case fails its own test, not the collection.
CLI_CASES = [name for name in CASE_NAMES if "\ncli: true" in (CASES_DIR / f"{name}.yaml").read_text(encoding="utf-8")]


def test_corpus_is_large_enough():
    assert len(CASE_NAMES) >= 30
    assert len(CLI_CASES) >= 4, "keep a handful of cases on the full command line"


def test_the_base_entries_are_valid(tmp_path):
    """A case's expected lines are only its own problems if the base it patches has none."""
    for base in sorted(BASES.glob("*.yaml")):
        codes = tmp_path / base.stem / "codes"
        codes.mkdir(parents=True)
        shutil.copy(base, codes / base.name)
        _, report = validate_tree(codes, codes.parent, Context())
        assert not report, format_report(report)


@pytest.mark.parametrize("case", CASE_NAMES)
def test_broken_entry(case, tmp_path):
    loaded = load_case(case)
    assert loaded.what.strip() and loaded.expected, "a case says what is wrong and which problems it expects"
    codes = write_case(loaded, tmp_path)
    _, report = validate_tree(codes, tmp_path, Context())
    printed = format_report(report).splitlines()
    findings = [str(problem) for problem in report.sorted()]
    assert findings == loaded.expected, f"{loaded.what}\n" + "\n".join(printed)
    assert printed[: len(findings)] == findings
    assert report, "a broken entry must stop the build (an error, not only warnings)"
    for line in findings:
        assert PROBLEM_LINE.match(line), f"not file:line: field: message: {line!r}"


def test_a_patch_must_match_exactly_once():
    """The runner refuses an edit whose old text is missing or ambiguous instead of testing the base."""
    with pytest.raises(CaseError, match="occurs 0 times"):
        apply_patch(b"code: 404\n", [{"replace": "code: 410", "with": "code: 411"}], "t")
    with pytest.raises(CaseError, match="occurs 2 times"):
        apply_patch(b"a: x\nb: x\n", [{"replace": "x", "with": "y"}], "t")
    assert apply_patch(b"a: x\n", [{"replace": "x", "with_bytes": r"F\xf6"}], "t") == b"a: F\xf6\n"


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("good")
    done = build(Path(__file__).parent / "fixtures" / "minimal", work / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "site"


def run_build(case_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The case's own codes/ (a path relative to the case), built with the project's mkdocs.yml."""
    return build_site(site_dir, codes_dir="codes", config=ROOT / "mkdocs.yml", cwd=case_dir, timeout=120)


def check_rejected(case_dir: Path, expected: list[str], good_site: Path, tmp_path: Path) -> str:
    site_dir = tmp_path / "site"
    shutil.copytree(good_site, site_dir)
    before = snapshot(site_dir)
    done = run_build(case_dir, site_dir)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output, output
    assert [line for line in output.splitlines() if PROBLEM_LINE.match(line)] == expected, output
    assert "site/ was left as it was" in output, output
    assert snapshot(site_dir) == before, "the earlier site was modified"
    assert not list(tmp_path.glob(".site.building-*")), "a staging folder was left behind"
    return output


@pytest.mark.parametrize("case", CLI_CASES)
def test_broken_entry_on_the_command_line(case, good_site, tmp_path):
    loaded = load_case(case)
    case_dir = tmp_path / case
    write_case(loaded, case_dir)
    check_rejected(case_dir, loaded.expected, good_site, tmp_path)


def test_fifty_megabyte_file(good_site, tmp_path):
    case_dir = tmp_path / "huge"
    (case_dir / "codes").mkdir(parents=True)
    with open(case_dir / "codes" / "404.yaml", "w") as handle:
        handle.write("code: 404\nphrase: Not Found\nmeaning: |\n")
        line = "  " + "x" * 98 + "\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    size = (case_dir / "codes" / "404.yaml").stat().st_size
    assert size >= 50 * 1000 * 1000
    check_rejected(
        case_dir,
        [f"codes/404.yaml:1: (file): file is {size:,} bytes; an entry must be smaller than 1,048,576 bytes"],
        good_site,
        tmp_path,
    )


def test_a_good_build_replaces_the_site(good_site, tmp_path):
    """The swap really happens on success (so the checks above are not vacuous)."""
    site_dir = tmp_path / "site"
    shutil.copytree(good_site, site_dir)
    (site_dir / "stale.txt").write_text("left over from an old build")
    case_dir = tmp_path / "good"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", case_dir / "codes")
    done = run_build(case_dir, site_dir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (site_dir / "stale.txt").exists()
    assert (site_dir / "404" / "index.html").exists()
