"""Structured data says what the page says (issue 10, item 5): one Markdown-to-text conversion, checked on
the real site by comparing every FAQ answer in JSON-LD with the answer a reader sees."""

from __future__ import annotations

import pytest

from generator.plaintext import markdown_to_text


@pytest.mark.parametrize(
    "markdown, text",
    [
        ("Raise `client_max_body_size` in nginx.", "Raise client_max_body_size in nginx."),
        ("Use `*` or `__init__`, not *this* or __that__.", "Use * or __init__, not this or that."),
        (
            "See [410 Gone](../410/) and [RFC 9110 §15.5.5](https://www.rfc-editor.org/rfc/rfc9110).",
            "See 410 Gone and RFC 9110 §15.5.5.",
        ),
        ("Send ``a `tick` here``.", "Send a `tick` here."),
        ("Show `&lt;b&gt;` as code; 5 &lt; 6 & 7 > 2.", "Show &lt;b&gt; as code; 5 < 6 & 7 > 2."),
        ("Cloudflare's page.", "Cloudflare's page."),
        ("- one\n- two `x_y`\n\nthen a paragraph.", "one two x_y then a paragraph."),
        ("A\nfolded\n  line.", "A folded line."),
        ("```http\nHTTP/1.1 413 Content Too Large\n```", "HTTP/1.1 413 Content Too Large"),
    ],
)
def test_markdown_to_text(markdown, text):
    assert markdown_to_text(markdown) == text


def _answer_on_page(soup, question: str) -> str:
    """Text of the FAQ answer under the question's heading, up to the next heading."""
    heading = next(h for h in soup.find_all("h3") if h.find(string=True, recursive=False).strip() == question)
    blocks = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3", "hr"):
            break
        blocks.append(sibling.get_text(""))
    return " ".join(" ".join(blocks).split())


def test_every_faq_answer_in_json_ld_is_the_answer_on_the_page(site, reference):
    compared, different = 0, []
    for entry in reference.entries:
        if not entry.faq:
            continue
        soup = site.soup(entry.path)
        faq = next(b for b in site.json_ld(soup) if b["@type"] == "FAQPage")
        assert [q["name"] for q in faq["mainEntity"]] == [q.question for q in entry.faq], entry.source
        for item in faq["mainEntity"]:
            on_page = _answer_on_page(soup, item["name"])
            compared += 1
            if item["acceptedAnswer"]["text"] != on_page:
                different.append(
                    f"/{entry.path} {item['name']!r}\n  json-ld: {item['acceptedAnswer']['text']}\n  page:    {on_page}"
                )
    assert compared > 100
    assert not different, f"{len(different)} of {compared} answers differ:\n" + "\n".join(different)


def test_413_json_ld_keeps_the_directive_name(site):
    faq = next(b for b in site.json_ld(site.soup("413/")) if b["@type"] == "FAQPage")
    answers = " ".join(q["acceptedAnswer"]["text"] for q in faq["mainEntity"])
    assert "client_max_body_size" in answers and "clientmaxbodysize" not in answers
