"""``httpstatus``: look HTTP status codes up from a terminal, offline, from the same entries as the site.

Installed as a console script by ``pip install .`` (pyproject.toml ``[project.scripts]``). Exit status:
0 found, 1 nothing matches (or the installed data cannot be read), 2 usage error (Click's convention).
"""

from __future__ import annotations

import json
import os
import sys
import textwrap

import click

from . import api
from .lookup import CODE_QUERY, DataError, find_class, load_reference, search
from .model import Entry, Reference

DEFAULT_SITE_URL = "https://http-status-codes.example/"  # mkdocs.yml's placeholder; SITE_URL overrides it

EPILOG = """\b
Examples:
  httpstatus 404              one code: phrase, standing, summary, specification, page
  httpstatus "rate limit"     search names, former names and keywords, best match first
  httpstatus 4xx              every code of a class
  httpstatus --json 429       the API document (/api/v1/429.json) of one code
"""


def _site_url() -> str:
    url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(
        text, width=100, initial_indent=f"{label:<11}", subsequent_indent=" " * 11, break_on_hyphens=False
    )


def _class_line(entry: Entry, code_class) -> str:
    if code_class is None:
        return "none (outside 100-599: not a status code)"
    if entry.standing == "warn-code":
        # Listed with its first digit's class on the site, but a warn-code (RFC 7234 §5.5) has no class.
        return f"none (a Warning header code, listed under {code_class.id})"
    return code_class.title


def _standing_tag(entry: Entry) -> str:
    """Nothing for a permanent registration, else the standing in brackets (unofficial, warn-code, ...)."""
    return "" if entry.standing == "permanent" else f"  [{entry.standing_label}]"


def describe(entry: Entry, reference: Reference, site_url: str) -> str:
    """The text ``httpstatus NNN`` prints for one entry."""
    code_class = reference.class_of(entry)
    lines = [
        entry.title,
        _wrap("Standing:", entry.standing_label),
        _wrap("Class:", _class_line(entry, code_class)),
    ]
    if entry.common_name and entry.registered:
        lines.append(_wrap("Registered:", entry.phrase))
    if entry.aliases:
        lines.append(_wrap("Formerly:", ", ".join(entry.aliases)))
    lines.append(_wrap("Summary:", entry.summary))
    if entry.spec:
        lines.append(_wrap("Spec:", f"{entry.spec.label} {entry.spec.url}"))
    elif entry.standing == "not-a-status-code":
        lines.append(_wrap("Spec:", "none (RFC 9110 §15 allows only 100-599)"))
    else:
        lines.append(_wrap("Spec:", "none (unofficial, vendor-specific)"))
    lines.append(_wrap("Page:", api.page_url(site_url, entry)))
    return "\n".join(lines)


def _one_line(entry: Entry, width: int = 100) -> str:
    return textwrap.shorten(f"{entry.number}  {entry.name} - {entry.summary}", width=width, placeholder="...")


def _emit_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _not_found(message: str) -> None:
    click.echo(f"httpstatus: {message}", err=True)
    click.echo('Try a code (httpstatus 404), a class (httpstatus 4xx) or words (httpstatus "not found").', err=True)
    click.echo(f"To choose the code a server should send: {_site_url()}guide/", err=True)
    sys.exit(1)


@click.command(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the API document(s) as JSON instead of text.")
@click.option("-n", "--limit", default=10, show_default=True, type=click.IntRange(1, 200), help="Most matches to list.")
@click.version_option(package_name="http-status-reference", prog_name="httpstatus")
def main(query: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Look up HTTP status codes by number, class or words, offline.

    QUERY is a code (404), a class (4xx) or words from a name, former name or keyword ("rate limit").
    """
    text = " ".join(query).strip()
    if not text:
        raise click.UsageError("QUERY is empty; give a code, a class or words")
    try:
        reference = load_reference()
    except DataError as error:
        click.echo(f"httpstatus: cannot read the installed entries:\n{error}", err=True)
        sys.exit(1)
    site_url = _site_url()

    if CODE_QUERY.match(text):
        entry = reference.by_code.get(int(text))
        if entry is None:
            _not_found(f"no entry for status code {text} ({len(reference.entries)} codes are known)")
        if as_json:
            _emit_json(api.entry_document(entry, reference, site_url))
        else:
            click.echo(describe(entry, reference, site_url))
        return

    code_class = find_class(reference, text)
    if code_class is not None:
        if as_json:
            _emit_json([api.summary_fields(e, reference, site_url) for e in code_class.entries])
            return
        click.echo(f"{code_class.title}: {code_class.description}\n")
        for entry in code_class.entries:
            click.echo(_one_line(entry) + _standing_tag(entry))
        return

    matches = search(reference, text, limit)
    if not matches:
        _not_found(f"nothing matches {text!r}")
    if as_json:
        _emit_json([api.summary_fields(m.entry, reference, site_url) for m in matches])
        return
    for match in matches:
        click.echo(f"{_one_line(match.entry, 90)}\n      matched {match.why}")


if __name__ == "__main__":
    main()
