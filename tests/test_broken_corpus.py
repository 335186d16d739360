"""Every broken entry in tests/broken/ gets a clear error and leaves a good site/ untouched.

Each case is a folder with ``codes/`` (the bad input), ``README`` (what is wrong) and ``expected.txt``
(every ``file:line: field: message`` the validator must print). The cases run through the real command
line, ``python -m generator build``, against a copy of a site built earlier from good entries.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .sitebuild import ROOT, build, snapshot, write_config

CORPUS = Path(__file__).parent / "broken"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").exists())


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("good")
    done = build(Path(__file__).parent / "fixtures" / "minimal", work / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "site"


def run_build(case_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    config = write_config(case_dir, case_dir / "codes")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--codes",
            "codes",
            "build",
            "--config",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        cwd=case_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_rejected(case_dir: Path, expected: list[str], good_site: Path, tmp_path: Path) -> str:
    site_dir = tmp_path / "site"
    shutil.copytree(good_site, site_dir)
    before = snapshot(site_dir)
    done = run_build(case_dir, site_dir)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output, output
    lines = output.splitlines()
    for message in expected:
        assert message in lines, f"missing {message!r} in:\n{output}"
    assert snapshot(site_dir) == before, "the earlier site was modified"
    assert not list(tmp_path.glob(".site.building-*")), "a staging folder was left behind"
    return output


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_broken_entry(case, good_site, tmp_path):
    case_dir = tmp_path / case
    shutil.copytree(CORPUS / case, case_dir)
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, "a case must say which errors it expects"
    output = check_rejected(case_dir, expected, good_site, tmp_path)
    # Every problem line names a file, a line number and a field.
    for line in output.splitlines():
        if line.startswith("codes/"):
            file, number, field, message = line.split(":", 3)
            assert number.isdigit() and field.strip() and message.strip(), line


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
