"""Characters that break naive templates survive every place they are printed, intact and inert."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.validate import validate_tree

from .sitebuild import build

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
# Plain-text fields refuse tags and character references (the plain-text rule; see test_markup_in_plain_text_is_
# refused), so they carry what they may still hold; tags and script terminators reach the head through a code
# span in a FAQ answer, whose text JSON-LD keeps verbatim.
NASTY_SUMMARY = 'A "quoted" claim, 5 < 6 and 7 > 2, then\u2028a line separator & an ampersand.'
NASTY_QUESTION = 'Does "break" it, 1 < 2 & 3 > 2\u2028here?'
NASTY_TITLE = 'An example with "quotes" and 3 > 2 & 1 < 2 signs'
NASTY_CODE = "</script><!-- <b>bold</b> <i>it</i>"
NASTY_ANSWER = f"Shown as code: `{NASTY_CODE}` stays text."
REFUSED = {
    "summary": 'A "quoted" <b>bold</b> claim </script><!-- then a line separator & an ampersand.',
    "question": 'Does </script><!-- "break" <i>it</i> here?',
    "title": 'An example with "quotes" <em>and</em> </script> tags',
}


def _nasty_entry(summary: str, question: str, title: str, answer: str | None = None) -> str:
    text = (MINIMAL / "404.yaml").read_text(encoding="utf-8")
    text = re.sub(r"summary: >-\n(  .*\n)+", lambda _: f"summary: {json.dumps(summary)}\n", text)
    text = text.replace("  - question: Is a 404 response cached?", f"  - question: {json.dumps(question)}")
    text = text.replace("  - title: A page that does not exist", f"  - title: {json.dumps(title)}")
    if answer:
        old = "      It can be. RFC 9110 §15.1 lists 404 among the heuristically cacheable"
        assert old in text
        text = text.replace(
            old, f"      {answer} It can be. RFC 9110 §15.1 lists 404 among the heuristically cacheable"
        )
    return text


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("nasty")
    codes = work / "codes"
    shutil.copytree(MINIMAL, codes)
    (codes / "404.yaml").write_text(_nasty_entry(NASTY_SUMMARY, NASTY_QUESTION, NASTY_TITLE, NASTY_ANSWER), "utf-8")
    done = build(codes, work / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    html = (work / "site" / "404" / "index.html").read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "html.parser")


def test_meta_tags_round_trip(nasty_site):
    _, soup = nasty_site
    assert soup.find("meta", attrs={"name": "description"})["content"] == NASTY_SUMMARY
    assert soup.find("meta", property="og:description")["content"] == NASTY_SUMMARY
    assert soup.find("meta", attrs={"name": "twitter:description"})["content"] == NASTY_SUMMARY


def test_json_ld_parses_to_the_original_text(nasty_site):
    _, soup = nasty_site
    blocks = {}
    for tag in soup.find_all("script", type="application/ld+json"):
        block = json.loads(tag.string)
        blocks[block["@type"]] = block
    assert blocks["TechArticle"]["description"] == NASTY_SUMMARY
    assert blocks["TechArticle"]["about"]["description"] == NASTY_SUMMARY
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in blocks["FAQPage"]["mainEntity"]}
    assert answers[NASTY_QUESTION].startswith(f"Shown as code: {NASTY_CODE} stays text.")


def test_no_raw_script_terminator_or_comment_inside_json(nasty_site):
    html, _ = nasty_site
    for body in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        assert "<" not in body and "\u2028" not in body
        json.loads(body)


def test_body_shows_the_text_and_injects_no_element(nasty_site):
    _, soup = nasty_site
    article = soup.select_one("article")
    assert article.find("b") is None and article.find("i") is None and article.find("em") is None
    assert NASTY_CODE in [code.get_text() for code in article.find_all("code")]
    text = article.get_text()
    assert NASTY_SUMMARY.replace("\u2028", " ").split(" then")[0] in " ".join(text.split())
    assert any(h.get_text(strip=True).startswith(NASTY_QUESTION.split("\u2028")[0]) for h in article.find_all("h3"))
    assert any(NASTY_TITLE in h.get_text() for h in article.find_all("h3"))
    assert article.find("script") is None
    for script in soup.find_all("script"):
        if script.get("type") != "application/ld+json":
            assert "quoted" not in (script.string or "") and "break" not in (script.string or "")


def test_markup_in_plain_text_is_refused(tmp_path):
    codes = tmp_path / "codes"
    codes.mkdir()
    (codes / "404.yaml").write_text(_nasty_entry(**REFUSED), "utf-8")
    _, report = validate_tree(codes, tmp_path)
    fields = {p.field for p in report.sorted() if "is plain text" in p.message}
    assert fields == {"summary", "faq[1].question", "examples[0].title"}, [str(p) for p in report.sorted()]
