/* The site's search: a drop-in for Material's search worker (same messages: 1 ready, 2 query, 3 result), with
 * its own index (search/index.js, written by generator/search_index.py) and its own ranking.
 *
 * It runs as a Web Worker over HTTP. From the file system, where browsers refuse workers and fetch, the
 * loader in overrides/main.html runs it in the page instead (this file then only defines self.__searchEngine).
 *
 * Ranking, from the data and a few generic weights (no list of queries anywhere):
 * - a query that is a page's name (the H1 without or with its number, the registered phrase, the common
 *   name, a former name) or its number ranks that page first; its own specification section ("15.5.20")
 *   weighs like a name and is rare, so it does too;
 * - otherwise every query word scores in the best field it occurs in: names and own sections above
 *   keywords, keywords above the summary, the summary above headings and headings above the text; rare words
 *   count more than common ones (inverse document frequency), and a page that has every word beats one
 *   that has some;
 * - the entry's search boost (search_boost in its YAML, default 2) breaks ties between close pages.
 */
(function (scope) {
  "use strict";

  // Weights of the fields a query word can match in (a prefix match counts PREFIX of an exact one).
  var NAME = 10, SPEC = 10, KEYWORD = 6, CITED = 4, SUMMARY = 3, HEADING = 2, TEXT = 1, PREFIX = 0.6;
  // Bonuses for the whole query: equal to a name, to the start of a name, contained in a name or keyword.
  var IS_NAME = 200, STARTS_NAME = 40, IN_NAME = 20, IS_KEYWORD = 60, IN_KEYWORD = 12;
  var SECTIONS_FOR = 20;  // results that list their matching sections
  var WORD = /[\p{L}\p{N}_]+(?:[.'’][\p{L}\p{N}_]+)*/gu;

  function normal(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/’/g, "'");
  }

  /* The words of a text: lowercase, accents dropped; "15.5.20", "client_max_body_size" and "cloudflare's"
   * stay whole, and a word with letters also yields its parts ("http.statusnotfound" -> "statusnotfound"). */
  function words(text) {
    var out = [];
    (normal(text).match(WORD) || []).forEach(function (word) {
      out.push(word);
      if (/[a-z]/.test(word) && /[._']/.test(word))
        word.split(/[._']+/).forEach(function (part) { if (part) out.push(part); });
    });
    return out;
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function Engine(index) {
    var pages = index.pages.map(function (row) {
      return {
        location: row[0], title: row[1], boost: row[2] || 1, names: row[3], keywords: row[4],
        spec: row[5], cited: row[6], summary: row[7], docs: [],
        headWords: words(row[3].join(" ") + " " + row[7] + " " + row[4].join(" ")),
        namesNormal: row[3].map(function (n) { return words(n).join(" "); }),
        keywordsNormal: row[4].map(function (n) { return words(n).join(" "); })
      };
    });
    index.docs.forEach(function (row) {
      pages[row[0]].docs.push({ anchor: row[1], title: row[2], titleWords: words(row[2]), textWords: row[3].split(" ") });  // stored split and normalised
    });

    // postings.get(word) = [page, field weight, count, page, field weight, count, ...] (flat: building the
    // index allocates little); one sorted list of every word for prefix matches.
    var postings = new Map();
    function post(word, page, weight, count) {
      var list = postings.get(word);
      if (!list) postings.set(word, list = []);
      list.push(page, weight, count);
    }
    function add(page, weight, text) {
      var counts = new Map();
      (typeof text === "string" ? words(text) : text).forEach(function (w) { counts.set(w, (counts.get(w) || 0) + 1); });
      counts.forEach(function (count, w) { post(w, page, weight, count); });
    }
    pages.forEach(function (p, i) {
      add(i, NAME, p.names.join(" "));
      add(i, SPEC, p.spec.join(" "));
      add(i, KEYWORD, p.keywords.join(" "));
      add(i, CITED, p.cited);
      add(i, SUMMARY, p.summary);
      p.docs.forEach(function (d) {
        add(i, HEADING, d.titleWords);
        for (var k = 0; k < d.textWords.length; k++) post(d.textWords[k], i, TEXT, 1);  // stored distinct
      });
    });
    var vocabulary = Array.from(postings.keys()).sort();

    /* Words of the index that a query word matches: itself (strength 1), and longer words it starts
     * (strength PREFIX) when it has 2 characters or more, or is the word being typed. */
    function expand(word, last) {
      var out = [];
      if (postings.has(word)) out.push([word, 1]);
      if (word.length < 2 && !last) return out;
      var lo = 0, hi = vocabulary.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (vocabulary[mid] < word) lo = mid + 1; else hi = mid; }
      for (var k = lo; k < vocabulary.length && vocabulary[k].lastIndexOf(word, 0) === 0; k++)
        if (vocabulary[k] !== word) out.push([vocabulary[k], PREFIX]);
      return out;
    }

    /* A text as HTML with the words that match the query marked. */
    function mark(text, query) {
      if (!query.length) return escapeHTML(text);
      var alternatives = query.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
      var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])(" + alternatives.join("|") + ")", "giu");
      return escapeHTML(text).replace(pattern, "$1<mark>$2</mark>");
    }

    function teaser(text, query, length) {
      if (text.length <= length) return text;
      var at = -1, low = normal(text);
      query.forEach(function (w) { var i = low.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
      var start = Math.max(0, Math.min(at - 40, text.length - length));
      start = start > 0 ? text.indexOf(" ", start) + 1 : 0;
      return (start > 0 ? "… " : "") + text.slice(start, start + length).replace(/\s+\S*$/, "") + " …";
    }

    function search(input) {
      var query = Array.from(new Set(words(input)));
      if (!query.length) return { items: [] };
      var phrase = query.join(" ");
      var scores = new Float64Array(pages.length), found = pages.map(function () { return 0; });
      query.forEach(function (word, q) {
        var best = new Float64Array(pages.length), hit = new Uint8Array(pages.length), df = 0;
        expand(word, q === query.length - 1).forEach(function (pair) {
          var list = postings.get(pair[0]);
          for (var k = 0; k < list.length; k += 3) {
            var page = list[k], field = list[k + 1], count = list[k + 2];
            // Text counts saturate (a word said ten times is not ten times as relevant); other fields count once.
            var value = (field === TEXT ? TEXT * 2.2 * count / (count + 1.2) : field) * pair[1];
            if (!hit[page]) { hit[page] = 1; df++; }
            // The best field counts in full, the others a little (a word in the name and the text beats the name alone).
            best[page] = Math.max(best[page], value) + 0.1 * Math.min(best[page], value);
          }
        });
        var idf = Math.log(1 + pages.length / (df || 1));
        for (var i = 0; i < pages.length; i++) if (hit[i]) { scores[i] += idf * best[i]; found[i]++; }
      });
      var ranked = [];
      pages.forEach(function (p, i) {
        if (!found[i]) return;
        var coverage = found[i] / query.length, bonus = 0;
        p.namesNormal.forEach(function (name) {
          if (name === phrase) bonus = Math.max(bonus, IS_NAME);
          else if (phrase.length >= 3 && name.lastIndexOf(phrase, 0) === 0) bonus = Math.max(bonus, STARTS_NAME);
          else if ((" " + name + " ").indexOf(" " + phrase + " ") >= 0) bonus = Math.max(bonus, IN_NAME);
        });
        p.keywordsNormal.forEach(function (keyword) {
          if (keyword === phrase) bonus = Math.max(bonus, IS_KEYWORD);
          else if ((" " + keyword + " ").indexOf(" " + phrase + " ") >= 0) bonus = Math.max(bonus, IN_KEYWORD);
        });
        var score = (scores[i] * coverage * coverage + bonus) * Math.sqrt(p.boost);
        ranked.push({ page: p, score: score });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.page.location.localeCompare(b.page.location); });
      // Sections only for the results a reader scrolls to; further pages show their title and summary.
      return { items: ranked.map(function (r, k) { return group(r.page, r.score, query, k < SECTIONS_FOR); }) };
    }

    /* Material's result group for a page: the page first (title and summary), then its sections that
     * contain query words, best first (Material folds them under "N more on this page"). */
    function group(page, score, query, withSections) {
      var terms = {};
      var sections = [];
      (withSections ? page.docs : []).forEach(function (d) {
        var title = d.titleWords, text = d.textWords, value = 0;
        query.forEach(function (w) {
          var inTitle = title.some(function (t) { return t.lastIndexOf(w, 0) === 0; });
          var inText = text.filter(function (t) { return t.lastIndexOf(w, 0) === 0; }).length;
          value += (inTitle ? 2 : 0) + (inText ? 2.2 * inText / (inText + 1.2) : 0);
          if (inTitle || inText) terms[w] = true;
        });
        if (value > 0) sections.push({ doc: d, value: value });
      });
      var head = page.headWords;
      query.forEach(function (w) {
        if (head.some(function (t) { return t.lastIndexOf(w, 0) === 0; })) terms[w] = true;
        if (!terms[w]) terms[w] = false;
      });
      sections.sort(function (a, b) { return b.value - a.value; });
      var items = [{
        location: page.location, title: mark(page.title, query),
        text: "<p>" + mark(teaser(page.summary, query, 240), query) + "</p>", score: score, terms: terms
      }];
      sections.slice(0, 5).forEach(function (s, k) {
        items.push({
          // The index holds a section's words, not its prose: a section shows its heading.
          location: page.location + "#" + s.doc.anchor, title: mark(s.doc.title, query), text: "",
          score: score * 0.5 * s.value / (s.value + 1) / (k + 1), terms: terms
        });
      });
      return items;
    }

    return { search: search };
  }

  /* Marks the words of ``terms`` (the ?h= parameter Material adds to result links) in the page's content. */
  function highlightPage(root, terms) {
    var query = Array.from(new Set(words(terms || "")));
    if (!query.length || !root) return;
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}_])(" + query.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode())
      if (node.parentElement && node.parentElement.offsetHeight && pattern.test(node.nodeValue)) nodes.push(node);
    nodes.forEach(function (text) {
      var span = document.createElement("span");
      pattern.lastIndex = 0;
      span.innerHTML = escapeHTML(text.nodeValue).replace(pattern, "$1<mark data-md-highlight>$2</mark>");
      text.replaceWith.apply(text, Array.from(span.childNodes));
    });
  }

  scope.__searchEngine = { Engine: Engine, highlightPage: highlightPage };

  // As a Web Worker: the index's address follows "#" in this script's address.
  if (typeof WorkerGlobalScope !== "undefined" && scope instanceof WorkerGlobalScope) {
    scope.importScripts(decodeURIComponent(scope.location.hash.slice(1)));
    var engine = Engine(scope.__searchIndex);
    scope.addEventListener("message", function (event) {
      if (event.data && event.data.type === 2)
        scope.postMessage({ type: 3, data: engine.search(String(event.data.data || "")) });
    });
    scope.postMessage({ type: 1 });
  }
})(self);
