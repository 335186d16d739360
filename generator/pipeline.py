"""load -> validate -> model -> render, as one call that engines (MkDocs, the CLI, tests) share."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .interactive import load as load_interactive
from .kinds import Build, kind_named, render_all
from .model import Reference, build_reference
from .problems import Report
from .render import Page
from .rules import reason_phrase
from .seo import Site
from .validate import Context, validate_tree

# Where "Edit this page" links point unless mkdocs.yml or the command line says otherwise.
DEFAULT_EDIT_URL_BASE = "https://github.com/http-status-reference/http-status-reference/edit/main/"
# The address in mkdocs.yml when SITE_URL is not set: a placeholder deployers replace.
DEFAULT_SITE_URL = "https://http-status-codes.example/"
DEFAULT_SITE_NAME = "HTTP Status Codes"
# What llms.txt and opensearch.xml say when no engine config gives the site's description (``render --out``).
DEFAULT_SITE_DESCRIPTION = (
    "Every HTTP status code with its exact RFC section, full request/response examples, former names, "
    "related codes and how your language names it."
)


@dataclass
class Result:
    report: Report
    reference: Reference | None = None
    pages: tuple[Page, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.report

    @property
    def engine_pages(self) -> tuple[Page, ...]:
        """The pages the engine renders to HTML with the theme (their content is Markdown)."""
        return tuple(p for p in self.pages if kind_named(p.kind).engine_renders)

    @property
    def files(self) -> tuple[Page, ...]:
        """Every other output, written to the site as it is (JSON, Markdown twins, llms.txt, opensearch.xml...)."""
        return tuple(p for p in self.pages if not kind_named(p.kind).engine_renders)


def run(
    codes_dir: Path,
    root: Path,
    edit_url_base: str,
    context: Context | None = None,
    partial: bool = False,
    site: Site | None = None,
) -> Result:
    """Every output of ``codes_dir`` (pages and files, one registry of kinds: generator/kinds.py).

    ``site`` gives the name, address and description that absolute links and head metadata use (default: the
    placeholder address). With ``partial`` (live preview), files with problems are left out and the rest is
    still rendered, plus a page listing each broken file's problems; otherwise any problem means no pages.
    The guide and scenarios next to ``codes_dir`` (guide/, scenarios/) are validated with the entries; in the
    preview, one with problems is left out.
    """
    files, report, interactive = validate_all(codes_dir, root, context)
    if report and not partial:
        return Result(report)
    broken = report.files()
    reference = build_reference([f for f in files if f.name not in broken])
    site = site or Site(DEFAULT_SITE_NAME, DEFAULT_SITE_URL, DEFAULT_SITE_DESCRIPTION)
    pages = render_all(Build(reference, site, edit_url_base, report, partial, interactive))
    return Result(report, reference, tuple(pages))


def validate_all(codes_dir: Path, root: Path | None, context: Context | None = None):
    """Validate the entries, then the guide and scenarios kept next to ``codes_dir`` (guide/, scenarios/);
    returns (entry files, one Report with every problem, the Interactive data that loaded cleanly)."""
    context = context or Context()
    files, report = validate_tree(codes_dir, root, context)
    known = {f.data.get("code") for f in files if isinstance(f.data, dict)}
    known |= {int(f.path.stem) for f in files if f.path.stem.isdigit()}
    good = [f for f in files if not f.problems]
    context = replace(context, code_names=context.code_names or reason_phrase.code_names(good, context.registry))
    interactive, extra = load_interactive(
        codes_dir.resolve().parent, {c for c in known if isinstance(c, int)}, context, root
    )
    return files, Report(report.problems + extra.problems), interactive


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
