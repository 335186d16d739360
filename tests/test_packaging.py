"""A plain (non-editable) install works outside the repository, and the site also builds with ProperDocs.

One fresh virtual environment gets ``pip install '.[properdocs]'`` from a copy of the project (so that
nothing is built inside the repository); the generator then runs from another folder, and ProperDocs
(the pinned fork of MkDocs 1.6) builds the project's mkdocs.yml with the same plugin and theme.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .sitebuild import ROOT, TEST_SITE_URL, BuiltSite
from .test_httpstatus_cli import check_commands

pytestmark = pytest.mark.slow  # creates a virtual environment and installs every dependency into it

# What a wheel is built from (pyproject.toml lists the packages and their data).
PROJECT_FILES = ("pyproject.toml", "generator", "schema", "reference", "codes")


def run(command: list, cwd: Path, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    environment.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    source.mkdir()
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(ROOT / name, source / name)
    env = work / "venv"
    made = run([sys.executable, "-m", "venv", str(env)], cwd=work)
    assert made.returncode == 0, made.stderr
    pip = [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    installed = run(pip + [f"{source}[properdocs]"], cwd=work)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    shutil.rmtree(source)  # the installed copy must not lean on the source it was built from
    return env


def test_the_installed_generator_runs_outside_the_repository(venv, tmp_path):
    python = str(venv / "bin" / "python")
    where = run([python, "-c", "import generator; print(generator.__file__)"], cwd=tmp_path)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr
    done = run([python, "-m", "generator", "--codes", str(ROOT / "codes"), "validate"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    count = len(list((ROOT / "codes").glob("*.yaml")))
    scenarios = len(list((ROOT / "scenarios").glob("*.yaml")))
    # The message says what was checked: the guide and scenarios next to codes/ too.
    assert done.stdout.strip() == f"{count} entries, the guide and {scenarios} scenarios valid"
    # guide/ and scenarios/ are the project's, read next to its codes/ (not shipped in the wheel); the wheel
    # carries their schemas, so the installed generator checks them.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "codes", project / "codes")
    shutil.copytree(ROOT / "scenarios", project / "scenarios")
    (project / "guide").mkdir()
    (project / "guide" / "tree.yaml").write_text("title: Which code?\nstart: start\n", encoding="utf-8")
    broken = run([python, "-m", "generator", "--codes", "codes", "validate"], cwd=project)
    assert broken.returncode == 1 and "guide/tree.yaml:1: questions: " in broken.stderr, broken.stderr
    assert "scenarios/" not in broken.stderr and "Traceback" not in broken.stderr


def test_the_installed_httpstatus_command_works_outside_the_repository(venv, tmp_path):
    """``pip install .`` gives the ``httpstatus`` command, with the entries inside the package (the source
    folder it was built from is gone)."""
    check_commands(venv / "bin" / "httpstatus", cwd=tmp_path)


def test_properdocs_builds_the_same_pages(venv, tmp_path, site: BuiltSite):
    out = tmp_path / "site"
    done = run(
        [str(venv / "bin" / "properdocs"), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=tmp_path,
        SITE_URL=TEST_SITE_URL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert BuiltSite(out, TEST_SITE_URL).pages == site.pages
    assert "Not Found" in (out / "404" / "index.html").read_text(encoding="utf-8")
