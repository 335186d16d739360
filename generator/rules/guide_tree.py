"""The guide's decision tree (guide/tree.yaml) is sound: it matches schema/guide.schema.json, every answer's
code has an entry, every ``next`` names a question, every question can be reached from ``start``, no path
loops back on itself, the answers reach at least ``MIN_CODES`` distinct codes, and the text holds no
markup (plain-text). Every problem is reported at once: the tree checks run on the well-formed parts even
when the schema finds others that are not.

Not in ``RULES``: this rule reads the guide, not an entry. ``generator/interactive.py`` runs it.
"""

from __future__ import annotations

import json
from functools import lru_cache

import jsonschema

from ..problems import format_path
from ..schema import SCHEMA_PATH
from . import plain_text
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
        if top.validator == "oneOf" and not isinstance(top.instance, dict):
            continue  # an answer that is no mapping: its type error says so, the shapes' branches would not
        if top.validator == "oneOf" and top.path:
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


def _questions(data: dict) -> dict[str, list[tuple[int, dict]]]:
    """The well-formed part of the tree: each question that is a mapping, with its answers that are mappings
    (and their positions); the schema reports the rest."""
    questions = data.get("questions")
    if not isinstance(questions, dict):
        return {}
    found = {}
    for qid, question in questions.items():
        if isinstance(qid, str) and isinstance(question, dict):
            answers = question.get("answers") if isinstance(question.get("answers"), list) else []
            found[qid] = [(i, a) for i, a in enumerate(answers) if isinstance(a, dict)]
    return found


def _texts(data: dict, questions: dict):
    """(path, text) of every plain-text field: the title, each question, each answer and its why."""
    if isinstance(data.get("title"), str):
        yield ("title",), data["title"]
    for qid, answers in questions.items():
        if isinstance(data["questions"][qid].get("question"), str):
            yield ("questions", qid, "question"), data["questions"][qid]["question"]
        for index, answer in answers:
            for key in ("answer", "why"):
                if isinstance(answer.get(key), str):
                    yield ("questions", qid, "answers", index, key), answer[key]


def _is_code(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check(report, loaded, known_codes: set[int]) -> None:
    """Report every problem of the loaded guide, all at once: the schema's, then the checks of the tree on
    whatever parts are well-formed. ``known_codes``: the codes that have an entry."""
    _schema_problems(report, loaded)
    data = loaded.data
    questions = _questions(data)
    for path, text in _texts(data, questions):
        plain_text.check_text(report, loaded, path, text)
    start = data.get("start")
    if isinstance(start, str) and questions and start not in questions:
        report.add(loaded.name, loaded.line_of(("start",)), "start", f"no question has the id {start!r}")
    codes: set[int] = set()
    for qid, answers in questions.items():
        for index, answer in answers:
            path = ("questions", qid, "answers", index)
            target = answer.get("next")
            if isinstance(target, str) and target not in questions:
                report.add(
                    loaded.name,
                    loaded.line_of(path + ("next",)),
                    format_path(path + ("next",)),
                    f"no question has the id {target!r}",
                )
            for key in ("code", "instead"):
                if _is_code(answer.get(key)) and answer[key] not in known_codes:
                    report.add(
                        loaded.name,
                        loaded.line_of(path + (key,)),
                        format_path(path + (key,)),
                        f"{answer[key]} has no entry in codes/ (the answer would link to a page that does not exist)",
                    )
            if _is_code(answer.get("code")):
                codes.add(answer["code"])
    if isinstance(start, str) and start in questions:
        _check_graph(report, loaded, questions, start)
    if questions and len(codes) < MIN_CODES:
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
        for index, answer in questions[qid]:
            target = answer.get("next")
            if not isinstance(target, str) or target not in questions:
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
