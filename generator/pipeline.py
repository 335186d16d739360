"""load -> validate -> model -> render, as one call that engines (MkDocs, the CLI, tests) share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Reference, build_reference
from .problems import Report
from .render import Page, render_pages, render_problem_pages
from .validate import Context, validate_tree

# Where "Edit this page" links point unless mkdocs.yml or the command line says otherwise.
DEFAULT_EDIT_URL_BASE = "https://github.com/http-status-reference/http-status-reference/edit/main/"
# The address in mkdocs.yml when SITE_URL is not set: a placeholder deployers replace.
DEFAULT_SITE_URL = "https://http-status-codes.example/"


@dataclass
class Result:
    report: Report
    reference: Reference | None = None
    pages: tuple[Page, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.report


def run(
    codes_dir: Path, root: Path, edit_url_base: str, context: Context | None = None, partial: bool = False
) -> Result:
    """Build pages from ``codes_dir``. With ``partial`` (live preview), files with problems are left out
    and the rest is still rendered; otherwise any problem means no pages."""
    files, report = validate_tree(codes_dir, root, context)
    if report and not partial:
        return Result(report)
    broken = report.files()
    reference = build_reference([f for f in files if f.name not in broken])
    pages = render_pages(reference, edit_url_base)
    if partial:
        taken = {page.src_uri for page in pages}
        pages += [page for page in render_problem_pages(report) if page.src_uri not in taken]
    return Result(report, reference, tuple(pages))


def format_report(report: Report) -> str:
    """Every finding as ``file:line: field: message``, sorted, then a count of errors and of warnings."""
    findings = report.sorted()
    lines = [str(p) for p in findings]
    errors = [p for p in findings if p.severity == "error"]
    if errors:
        lines.append(f"{len(errors)} problem(s) in {len({p.file for p in errors})} file(s)")
    warnings = len(findings) - len(errors)
    if warnings:
        lines.append(f"{warnings} warning(s): dated facts to re-check (the site still builds)")
    return "\n".join(lines)
