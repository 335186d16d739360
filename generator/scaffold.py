"""`make new CODE=425`: write codes/425.yaml with every field, prefilled from the vendored registry.

A code the registry lacks gets a vendor section (standing ``unofficial``); a number outside 100-599 that logs
show (000, 999) gets ``standing: not-a-status-code``, the only standing the ``code-range`` rule allows there.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from .registry import load_registry

TODO = "TODO"


def _q(value: str) -> str:
    # JSON strings are valid YAML scalars and need no thought about quoting.
    return json.dumps(value, ensure_ascii=False)


def render_scaffold(code: int, today: str) -> str:
    row = load_registry().get(code)
    lines = [
        "# yaml-language-server: $schema=../schema/status-code.schema.json",
        "# Scaffolded by `make new`. Replace every TODO (validation rejects entries that still contain one);",
        "# delete optional fields you do not need. CONTRIBUTING.md explains each field.",
        f"code: {code}",
    ]
    if row:
        lines += [
            f"phrase: {_q(row.phrase)}  # exactly as registered by IANA",
            "aliases: []  # former names, e.g. Payload Too Large",
            "keywords:  # what people type to find this page (lower case)",
            f"  - {_q(TODO + ' keyword')}",
            f"standing: {row.status}",
            "spec:",
            f"  document: {_q(row.document)}",
        ]
        if row.section:
            lines.append(f"  section: {_q(row.section)}")
        lines.append(f"  url: {row.url}")
    else:
        lines += [
            f"phrase: {_q(TODO + ' phrase the vendor uses')}",
            "aliases: []",
            "keywords:",
            f"  - {_q(TODO + ' keyword')}",
            f"standing: {'unofficial' if 100 <= code <= 599 else 'not-a-status-code'}",
            "vendors:  # one item per vendor meaning",
            f"  - vendor: {_q(TODO + ' vendor name')}",
            f"    phrase: {_q(TODO + ' phrase')}",
            "    documentation: https://TODO.example/vendor-docs  # the vendor's own page; omit if none",
            f"    sent_when: {_q(TODO + ': when and by what the vendor sends it.')}",
            f"    what_to_do: {_q(TODO + ': what a reader who sees it should do.')}",
        ]
    cacheable = "true" if row and row.cacheable else "false"
    cacheable_why = (
        "prefilled from the registry"
        if row
        else "only codes the RFCs define are heuristically cacheable; explain any exception in cacheable_note"
    )
    lines += [
        f"summary: {_q(TODO + ': one plain-text sentence, 40-200 characters, used as the description.')}",
        "meaning: |",
        f"  {TODO}: what the code means in the spec's terms, citing the section (RFC 9110 §15.x.y).",
        "when_to_use:",
        f"  - {_q(TODO + ': a situation where this code is right.')}",
        "when_not_to_use:",
        f"  - situation: {_q(TODO + ': a situation where another code is right.')}",
        "    instead: 400  # the code to use instead (must have an entry)",
        "examples:",
        f"  - title: {_q(TODO + ' what the example shows')}",
        "    request: |",
        "      GET /TODO HTTP/1.1",
        "      Host: www.example.com",
        "    response: |",
        f"      HTTP/1.1 {code} {row.phrase if row else 'TODO'}",
        "      Content-Type: application/problem+json",
        "",
        '      {"title": "TODO"}',
        "related:",
        "  - code: 400",
        f"    why: {_q(TODO + ': how the two codes differ.')}",
        "headers:",
        "  - name: Content-Type",
        f"    why: {_q(TODO + ': how the header is used with this code.')}",
        f"cacheable: {cacheable}  # RFC 9110 §15.1; {cacheable_why}",
        "mistakes:",
        f"  - {_q(TODO + ': a common mistake.')}",
        "best_practices:",
        f"  - {_q(TODO + ': what to do right.')}",
        "faq:",
        f"  - question: {_q(TODO + ' a question people ask?')}",
        f"    answer: {_q(TODO + ': the answer.')}",
        "constants: {}  # optional notes, e.g. spring: {note: ...}; names come from reference/constants-upstream.csv",
        f'updated: "{today}"',
        "sources:  # what the entry was checked against (CONTRIBUTING.md, Citing sources)",
    ]
    if row:
        section = f" §{row.section}" if row.section else ""
        lines += [
            "  - kind: specification  # the defining section: url is exactly spec.url",
            f"    title: {_q(f'{row.document}{section} {TODO} the section title')}",
            f"    url: {row.url}",
            f"    checked: {_q(TODO + ' YYYY-MM-DD you read it')}",
        ]
    else:
        lines += [
            "  - kind: vendor-documentation  # or vendor-source (with version), or secondary + a source_note",
            f"    title: {_q(TODO + ' the page or file, exact to the section')}",
            "    url: https://TODO.example/vendor-docs",
            f"    vendor: {_q(TODO + ' vendor name')}  # exactly as in vendors[].vendor",
            f"    checked: {_q(TODO + ' YYYY-MM-DD you read it')}",
        ]
    lines.append(f"reviewed: {_q(TODO + ' YYYY-MM-DD a second reader checked every claim (reviews/README.md)')}")
    return "\n".join(lines) + "\n"


def scaffold(code: int, codes_dir: Path, today: str | None = None) -> int:
    """Write ``codes_dir/NNN.yaml`` for ``code`` (0-999); returns the exit status: 0 written, 1 the file
    exists (it is never overwritten), 2 the number has more than three digits."""
    if not 0 <= code <= 999:
        print(
            f"error: {code} is not a three-digit number; status codes are 100-599 (RFC 9110 §15), and entries "
            "outside that range (000, 999) describe numbers that logs show",
            file=sys.stderr,
        )
        return 2
    target = codes_dir / f"{code:03d}.yaml"
    if target.exists():
        print(f"error: {target} already exists; edit it instead", file=sys.stderr)
        return 1
    target.write_text(render_scaffold(code, today or datetime.date.today().isoformat()), encoding="utf-8")
    print(f"wrote {target}: replace every TODO, then run `make validate` and `make serve`")
    return 0
