"""The outputs beyond HTML, read from the real built site: the JSON API against its schema and against the
pages, the Markdown twins, llms.txt, the OpenSearch description, and the registry of kinds that makes them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import jsonschema
import pytest

from generator import pipeline, seo
from generator.kinds import KINDS, UnknownKind
from generator.render import Page

from .sitebuild import ROOT

SCHEMA = json.loads((ROOT / "schema" / "api-v1.schema.json").read_text(encoding="utf-8"))
OPENSEARCH_NS = "{http://a9.com/-/spec/opensearch/1.1/}"


def validator(definition: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": SCHEMA["$defs"]})


def code_pages(site) -> list[str]:
    return [p for p in site.pages if re.fullmatch(r"\d+/", p)]


def api(site, name: str):
    return json.loads((site.root / "api" / "v1" / name).read_text(encoding="utf-8"))


def text(tag) -> str:
    """Visible text of ``tag`` without the permalink marks (¶) of headings."""
    parts = [s for s in tag.strings if "headerlink" not in (s.parent.get("class") or [])]
    return " ".join(" ".join(parts).split())


def test_the_published_schema_is_the_repository_schema_and_valid(site):
    published = api(site, "schema.json")
    assert published == SCHEMA
    jsonschema.Draft202012Validator.check_schema(published)


def test_every_code_page_has_a_json_twin_that_says_the_same(site):
    pages = code_pages(site)
    documents = sorted(p.stem for p in (site.root / "api" / "v1").glob("*.json") if p.stem.isdigit())
    assert sorted(p.rstrip("/") for p in pages) == documents and len(documents) > 90
    check = validator("entry")
    for path in pages:
        document = api(site, f"{path.rstrip('/')}.json")
        errors = [f"{list(e.path)}: {e.message}" for e in check.iter_errors(document)]
        assert not errors, (path, errors[:3])
        soup = site.soup(path)
        assert text(soup.find("h1")) == document["title"], path
        assert document["url"] == site.site_url + path
        assert document["summary"] in text(soup.find("div", class_="admonition abstract")), path
        links = {a.get("href") for a in soup.find_all("a")}
        if document["spec"]:
            assert document["spec"]["url"] in links, path
        http_blocks = len(soup.select(".language-http"))
        expected = sum(1 + (x["response"] is not None) for x in document["examples"])
        # A playground on the page (issue 13) shows each of its steps' request and response too.
        for anchor in soup.select(".tryit-anchor[data-scenario]"):
            scenario = json.loads((site.root / "assets" / "tryit" / f"{anchor['data-scenario']}.json").read_text())
            expected += 2 * len(scenario["steps"])
        assert http_blocks == expected, (path, http_blocks, expected)
        for question in document["faq"]:
            assert any(text(h) == question["question"] for h in soup.find_all("h3")), (path, question["question"])
        for related in document["related"]:
            assert f"../{related['code']}/" in links, (path, related["code"])


def test_the_index_lists_every_entry_with_the_fields_of_its_document(site):
    index = api(site, "codes.json")
    errors = [e.message for e in validator("index").iter_errors(index)]
    assert not errors, errors[:3]
    assert index["count"] == len(index["codes"]) == len(code_pages(site))
    item_fields = SCHEMA["$defs"]["summary"]["required"]
    for item in index["codes"]:
        document = api(site, f"{item['number']}.json")
        assert item == {name: document[name] for name in item_fields}
    by_code = {item["code"]: item for item in index["codes"]}
    assert by_code[429]["keywords"][0] == "rate limit"
    assert "Request Entity Too Large" in by_code[413]["former_names"]
    assert by_code[404]["spec"] == {
        "document": "RFC 9110",
        "section": "15.5.5",
        "url": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        "current_draft": None,
    }


def test_prose_in_the_api_links_absolutely(site):
    document = api(site, "404.json")
    assert f"]({site.site_url}410/)" in document["meaning"]
    for path in code_pages(site):
        raw = (site.root / "api" / "v1" / f"{path.rstrip('/')}.json").read_text(encoding="utf-8")
        assert "](../" not in raw and "](#" not in raw, path


def test_every_code_has_a_clean_markdown_twin(site):
    for path in code_pages(site):
        twin = (site.root / path / "index.md").read_text(encoding="utf-8")
        document = api(site, f"{path.rstrip('/')}.json")
        assert twin.startswith(f"# {document['title']}\n\n> {document['summary']}\n"), path
        assert f"- JSON: {document['api_url']}" in twin
        prose = re.sub(r"(?ms)^(`{3,}).*?^\1", "", twin)  # outside the fenced examples
        assert not re.search(r"\{[:#.]?\s*data-|^!!!|^\?\?\?|<(p|span|nav|div|a)\b", prose, re.M), path
        for target in re.findall(r"\]\(([^)\s]+)", prose):
            assert target.startswith("https://"), (path, target)
        assert twin.count("```http\n") == len(site.soup(path).select(".language-http")), path
        headings = re.findall(r"^## (.+)$", prose, re.M)
        assert headings[:1] in (["Meaning"], ["Temporary registration"]) and "Examples" in headings, path


def test_llms_txt_links_every_code_by_class(site):
    lines = (site.root / "llms.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# HTTP Status Codes" and lines[1] == "" and lines[2].startswith("> ")
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections[:5] == [
        "1xx Informational",
        "2xx Successful",
        "3xx Redirection",
        "4xx Client Error",
        "5xx Server Error",
    ]
    assert sections[5:] in ([], ["Numbers outside 100-599 (not status codes)"])
    links = re.findall(r"^- \[(\d+) [^\]]+\]\((\S+)\): \S", "\n".join(lines), re.M)
    assert sorted(code for code, _ in links) == sorted(p.rstrip("/") for p in code_pages(site))
    for code, url in links:
        assert url == f"{site.site_url}{code}/index.md"
        assert (site.root / code / "index.md").is_file()
    # Every standing but a permanent registration is named as the page names it (a warn-code is not "unofficial").
    text = "\n".join(lines)
    assert re.search(r"^- \[110 Response is Stale\].*Standing: Warning header code, not a status code\.$", text, re.M)
    assert re.search(r"^- \[499 Client Closed Request\].*Standing: Unofficial\.$", text, re.M)
    assert re.search(r"^- \[404 Not Found\][^\n]*\.$", text, re.M) and "404 Not Found" in text
    assert not re.search(r"^- \[404 Not Found\].*Standing:", text, re.M)
    # The guide, for a tool that must choose a code rather than explain one.
    intro = "\n".join(lines[: lines.index(f"## {sections[0]}")])
    assert f"[Which status code should I return?]({site.site_url}guide/)" in intro
    assert (site.root / "guide" / "index.html").is_file()


def test_opensearch_description_and_its_link_in_every_page_head(site):
    root = ET.parse(site.root / "opensearch.xml").getroot()
    assert root.tag == f"{OPENSEARCH_NS}OpenSearchDescription"
    assert 0 < len(root.find(f"{OPENSEARCH_NS}ShortName").text) <= 16
    html = [u for u in root.findall(f"{OPENSEARCH_NS}Url") if u.get("type") == "text/html"]
    assert [u.get("template") for u in html] == [f"{site.site_url}?q={{searchTerms}}"]
    for path in site.pages:
        links = site.soup(path).find_all("link", rel="search")
        assert len(links) == 1, path
        assert links[0]["type"] == "application/opensearchdescription+xml"
        assert urljoin(site.site_url + path, links[0]["href"]) == site.site_url + "opensearch.xml", path


def test_every_output_of_the_registry_is_in_the_built_site(site):
    from generator.mkdocs_build import load_config

    config = load_config(ROOT / "mkdocs.yml")
    # `render --out` has no engine config: its name and description must be mkdocs.yml's.
    assert (config.site_name, config.site_description) == (
        pipeline.DEFAULT_SITE_NAME,
        pipeline.DEFAULT_SITE_DESCRIPTION,
    )
    result = pipeline.run(ROOT / "codes", ROOT, pipeline.DEFAULT_EDIT_URL_BASE)
    assert result.ok
    kinds = {page.kind for page in result.files}
    assert kinds == {name for name, kind in KINDS.items() if not kind.engine_renders}
    for output in result.files:
        built = output.content.replace(pipeline.DEFAULT_SITE_URL, site.site_url)
        assert (site.root / output.src_uri).read_text(encoding="utf-8") == built, output.src_uri


def test_a_page_of_an_unknown_kind_has_no_head(reference):
    site = seo.Site("HTTP Status Codes", "https://status.test.example/", "")
    with pytest.raises(UnknownKind, match="unknown page kind 'glossary'"):
        seo.head_for(Page("glossary.md", "# Glossary", "glossary"), reference, None, site)
    with pytest.raises(ValueError, match="not an HTML page"):
        seo.head_for(Page("api/v1/404.json", "{}", "api-entry", reference.by_code[404]), reference, None, site)
    home = seo.head_for(Page("index.md", "", "home", reference), reference, "https://status.test.example/", site)
    assert home.title == "HTTP Status Codes"


# Model fields that are not part of the API, and model fields the API names differently (its names are the
# public contract; the model's may change).
NOT_PUBLISHED = {"search_boost": "the site's own search ranking"}
API_NAMES = {"aliases": "former_names"}


def test_every_field_of_an_entry_reaches_its_json_document(reference):
    """A field added to the model must be added to api.py and schema/api-v1.schema.json (or listed above)."""
    import dataclasses

    from generator.api import entry_document
    from generator.model import Entry

    document = entry_document(reference.by_code[404], reference, "https://status.test.example/")
    for field in dataclasses.fields(Entry):
        if field.name in NOT_PUBLISHED:
            continue
        name = API_NAMES.get(field.name, field.name)
        assert name in document, f"Entry.{field.name} is missing from /api/v1/NNN.json"
        assert name in SCHEMA["$defs"]["entry"]["properties"], f"{name} is missing from the API schema"
