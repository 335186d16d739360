"""The guide's decision tree (guide/tree.yaml) is sound: it matches schema/guide.schema.json, every answer's
code has an entry, every ``next`` names a question, every question can be reached from ``start``, no path
loops back on itself, and the answers reach at least ``MIN_CODES`` distinct codes.

Not in ``RULES``: this rule reads the guide, not an entry. ``generator/interactive.py`` runs it.
"""

from __future__ import annotations

import json
from functools import lru_cache

import jsonschema

from ..problems import format_path
from ..schema import SCHEMA_PATH
from .schema import _leaf_errors, _report

NAME = "guide-tree"
DESCRIPTION = "the guide's questions lead to codes with entries, all reachable from start, with no cycle"
SCOPE = "guide"

MIN_CODES = 40


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_PATH.parent / "guide.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _schema_problems(report, loaded) -> bool:
    before = len(report.problems)
    for top in _validator().iter_errors(loaded.data):
        if top.validator == "oneOf" and top.path and isinstance(top.instance, dict):
            # The two shapes of an answer: say which fields clash instead of listing both branches' errors.
            path = tuple(top.absolute_path)
            has_next, has_code = "next" in top.instance, "code" in top.instance
            if has_next and (has_code or "why" in top.instance or "instead" in top.instance):
                message = "an answer has either next (another question) or code + why (an end), not both"
            elif not has_next and not has_code:
                message = "an answer needs next (another question) or code + why (an end)"
            else:
                message = "an answer that names a code needs why: one line on why this code"
            report.add(loaded.name, loaded.line_of(path), format_path(path), message)
            continue
        for error in _leaf_errors(top):
            _report(report, loaded, error)
    return len(report.problems) > before


def check(report, loaded, known_codes: set[int]) -> None:
    """Report every problem of the loaded guide. ``known_codes``: the codes that have an entry."""
    if _schema_problems(report, loaded):
        return  # the graph checks below assume the shape is right
    data = loaded.data
    questions: dict = data["questions"]
    start = data["start"]
    if start not in questions:
        report.add(loaded.name, loaded.line_of(("start",)), "start", f"no question has the id {start!r}")
        return
    codes: set[int] = set()
    for qid, question in questions.items():
        for index, answer in enumerate(question["answers"]):
            path = ("questions", qid, "answers", index)
            if "next" in answer and answer["next"] not in questions:
                report.add(
                    loaded.name,
                    loaded.line_of(path + ("next",)),
                    format_path(path + ("next",)),
                    f"no question has the id {answer['next']!r}",
                )
            for key in ("code", "instead"):
                if key in answer and answer[key] not in known_codes:
                    report.add(
                        loaded.name,
                        loaded.line_of(path + (key,)),
                        format_path(path + (key,)),
                        f"{answer[key]} has no entry in codes/ (the answer would link to a page that does not exist)",
                    )
            if "code" in answer:
                codes.add(answer["code"])
    _check_graph(report, loaded, questions, start)
    if len(codes) < MIN_CODES:
        report.add(
            loaded.name,
            loaded.line_of(("questions",)),
            "questions",
            f"the answers reach {len(codes)} distinct codes; the guide must reach at least {MIN_CODES}",
        )


def _check_graph(report, loaded, questions: dict, start: str) -> None:
    """Unreachable questions and cycles (depth-first search with the path kept, so a cycle is named)."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(qid: str, trail: list[str]) -> None:
        state[qid] = "open"
        for index, answer in enumerate(questions[qid]["answers"]):
            target = answer.get("next")
            if target not in questions:
                continue
            if state.get(target) == "open":
                loop = trail[trail.index(target) :] + [qid] if target in trail else [qid]
                path = ("questions", qid, "answers", index, "next")
                report.add(
                    loaded.name,
                    loaded.line_of(path),
                    format_path(path),
                    f"this answer leads back to {target!r}, a cycle: {' -> '.join(loop)} -> {target}",
                )
            elif target not in state:
                visit(target, trail + [qid])
        state[qid] = "done"

    visit(start, [])
    for qid in questions:
        if qid not in state:
            path = ("questions", qid)
            report.add(
                loaded.name,
                loaded.key_line_of(path),
                format_path(path),
                f"question {qid!r} cannot be reached from start: no answer leads to it",
            )
