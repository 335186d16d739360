"""One real build of the real entries per test session, shared by every test that reads the site."""

from __future__ import annotations

import pytest

from generator.model import build_reference
from generator.validate import validate_tree

from .sitebuild import ROOT, TEST_SITE_URL, BuiltSite, build


@pytest.fixture(scope="session")
def reference():
    files, report = validate_tree(ROOT / "codes", ROOT)
    assert not report, "\n".join(map(str, report.sorted()))
    return build_reference(files)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    work = tmp_path_factory.mktemp("site")
    done = build(ROOT / "codes", work / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return BuiltSite(work / "site", TEST_SITE_URL)
