"""One source of configuration: the command line hands --codes and --skip-rule to the plugin's own options,
which MkDocs checks (the folder must exist) and resolves relative to mkdocs.yml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.mkdocs_build import load_config

from .sitebuild import ROOT, build

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_codes_dir_is_a_path_relative_to_the_config_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not where mkdocs.yml is: the path must not depend on the current folder
    config = load_config(ROOT / "mkdocs.yml")
    assert Path(config.plugins["statuscodes"].config.codes_dir) == ROOT / "codes"


def test_a_codes_folder_that_does_not_exist_is_a_config_error(tmp_path):
    # The project's own config, docs and theme overrides, beside no codes/ folder.
    config = tmp_path / "mkdocs.yml"
    shutil.copyfile(ROOT / "mkdocs.yml", config)
    for name in ("docs", "overrides"):
        (tmp_path / name).symlink_to(ROOT / name)
    site = tmp_path / "site"
    done = cli("build", "--config", str(config), "--site-dir", str(site))
    assert done.returncode == 1
    assert "option 'codes_dir'" in done.stderr and "isn't an existing directory" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and not site.exists()


def test_a_missing_config_file_is_reported_without_a_traceback(tmp_path):
    done = cli("build", "--config", str(tmp_path / "nowhere.yml"), "--site-dir", "site", cwd=tmp_path)
    assert done.returncode == 1 and "nowhere.yml: cannot read the config file" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_the_build_reads_the_folder_given_with_codes(tmp_path):
    """--codes reaches the plugin: a build of a one-entry folder has that one code page."""
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    done = build(codes, tmp_path / "site")
    assert done.returncode == 0, done.stdout
    pages = sorted(p.parent.name for p in (tmp_path / "site").glob("[0-9][0-9][0-9]/index.html"))
    assert pages == sorted(p.stem for p in codes.glob("*.yaml"))


def test_validate_and_build_read_the_same_folder(tmp_path):
    """A broken entry in the --codes folder fails both, with the same message."""
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    entry = codes / "404.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("code: 404", "code: 405"), encoding="utf-8")
    validated = cli("--codes", "codes", "validate", cwd=tmp_path)
    built = cli("--codes", "codes", "build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site", cwd=tmp_path)
    message = "codes/404.yaml:2: code: code 405 does not match the file name 404.yaml"
    assert validated.returncode == 1 and message in validated.stderr, validated.stderr
    assert built.returncode == 1 and message in built.stderr, built.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("command", ["validate", "build"])
def test_an_unknown_rule_to_skip_is_refused(command, tmp_path):
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    config = ["--config", str(ROOT / "mkdocs.yml"), "--site-dir", "site"] if command == "build" else []
    done = cli("--codes", str(codes), "--skip-rule", "no-such-rule", command, *config, cwd=tmp_path)
    assert done.returncode != 0
    assert "no rule named 'no-such-rule'" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_skipped_rules_are_not_run(tmp_path):
    """The one setting that replaces the benchmark's flags: a synthetic entry 4041 passes with its three rules
    skipped, and is refused without."""
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    text = (codes / "404.yaml").read_text(encoding="utf-8")
    (codes / "4041.yaml").write_text(text.replace("code: 404", "code: 4041"), encoding="utf-8")
    refused = cli("--codes", "codes", "validate", cwd=tmp_path)
    assert refused.returncode == 1 and "codes/4041.yaml" in refused.stderr
    skips = ["--skip-rule", "filename", "--skip-rule", "code-range", "--skip-rule", "registry"]
    accepted = cli("--codes", "codes", *skips, "validate", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
