"""The `http-examples` rule: examples are HTTP/1.1 messages in the syntax of RFC 9112."""

from __future__ import annotations

import pytest

from generator.rules import http_examples

from .rulecheck import run_rule, where

ENTRY = """\
code: 404
examples:
  - title: One exchange
    request: |
      GET /docs/old-guide?lang=en HTTP/1.1
      Host: www.example.com
      Accept:text/html
    response: |
      HTTP/1.1 103 Early Hints
      Link: </style.css>; rel=preload; as=style

      HTTP/1.1 404 Not Found
      Content-Type: text/html; charset=utf-8
      Content-Length: 9

      Not found
  - title: Asterisk, authority and absolute forms, and an empty reason phrase
    request: |
      OPTIONS * HTTP/1.1
      Host: www.example.com
    response: |+
      HTTP/1.1 463\x20
      Content-Length: 0

  - title: CONNECT
    request: |
      CONNECT www.example.com:443 HTTP/1.1
      Host: www.example.com:443
    response: |
      HTTP/1.1 200 OK
"""

# (what, line of ENTRY to replace, replacement, line reported, words of the message)
BROKEN = [
    ("no space after the code", "      HTTP/1.1 463 ", "      HTTP/1.1 463", 22, "needs a space after the status code"),
    ("HTTP/2 status line", "      HTTP/1.1 404 Not Found", "      HTTP/2 404", 12, "'HTTP/2' is not an HTTP-version"),
    ("no version", "      HTTP/1.1 404 Not Found", "      404 Not Found", 12, "follows the interim 103"),
    (
        "double space",
        "      HTTP/1.1 404 Not Found",
        "      HTTP/1.1  404 Not Found",
        12,
        "single spaces (RFC 9112 §4)",
    ),
    (
        "request version",
        "      GET /docs/old-guide?lang=en HTTP/1.1",
        "      GET /docs HTTP/2",
        5,
        "not an HTTP-version",
    ),
    (
        "space in target",
        "      GET /docs/old-guide?lang=en HTTP/1.1",
        "      GET /docs/old guide HTTP/1.1",
        5,
        "RFC 9112 §3",
    ),
    ("fragment in target", "      GET /docs/old-guide?lang=en HTTP/1.1", "      GET /docs#top HTTP/1.1", 5, "§3.2"),
    ("relative target", "      GET /docs/old-guide?lang=en HTTP/1.1", "      GET docs HTTP/1.1", 5, "origin-form"),
    ("asterisk for GET", "      OPTIONS * HTTP/1.1", "      GET * HTTP/1.1", 19, "only for OPTIONS"),
    (
        "CONNECT to a path",
        "      CONNECT www.example.com:443 HTTP/1.1",
        "      CONNECT / HTTP/1.1",
        27,
        "authority-form",
    ),
    (
        "space before colon",
        "      Accept:text/html",
        "      Accept :text/html",
        7,
        "between the field name 'Accept' and the colon",
    ),
    ("name not a token", "      Accept:text/html", "      Accept(all): text/html", 7, "not a token"),
    ("folded line", "      Accept:text/html", "      Accept: text/html,\n        text/plain", 8, "obs-fold"),
    ("no colon", "      Accept:text/html", "      Accept text/html", 7, "is not 'Name: value'"),
    ("no Host", "      Host: www.example.com\n      Accept", "      Accept", 5, "needs a Host header"),
]


def test_accepts_messages_in_rfc_9112_syntax(tmp_path):
    assert ENTRY.count("HTTP/1.1 463 \n") == 1
    assert run_rule(http_examples, tmp_path, ENTRY) == []


@pytest.mark.parametrize("what,old,new,line,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_reports_a_syntax_error_on_its_line(tmp_path, what, old, new, line, words):
    assert old in ENTRY
    problems = run_rule(http_examples, tmp_path, ENTRY.replace(old, new, 1))
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert where(problems)[0][1] == line, str(problems[0])
    assert words in problems[0].message, problems[0].message
