"""The interactive parts: the "Which status code should I return?" guide and the playground scenarios.

Both are data next to ``codes/``: ``guide/tree.yaml`` and ``scenarios/*.yaml`` (in the folder that holds the
codes folder, so a test's folder of entries has none and builds without them). They are loaded with the
entry loader (problems as ``file:line: field: message``, never a traceback), checked by the rules
``guide-tree`` and ``scenario-steps``, and turned into:

- Markdown: the guide page as a nested list of questions and answers, and on each code page a scenario's
  messages step by step, readable without JavaScript;
- JSON documents (``assets/tryit/*.json``) that ``docs/assets/javascripts/tryit.js`` reads to make the guide
  one question at a time and the scenarios an editable request with Send.

The registry of kinds (generator/kinds.py) makes them: the ``guide`` page, the ``guide-data`` and
``scenario-data`` documents, and the scenarios on the ``code`` pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .http_message import exchange
from .loader import FileKind, LoadedFile, display_name, load_file
from .problems import Report
from .render import Page, Trusted, make_environment, site_link
from .rules import guide_tree, scenario_steps

GUIDE_FILE = Path("guide") / "tree.yaml"
SCENARIOS_DIR = Path("scenarios")
# The real guide is ~17 KB and the longest scenario ~7 KB: a file far bigger is a mistake (and a heavy page).
GUIDE_KIND = FileKind(
    "the guide", "guide/tree.yaml in the repository", "title: ..., start: ..., questions: ...", 256 * 1024
)
SCENARIO_KIND = FileKind("a scenario", "scenarios/202-async-job.yaml", "title: ..., pages: ..., steps: ...", 64 * 1024)


@dataclass
class Interactive:
    """The validated guide (None when the project has none) and scenarios, by the code pages showing them."""

    guide: dict | None = None
    scenarios: dict[str, dict] = field(default_factory=dict)  # id (file stem) -> data

    def scenarios_for(self, code: int) -> list[tuple[str, dict]]:
        return [(sid, data) for sid, data in self.scenarios.items() if code in data["pages"]]


def load(folder: Path, known_codes: set[int], context, root: Path | None = None) -> tuple[Interactive, Report]:
    """Load and check ``folder``/guide/tree.yaml and ``folder``/scenarios/*.yaml.

    Takes the folder holding them, the codes that have an entry, the validation Context (its ``code_names``
    come from the entries: pipeline.validate_all fills them) and the folder that file names in messages are
    relative to (default: the current one); returns what loaded cleanly and a Report of every problem in
    every file. Never raises for bad input.
    """
    report = Report()
    result = Interactive()
    guide_path = folder / GUIDE_FILE
    if guide_path.is_file():
        loaded = _load(guide_path, root, report, GUIDE_KIND)
        if loaded and _checked(report, loaded, guide_tree, known_codes):
            result.guide = loaded.data
    scenario_dir = folder / SCENARIOS_DIR
    if scenario_dir.is_dir():
        for path in sorted(p for p in scenario_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()):
            named = scenario_steps.check_file_name(report, display_name(path, root))
            loaded = _load(path, root, report, SCENARIO_KIND)
            if not loaded:
                continue
            if _checked(report, loaded, scenario_steps, known_codes, context) and named:
                steps = [
                    {"sender": "client", "wait": 0, "follows_redirect": False, **step} for step in loaded.data["steps"]
                ]
                result.scenarios[path.stem] = {**loaded.data, "steps": steps}
    return result, report


def _checked(report: Report, loaded: LoadedFile, rule, *args) -> bool:
    """Run ``rule.check(report, loaded, *args)``; True when it found nothing. A rule that raises is a problem
    naming the rule and the file (as in validate._run), never a traceback."""
    before = len(report.problems)
    try:
        rule.check(report, loaded, *args)
    except Exception as error:  # noqa: BLE001 - a bug in a rule must not hide every other problem
        report.add(
            loaded.name, 1, "(rule)", f"rule {rule.NAME} crashed: {type(error).__name__}: {error}; please report"
        )
    return len(report.problems) == before


def _load(path: Path, root: Path, report: Report, kind: FileKind) -> LoadedFile | None:
    loaded = load_file(path, display_name(path, root), kind)
    report.problems.extend(loaded.problems)
    return loaded if not loaded.problems and isinstance(loaded.data, dict) else None


def guide_paths(guide: dict) -> list[tuple[tuple[int, ...], dict]]:
    """Every path from the start to an answer that names a code: (1-based answer numbers, the answer)."""
    found = []

    def walk(qid: str, trail: tuple[int, ...]):
        for number, answer in enumerate(guide["questions"][qid]["answers"], start=1):
            if "next" in answer:
                walk(answer["next"], trail + (number,))
            else:
                found.append((trail + (number,), answer))

    walk(guide["start"], ())
    return found


def guide_json(guide: dict, by_code: dict, directory_urls: bool = True) -> str:
    """The tree for the script (``assets/tryit/guide.json``): each answer's code with its name and the link
    from the guide page to its page (``../404/``, or ``404.html`` without directory URLs), same for ``instead``.
    ``by_code``: the entries by code (every code the guide names has one: the guide-tree rule checks it)."""

    def end(answer: dict) -> dict:
        out = dict(answer)
        for key, prefix in (("code", ""), ("instead", "instead_")):
            if key in answer:
                entry = by_code[answer[key]]
                out[prefix + "number"] = entry.number
                out[prefix + "phrase"] = entry.name
                out[prefix + "href"] = str(site_link(entry.number, directory_urls))
        return out

    questions = {
        qid: {"question": q["question"], "answers": [end(a) if "code" in a else dict(a) for a in q["answers"]]}
        for qid, q in guide["questions"].items()
    }
    return json.dumps({"title": guide["title"], "start": guide["start"], "questions": questions}, sort_keys=True)


def scenario_json(sid: str, scenario: dict) -> str:
    """One scenario for the script: its steps with the messages as written and the parsed start lines."""
    steps = []
    for step in scenario["steps"]:
        request, responses = exchange(step)
        steps.append(
            {
                **{k: step[k] for k in ("title", "request", "response", "rule", "section", "url")},
                "sender": step["sender"],
                "wait": step["wait"],
                "follows_redirect": step["follows_redirect"],
                "status": responses[-1].status if responses else None,
            }
        )
    return json.dumps({"id": sid, "title": scenario["title"], "steps": steps}, sort_keys=True)


def guide_outline(guide: dict) -> list[dict]:
    """The tree as the lines of a nested Markdown list: questions and answers in reading order, each with
    its ``indent`` (four spaces a level; a question reached twice is written out under both answers)."""
    lines: list[dict] = []
    empty = dict.fromkeys(("question", "answer", "next", "code", "why", "instead"))

    def walk(qid: str, depth: int):
        question = guide["questions"][qid]
        lines.append({**empty, "indent": Trusted("    " * depth), "question": question["question"]})
        for answer in question["answers"]:
            lines.append({**empty, "indent": Trusted("    " * (depth + 1)), **answer})
            if "next" in answer:
                walk(answer["next"], depth + 2)

    walk(guide["start"], 0)
    return lines


GUIDE_SEARCH_BOOST = 0.5  # lists every code, like the home page: below the code pages
GUIDE_PAGE = "guide.md"
DATA_PATH = "assets/tryit/"  # where tryit.js reads its JSON documents (relative to its own folder: ../tryit/)


def guide_codes(guide: dict, with_instead: bool = False) -> set[int]:
    """The distinct codes the guide's answers end at (``with_instead``: and the codes they say to send instead)."""
    keys = ("code", "instead") if with_instead else ("code",)
    return {a[key] for q in guide["questions"].values() for a in q["answers"] for key in keys if key in a}


def guide_description(guide: dict) -> str:
    """What the guide page says it does: its introduction and its head's description."""
    return (
        "Answer one question at a time and end at the status code that fits, with the reason and the section "
        f"that defines it. The tree covers {len(guide_codes(guide))} codes, including vendor codes a server "
        "should not send and what to send instead."
    )


def render_guide_page(guide: dict, by_code: dict, directory_urls: bool = True) -> Page:
    """The /guide/ page: the whole tree as a nested list (what readers without JavaScript and search engines
    read); the script turns it into one question at a time. ``by_code``: the entries by code."""
    markdown = (
        make_environment(directory_urls)
        .get_template("guide.md.j2")
        .render(
            guide=guide,
            outline=guide_outline(guide),
            entries=by_code,
            description=guide_description(guide),
            boost=GUIDE_SEARCH_BOOST,
        )
    )
    return Page(GUIDE_PAGE, markdown, "guide", guide)
