"""The `content-length` rule: Content-Length equals the content shown, counted one documented way."""

from __future__ import annotations

import pytest

from generator.rules import content_length

from .rulecheck import run_rule, where

# Every message here is right under the convention: UTF-8, LF line breaks, no final line break,
# "[N bytes of ...]" lines count N.
ENTRY = """\
code: 404
examples:
  - title: Literal content, with a multi-byte character
    request: |
      POST /notes HTTP/1.1
      Host: www.example.com
      Content-Type: text/plain; charset=utf-8
      Content-Length: 10

      café
      menu
    response: |
      HTTP/1.1 404 Not Found
      Content-Type: text/plain
      Content-Length: 9

      Not found
  - title: A placeholder states its size; a 100-continue request shows none
    request: |
      PUT /videos/1 HTTP/1.1
      Host: www.example.com
      Content-Length: 2147483648
      Expect: 100-continue
    response: |
      HTTP/1.1 100 Continue

      HTTP/1.1 201 Created
      Content-Length: 30

      [2 bytes of JSON]
      [10 bytes]
      0123456789ABCDEF
  - title: HEAD and 304 describe the representation
    request: |
      HEAD /big HTTP/1.1
      Host: www.example.com
    response: |
      HTTP/1.1 200 OK
      Content-Length: 5000
  - title: 304
    request: |
      GET /big HTTP/1.1
      Host: www.example.com
    response: |
      HTTP/1.1 304 Not Modified
      Content-Length: 5000
  - title: Chunked
    request: |
      GET /stream HTTP/1.1
      Host: www.example.com
    response: |
      HTTP/1.1 200 OK
      Transfer-Encoding: chunked

      5
      hello
      0
"""

BROKEN = [
    (
        "off by one (the 302 case)",
        "Content-Length: 9\n",
        "Content-Length: 10\n",
        15,
        "is 10 but the content shown is 9 bytes",
    ),
    (
        "counted the final line break",
        "Content-Length: 10\n",
        "Content-Length: 11\n",
        8,
        "is 11 but the content shown is 10",
    ),
    ("placeholder size", "Content-Length: 30\n", "Content-Length: 31\n", 28, "is 31 but the content shown is 30 bytes"),
    ("placeholder not written as one", "      [10 bytes]\n", "      ... 10 bytes ...\n", 28, "must read exactly"),
    ("no content shown", "      Expect: 100-continue\n", "", 22, "no content is shown"),
    ("not a number", "Content-Length: 10\n", "Content-Length: 10 bytes\n", 8, "one decimal number"),
    ("two values", "Content-Length: 10\n", "Content-Length: 10\n      Content-Length: 11\n", 8, "one decimal number"),
    (
        "on a 1xx",
        "HTTP/1.1 100 Continue\n",
        "HTTP/1.1 100 Continue\n      Content-Length: 0\n",
        26,
        "a 100 response has no",
    ),
    ("on a 204", "HTTP/1.1 404 Not Found\n", "HTTP/1.1 204 No Content\n", 15, "a 204 response has no"),
    ("with Transfer-Encoding", "chunked\n", "chunked\n      Content-Length: 9\n", 54, "Transfer-Encoding"),
]


def test_accepts_content_that_matches(tmp_path):
    assert run_rule(content_length, tmp_path, ENTRY) == []


@pytest.mark.parametrize("what,old,new,line,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_reports_a_length_that_does_not_match(tmp_path, what, old, new, line, words):
    assert old in ENTRY
    problems = run_rule(content_length, tmp_path, ENTRY.replace(old, new, 1))
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert where(problems)[0][1] == line, str(problems[0])
    assert words in problems[0].message, problems[0].message


def test_content_size_convention():
    assert content_length.content_size("café") == 5
    assert content_length.content_size("a\nb") == 3
    assert content_length.content_size("[2147483648 bytes of video data]") == 2147483648
    assert content_length.content_size("--b\n[1024 bytes of PDF data]\n--b--") == 4 + 1024 + 1 + 5
