"""The reason-phrase rule: a status line says a name its code goes by in this project, or nothing."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_tree
from generator.rules import reason_phrase
from generator.validate import Context

from .rulecheck import run_rule

ROOT = Path(__file__).resolve().parent.parent
BASE = (Path(__file__).parent / "broken" / "base" / "404.yaml").read_text(encoding="utf-8")
STATUS = "      HTTP/1.1 404 Not Found\n      Content-Type: text/html"


def problems(tmp_path: Path, status_line: str, text: str = BASE, context: Context | None = None) -> list[str]:
    assert STATUS in text
    changed = text.replace(STATUS, STATUS.replace("HTTP/1.1 404 Not Found", status_line), 1)
    return [str(p) for p in run_rule(reason_phrase, tmp_path, changed, context=context)]


def test_the_registered_phrase_and_an_empty_one_pass(tmp_path):
    assert problems(tmp_path, "HTTP/1.1 404 Not Found") == []
    assert problems(tmp_path, "HTTP/1.1 404 ") == []


def test_another_codes_phrase_is_refused_with_the_names_and_rfc_9112(tmp_path):
    found = problems(tmp_path, "HTTP/1.1 404 Gone")
    assert len(found) == 1 and found[0].startswith("codes/404.yaml:56: examples[0].response: 404 is not called 'Gone'")
    assert "write 'Not Found'" in found[0] and "RFC 9112 §4" in found[0]


def test_former_names_and_vendor_phrases_of_the_real_entries_are_names(tmp_path):
    files = load_tree(ROOT / "codes", ROOT)
    context = Context(code_names=reason_phrase.code_names(files, Context().registry))
    assert "Payload Too Large" in context.code_names[413]  # an alias (RFC 9110 renamed it Content Too Large)
    assert "Client Closed Request" in context.code_names[499]  # nginx's phrase for an unofficial code
    assert problems(tmp_path, "HTTP/1.1 413 Payload Too Large", context=context) == []
    assert problems(tmp_path, "HTTP/1.1 499 Client Closed Request", context=context) == []
    assert problems(tmp_path, "HTTP/1.1 413 Payload Too Big", context=context) != []


def test_a_phrase_the_file_quotes_as_what_a_server_sends_passes(tmp_path):
    """A real server's own phrase (nginx's 414 "Request-URI Too Large") is allowed when the prose says so."""
    quoted = BASE.replace("description: |\n", 'description: |\n      The server sends "Not There" as its phrase.\n', 1)
    assert quoted != BASE
    assert problems(tmp_path, "HTTP/1.1 404 Not There", quoted) == []
    assert problems(tmp_path, "HTTP/1.1 404 Not There") != []
