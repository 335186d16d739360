"""One real build of the real entries per test session, shared by every test that reads the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import build_reference
from generator.validate import validate_tree

from .sitebuild import ROOT, TEST_SITE_URL, BuiltSite, build

BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ is a browser test (``make test-fast`` leaves them out)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


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
