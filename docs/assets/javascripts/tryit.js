/* Try it: the "Which status code should I return?" guide (one question at a time, the path in the URL) and
   the HTTP playground (edit a request, Send, and follow the flow step by step). Loaded only on pages whose
   front matter has `tryit` (overrides/main.html). Without this script the pages show the same content as
   a nested list and a sequence of messages. The data comes from assets/tryit/*.json, written by the
   generator from guide/tree.yaml and scenarios/*.yaml. No framework, nothing fetched from another host. */
(function () {
  "use strict";
  var script = document.currentScript;
  var DATA = new URL("../tryit/", script ? script.src : location.href);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function load(name) {
    return fetch(new URL(name + ".json", DATA)).then(function (response) {
      if (!response.ok) throw new Error(name + ".json: " + response.status);
      return response.json();
    });
  }

  // ---------------------------------------------------------------- the guide

  function Guide(anchor, tree) {
    this.tree = tree;
    var list = anchor.nextElementSibling;
    this.box = el("section", { class: "tryit-guide", "aria-label": "Guide, one question at a time" });
    this.trail = el("ol", { class: "tryit-trail", "aria-label": "Your answers so far" });
    this.heading = el("h2", { class: "tryit-question", tabindex: "-1" });
    this.answers = el("ul", { class: "tryit-answers" });
    this.result = el("div", { class: "tryit-result", hidden: "" });
    this.live = el("p", { class: "tryit-live", role: "status", "aria-live": "polite" });
    this.notice = el("p", { class: "tryit-notice", hidden: "" });
    this.back = el("button", { type: "button", class: "tryit-button", text: "Back" });
    this.restart = el("button", { type: "button", class: "tryit-button", text: "Start over" });
    this.back.addEventListener("click", this.go.bind(this, -1));
    this.restart.addEventListener("click", this.go.bind(this, 0));
    var controls = el("p", { class: "tryit-controls" }, [this.back, " ", this.restart]);
    this.box.append(this.notice, this.trail, this.heading, this.answers, this.result, controls, this.live);
    anchor.after(this.box);
    if (list && list.tagName === "UL") {
      // The full tree stays in the page (search engines, readers who want to scan it), folded away.
      list.id = "tryit-all";
      list.hidden = true;
      var toggle = el("button", {
        type: "button", class: "tryit-button tryit-toggle", "aria-expanded": "false", "aria-controls": "tryit-all",
        text: "Show every question and answer",
      });
      toggle.addEventListener("click", function () {
        list.hidden = !list.hidden;
        toggle.setAttribute("aria-expanded", String(!list.hidden));
        toggle.textContent = list.hidden ? "Show every question and answer" : "Hide the full list";
      });
      list.before(el("p", {}, [toggle]));
    }
    window.addEventListener("popstate", this.show.bind(this, false));
    this.show(false);
  }

  /* The path is the 1-based number of each answer chosen, dot-separated: ?path=3.2.1 */
  Guide.prototype.path = function () {
    var text = new URLSearchParams(location.search).get("path") || "";
    return text ? text.split(".").map(Number) : [];
  };

  Guide.prototype.walk = function (path) {
    var steps = [], qid = this.tree.start, end = null;
    for (var i = 0; i < path.length; i++) {
      var question = this.tree.questions[qid], answer = question && question.answers[path[i] - 1];
      if (!answer || end) break;
      steps.push({ question: question.question, answer: answer, number: path[i] });
      if (answer.next) qid = answer.next; else end = answer;
    }
    return { steps: steps, qid: qid, end: end };
  };

  Guide.prototype.setPath = function (path) {
    var url = new URL(location.href);
    if (path.length) url.searchParams.set("path", path.join(".")); else url.searchParams.delete("path");
    history.pushState(null, "", url);
    this.show(true);
  };

  Guide.prototype.go = function (delta) {
    this.setPath(delta === 0 ? [] : this.path().slice(0, delta));
  };

  Guide.prototype.show = function (moveFocus) {
    var self = this, state = this.walk(this.path());
    var numbers = state.steps.map(function (s) { return s.number; });
    // A hand-edited link: keep the answers that exist, put only those in the URL, and say the rest was dropped.
    var asked = new URLSearchParams(location.search).get("path") || "", kept = numbers.join(".");
    this.notice.hidden = asked === kept;
    if (asked !== kept) {
      var url = new URL(location.href);
      if (kept) url.searchParams.set("path", kept); else url.searchParams.delete("path");
      history.replaceState(null, "", url);
      var rest = kept && asked.indexOf(kept + ".") === 0 ? asked.slice(kept.length + 1) : asked;
      this.notice.textContent = (kept ? "The rest of the link, \u201c" : "The link\u2019s path, \u201c") + rest +
        "\u201d, did not match any answer and was left out.";
    }
    this.trail.replaceChildren.apply(this.trail, state.steps.map(function (step, i) {
      var link = el("a", { href: "?path=" + numbers.slice(0, i).join("."), text: step.question });
      link.addEventListener("click", function (event) { event.preventDefault(); self.setPath(numbers.slice(0, i)); });
      return el("li", {}, [link, " ", el("strong", { text: step.answer.answer })]);
    }));
    this.trail.hidden = !state.steps.length;
    this.back.disabled = this.restart.disabled = !state.steps.length;
    var focus, announce;
    if (state.end) {
      var end = state.end;
      this.heading.hidden = true;
      this.answers.replaceChildren();
      var title = el("h2", { class: "tryit-code", tabindex: "-1" }, [
        el("a", { href: end.href, text: end.number + " " + end.phrase }),
      ]);
      var parts = [title, el("p", { text: end.why })];
      if (end.instead !== undefined) {
        parts.push(el("p", { class: "tryit-instead" }, [
          "Send ", el("a", { href: end.instead_href, text: end.instead_number + " " + end.instead_phrase }),
          " instead.",
        ]));
      }
      this.result.replaceChildren.apply(this.result, parts);
      this.result.hidden = false;
      focus = title;
      announce = "Answer: " + end.number + " " + end.phrase +
        (end.instead !== undefined ? ", send " + end.instead_number + " instead" : "");
    } else {
      var question = this.tree.questions[state.qid];
      this.result.hidden = true;
      this.heading.hidden = false;
      this.heading.textContent = question.question;
      this.answers.replaceChildren.apply(this.answers, question.answers.map(function (answer, i) {
        var button = el("button", { type: "button", class: "tryit-answer", text: answer.answer });
        button.addEventListener("click", function () { self.setPath(numbers.concat([i + 1])); });
        return el("li", {}, [button]);
      }));
      focus = this.heading;
      announce = "Question " + (state.steps.length + 1) + ": " + question.question;
    }
    this.live.textContent = (this.notice.hidden ? "" : this.notice.textContent + " ") + announce;
    if (moveFocus) focus.focus();
  };

  // ---------------------------------------------------------------- the playground

  var SIGNIFICANT = ["authorization", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since",
    "range", "expect", "content-length"];
  var CONDITIONS = SIGNIFICANT.slice(1, 5);
  var REASONS = { 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 304: "Not Modified",
    408: "Request Timeout", 411: "Length Required", 412: "Precondition Failed", 421: "Misdirected Request" };
  var REQUEST_BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type"];
  var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

  /* [rule, "RFC n §s", its URL] for the rule shown under a generated answer. */
  function cite(text, rfc, section) {
    return [text, "RFC " + rfc + " \u00a7" + section,
      "https://www.rfc-editor.org/rfc/rfc" + rfc + "#section-" + section];
  }

  /* An HTTP/1.1 message as written in the scenarios: start line, field lines, blank line, content. */
  function parseMessage(text) {
    var lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
    var message = { start: lines[0].trim(), fields: [], body: "" }, i = 1;
    for (; i < lines.length && lines[i] !== ""; i++) {
      var colon = lines[i].indexOf(":"), name = lines[i].slice(0, colon), bare = name.replace(/\s+$/, "");
      // RFC 9112 §5.1: no whitespace between field name and colon (a request smuggling vector).
      if (colon > 0 && TOKEN.test(bare) && name !== bare) message.spaced = lines[i];
      if (colon < 1 || !TOKEN.test(name.trim())) { message.bad = lines[i]; break; }
      message.fields.push([name.trim(), lines[i].slice(colon + 1).trim()]);
    }
    message.body = lines.slice(i + 1).join("\n");
    var parts = message.start.split(" ");
    message.method = parts[0];
    message.target = parts[1] || "";
    message.version = parts[2] || "";
    return message;
  }

  function fields(message, name) {
    return message.fields.filter(function (f) { return f[0].toLowerCase() === name; })
      .map(function (f) { return f[1]; });
  }

  function field(message, name) {
    var values = fields(message, name);
    return values.length ? values[0] : null;
  }

  function statusOf(text) {
    var finals = text.split(/\n(?=HTTP\/)/), last = finals[finals.length - 1];
    var match = /^HTTP\/\S+ (\d{3}) ?(.*)$/m.exec(last);
    return match ? { code: Number(match[1]), reason: match[2], message: parseMessage(last) } : null;
  }

  /* Host = uri-host [":" port] (RFC 9110 §7.2, RFC 3986 §3.2.2): an IP literal in brackets or a reg-name of
     unreserved, percent-encoded and sub-delims characters. */
  function validHost(host) {
    return /^(\[[0-9A-Fa-f:.]+\]|([-\w.~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)(:\d*)?$/.test(host);
  }

  function lowerHost(host) { return host.toLowerCase().replace(/:80$/, ""); }

  /* The answer to a request a server must or may refuse before routing it, or null. Also sets
     request.authority (the host it is for) and request.excess (a note when the content is longer than
     Content-Length says). Sources: RFC 9112 §3, §3.2, §3.2.2, §5, §5.1, §6.3; RFC 9110 §7.4, §15.5.12. */
  function refused(scenario, request) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/\d\.\d$/.test(request.start)) {
      return generated(400, cite("The request line must be method, target and HTTP version, separated by single " +
        "spaces.", 9112, "3"));
    }
    if (request.spaced) {
      return generated(400, cite("'" + request.spaced + "': no whitespace is allowed between a field name and its " +
        "colon; a server must reject such a request with 400.", 9112, "5.1"));
    }
    if (request.bad) {
      return generated(400, cite("'" + request.bad + "' is not a header field line (Name: value); a blank line " +
        "separates the body.", 9112, "5"));
    }
    var hosts = fields(request, "host"), host = hosts[0];
    if (hosts.length > 1 || (request.version === "HTTP/1.1" && !hosts.length) || (hosts.length && !validHost(host))) {
      return generated(400, cite("A server must answer 400 to an HTTP/1.1 request without Host, with more than one " +
        "Host, or with an invalid Host" + (hosts.length === 1 ? " ('" + host + "' is not a host and optional port)" :
        "") + ".", 9112, "3.2"));
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(request.target)) {
      var url = null;
      try { url = new URL(request.target); } catch (error) { /* answered below */ }
      if (!url || !/^https?:$/.test(url.protocol) || !url.host) {
        return generated(400, cite("'" + request.target + "' is not an http or https URI (absolute-form).", 9112,
          "3.2.2"));
      }
      // The absolute-form's host wins over the Host field.
      host = url.host;
      request.target = url.pathname + url.search;
    }
    request.authority = host;
    var lengths = fields(request, "content-length");
    var size = function (text) { return new TextEncoder().encode(text).length; };
    // Blank lines typed after the content may be read as the empty lines a server ignores before the next
    // request line (RFC 9112 §2.2): a length that counts them or not is right.
    var octets = size(request.body), content = size(request.body.replace(/\n+$/, ""));
    if (field(request, "transfer-encoding") === null) {
      var length = lengths.join(",").split(/\s*,\s*/).filter(function (v, i, all) { return all.indexOf(v) === i; });
      if (lengths.length && (length.length > 1 || !/^\d+$/.test(length[0]))) {
        return generated(400, cite("Content-Length must be one number of octets; an invalid one makes the framing " +
          "unrecoverable: 400, then the connection closes.", 9112, "6.3"));
      }
      if (!lengths.length && content && request.version === "HTTP/1.1") {
        return generated(411, cite("Without Content-Length or Transfer-Encoding a request has no content (RFC 9112 " +
          "\u00a76.3): these lines would be read as the next request. This server requires a length, so it answers " +
          "411.", 9110, "15.5.12"));
      }
      var declared = Number(length[0]);
      // With Expect: 100-continue the client waits for 100 before it sends the content (RFC 9110 §10.1.1).
      if (lengths.length && declared > octets && !(octets === 0 && field(request, "expect"))) {
        return generated(408, cite("Content-Length says " + declared + " octets but " + octets + " follow: the " +
          "server waits for the other " + (declared - octets) + ". When it gives up, the message is incomplete " +
          "and it closes the connection, here after 408 Request Timeout (RFC 9110 \u00a715.5.9).", 9112, "6.3"),
          [["Connection", "close"]]);
      }
      if (lengths.length && declared < content) {
        request.excess = "Content-Length says " + declared + ": a real server reads only the first " + declared +
          " octets as the content and reads the other " + (content - declared) + " as the start of the next request " +
          "(RFC 9112 \u00a76.3).";
      }
    }
    var known = scenario.parsed.map(function (s) { return lowerHost(field(s.request, "host") || ""); });
    if (host !== undefined && known.indexOf(lowerHost(host)) < 0) {
      return generated(421, cite("This server answers for " + known[0] + ", not " + host + ". A server that is not " +
        "configured to answer for the target's origin may refuse it as misdirected (RFC 9110 \u00a77.4).", 9110,
        "15.5.20"));
    }
    return null;
  }

  function sameFields(a, b, ignoreLength) {
    return SIGNIFICANT.every(function (name) {
      return (ignoreLength && name === "content-length") || field(a, name) === field(b, name);
    });
  }

  /* Does the If-Match / If-None-Match value match the current entity tag? "*" matches any current
     representation; otherwise any member of the list, compared strongly (both strong and equal) or weakly
     (opaque tags equal). RFC 9110 §8.8.3.2, §13.1.1, §13.1.2. */
  function matches(value, current, weak) {
    // The target has a route answered 2xx (route() checks), so a current representation exists.
    if (value.trim() === "*") return true;
    if (current === "(none)") return false;
    return value.split(",").some(function (tag) {
      tag = tag.trim();
      return weak ? tag.replace(/^W\//, "") === current.replace(/^W\//, "") :
        tag === current && tag.indexOf("W/") !== 0;
    });
  }

  /* The preconditions of RFC 9110 §13.2.2 in its order, against the target's current entity tag and
     modification date: {code: 412 or 304, why: cite(...)} for the first that fails, or null. */
  function precondition(request, method, etag, modified) {
    var ifMatch = field(request, "if-match"), ifNone = field(request, "if-none-match");
    var ifUnmodified = Date.parse(field(request, "if-unmodified-since"));
    var ifModified = field(request, "if-modified-since");
    var safe = method === "GET" || method === "HEAD", changed = Date.parse(modified);
    if (ifMatch !== null && !matches(ifMatch, etag, false)) {
      return { code: 412, why: cite("If-Match " + ifMatch + " does not match the current entity tag " + etag + " by " +
        "strong comparison, so the condition is false and the method is not applied: 412.", 9110, "13.1.1") };
    }
    if (ifMatch === null && changed > ifUnmodified) {
      return { code: 412, why: cite("The representation changed after If-Unmodified-Since: 412.", 9110, "13.1.4") };
    }
    if (ifNone !== null && matches(ifNone, etag, true)) {
      return { code: safe ? 304 : 412, why: cite("If-None-Match " + ifNone + " matches the current entity tag " + etag +
        " by weak comparison, so the condition is false: " + (safe ? "a GET or HEAD gets 304 Not Modified." :
        "a method other than GET or HEAD gets 412."), 9110, "13.1.2") };
    }
    if (ifNone === null && safe && changed <= Date.parse(ifModified)) {
      return { code: 304, why: cite("Not modified since If-Modified-Since: 304.", 9110, "13.1.3") };
    }
    return null;
  }

  /* The current value of an ETag or Last-Modified of ``target``: the last response to it before ``position``,
     else the first response in the scenario that has one. */
  function current(scenario, position, target, name) {
    var found = null;
    scenario.parsed.forEach(function (s, j) {
      var value = s.request.target === target && field(statusOf(scenario.steps[j].response).message, name);
      if (value && (j < position || found === null)) found = { j: j, value: value };
    });
    return found && found.value;
  }

  /* The modelled server: the scenario's steps are its routes. The first step at or after the flow's position
     whose method, target and conditional/credential fields equal the request's answers it; a request that
     matches a route but not its fields gets that route's plainest answer (fewest such fields); a known target
     with another method gets 405 with Allow; an unknown target gets 404. A request with preconditions is
     answered after RFC 9110 §13.2 (route() below); HEAD where only GET is modelled is GET without content
     (RFC 9110 §9.3.2). Returns {step} (the step whose response answers), or {response, rule, section, url}. */
  function answer(scenario, position, request, client) {
    var result = refused(scenario, request);
    if (result) return result;
    var routes = function (method) {
      return scenario.parsed.some(function (s) {
        return s.request.method === method && s.request.target === request.target;
      });
    };
    var head = request.method === "HEAD" && !routes("HEAD") && routes("GET");
    result = route(scenario, position, request, head ? "GET" : request.method);
    var steps = scenario.steps, index = result.step;
    if (index !== undefined && steps[index].wait && client.pendingWait && index > 0) {
      result = { step: index - 1 };  // the client did not wait as Retry-After asked: the server refuses again
    } else if (index !== undefined && client.waited && steps[index + 1] && steps[index + 1].wait) {
      result = { step: index + 1 };  // the client waited: it gets the answer the next step shows
    }
    if (head) {
      var text = result.response || steps[result.step].response;
      var why = result.rule ? [result.rule, result.section, result.url] :
        cite("The server answers HEAD as it would GET, with the same header fields but without content.", 9110,
          "9.3.2");
      result = { step: result.step, response: text.split("\n\n")[0] + "\n", rule: why[0], section: why[1],
        url: why[2] };
    }
    return result;
  }

  function route(scenario, position, request, method) {
    var steps = scenario.parsed, i;
    var order = [];
    for (i = position; i < steps.length; i++) order.push(i);
    for (i = 0; i < position; i++) order.push(i);
    var onRoute = order.filter(function (j) {
      return steps[j].request.method === method && steps[j].request.target === request.target;
    });
    var count = function (j) {
      return SIGNIFICANT.filter(function (n) { return field(steps[j].request, n) !== null; }).length;
    };
    // Exact first; then without Content-Length, so an edited body still reaches its route; then the plainest.
    var pick = function (list) {
      for (var pass = 0; pass < 2; pass++) {
        var exact = list.filter(function (j) { return sameFields(steps[j].request, request, pass === 1); });
        if (exact.length) return exact[0];
      }
      return list.slice().sort(function (a, b) { return count(a) - count(b) || list.indexOf(a) - list.indexOf(b); })[0];
    };
    if (onRoute.length) {
      var status = function (j) { return scenario.steps[j].status; };
      var proceed = onRoute.filter(function (j) { return [304, 412].indexOf(status(j)) < 0; });
      var conditional = onRoute.concat([-1]).some(function (j) {
        var r = j < 0 ? request : steps[j].request;
        return CONDITIONS.some(function (n) { return field(r, n) !== null; });
      });
      // Preconditions are evaluated only where the answer would otherwise be 2xx (RFC 9110 §13.2.1).
      if (!conditional || !proceed.length || Math.floor(status(pick(proceed)) / 100) !== 2) {
        return { step: pick(onRoute) };
      }
      var etag = current(scenario, position, request.target, "etag") || "(none)";
      var failed = precondition(request, method, etag, current(scenario, position, request.target, "last-modified"));
      var candidates = failed ? onRoute.filter(function (j) { return status(j) === failed.code; }) : proceed;
      if (!candidates.length) return generated(failed.code, failed.why, etag !== "(none)" ? [["ETag", etag]] : []);
      var chosen = pick(candidates);
      if (sameFields(steps[chosen].request, request, true)) return { step: chosen };
      var why = failed ? failed.why : cite("No precondition of the request fails for the current entity tag " + etag +
        ", so the server applies the method and answers as it would without them.", 9110, "13.2.2");
      return { step: chosen, rule: why[0], section: why[1], url: why[2] };
    }
    var methods = [];
    var known = false;
    scenario.steps.forEach(function (s, j) {
      var r = steps[j].request;
      if (r.target !== request.target) return;
      known = true;
      // A method the resource refuses (the scenario's own 405 or 501) is not one it supports.
      if ([405, 501].indexOf(s.status) < 0 && methods.indexOf(r.method) < 0) methods.push(r.method);
    });
    if (known) {
      if (methods.indexOf("GET") >= 0 && methods.indexOf("HEAD") < 0) methods.push("HEAD");
      return generated(405, cite("This resource does not support " + request.method + "; Allow lists the methods it " +
        "does.", 9110, "15.5.6"), [["Allow", methods.join(", ")]]);
    }
    return generated(404, cite("The modelled server has no resource at " + request.target + ".", 9110, "15.5.5"));
  }

  function generated(code, why, extra) {
    var lines = ["HTTP/1.1 " + code + " " + REASONS[code]]
      .concat((extra || []).map(function (f) { return f.join(": "); }));
    if (code !== 304) lines.push("Content-Length: 0");
    return { response: lines.join("\n") + "\n", rule: why[0], section: why[1], url: why[2], code: code };
  }

  /* What a browser sends after a redirect: Fetch, "HTTP-redirect fetch", step 12. */
  function followRedirect(request, status, location) {
    var rewrite = ((status === 301 || status === 302) && request.method === "POST") ||
      (status === 303 && request.method !== "GET" && request.method !== "HEAD");
    var target = new URL(location, "http://" + (request.authority || field(request, "host") || "example.com") +
      request.target);
    var fields = request.fields.filter(function (f) {
      var name = f[0].toLowerCase();
      if (name === "host") return false;
      return !(rewrite && (REQUEST_BODY_HEADERS.indexOf(name) >= 0 || name === "content-length"));
    });
    var lines = [(rewrite ? "GET" : request.method) + " " + target.pathname + target.search + " HTTP/1.1",
      "Host: " + target.host].concat(fields.map(function (f) { return f.join(": "); }));
    var text = lines.join("\n") + "\n";
    if (!rewrite && request.body) text += "\n" + request.body + "\n";
    return { text: text, rewrite: rewrite };
  }

  function Playground(anchor, scenario) {
    this.scenario = scenario;
    scenario.parsed = scenario.steps.map(function (s) { return { request: parseMessage(s.request) }; });
    // A scenario of independent parts (starts_at_page_code) opens on the step answered with the page's code.
    var startStatus = Number(anchor.getAttribute("data-start-status"));
    this.start = Math.max(0, scenario.steps.findIndex(function (s) { return startStatus && s.status === startStatus; }));
    this.position = this.start;   // the step whose request is in the editor
    this.pendingWait = 0; // seconds Retry-After asked the client to wait, not yet waited (simulated)
    this.waited = false;  // the client waited as Retry-After asked: its next retry is answered
    var id = "tryit-" + scenario.id;
    this.box = el("section", { class: "tryit-play", "aria-label": "Playground: " + scenario.title });
    this.stepTitle = el("h3", { class: "tryit-step", id: id + "-step", tabindex: "-1" });
    this.rule = el("p", { class: "tryit-rule" });
    this.editor = el("textarea", {
      id: id + "-request", class: "tryit-request", rows: "8", spellcheck: "false", autocapitalize: "off",
      "aria-describedby": id + "-hint",
    });
    var hint = el("p", { id: id + "-hint", class: "tryit-hint",
      text: "Method, target and HTTP version; header fields; a blank line; then the body. Edit anything, then " +
        "Send (or Ctrl+Enter)." });
    this.send = el("button", { type: "button", class: "tryit-button tryit-button--primary", text: "Send" });
    this.next = el("button", { type: "button", class: "tryit-button", text: "Next step" });
    this.prev = el("button", { type: "button", class: "tryit-button", text: "Previous step" });
    this.wait = el("button", { type: "button", class: "tryit-button", hidden: "" });
    this.reset = el("button", { type: "button", class: "tryit-button", text: "Start over" });
    this.status = el("p", { class: "tryit-status", role: "status", "aria-live": "polite" });
    this.output = el("pre", { class: "tryit-response", tabindex: "0", role: "region", "aria-label": "Response", hidden: "" });
    this.explain = el("p", { class: "tryit-explain", hidden: "" });
    this.box.append(
      this.stepTitle, this.rule,
      el("label", { for: id + "-request", text: "Request" }), this.editor, hint,
      el("p", { class: "tryit-controls" }, [this.send, " ", this.wait, " ", this.prev, " ", this.next, " ", this.reset]),
      this.status, this.output, this.explain);
    anchor.after(this.box);
    var self = this;
    this.send.addEventListener("click", function () { self.onSend(); });
    this.next.addEventListener("click", function () { self.onNext(); });
    this.prev.addEventListener("click", function () { self.load(Math.max(0, self.position - 1), null, true); });
    this.reset.addEventListener("click", function () { self.pendingWait = 0; self.load(self.start, null, true); });
    this.wait.addEventListener("click", function () { self.onWait(); });
    this.editor.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); self.onSend(); }
    });
    this.load(this.start, null, false);
  }

  /* Put step ``index`` in the editor (``text``: the request to show instead of the step's own). */
  Playground.prototype.load = function (index, text, moveFocus) {
    var steps = this.scenario.steps, step = steps[index];
    this.position = index;
    this.last = null;
    this.waited = false;
    this.stepTitle.textContent = "Step " + (index + 1) + " of " + steps.length + ": " + step.title;
    this.showRule(step.rule, step.section, step.url);
    this.editor.value = (text || step.request).replace(/\n$/, "");
    this.output.hidden = this.explain.hidden = true;
    this.prev.disabled = index === 0;
    this.next.disabled = true;
    var note = step.sender === "browser" ? " The browser sends this request by itself." : "";
    if (step.wait && this.pendingWait) note += " Retry-After asked the client to wait " + this.pendingWait + " seconds.";
    this.status.textContent = "Step " + (index + 1) + ": " + step.title + "." + note;
    this.showWait();
    if (moveFocus) this.stepTitle.focus();
  };

  Playground.prototype.showWait = function () {
    this.wait.hidden = !this.pendingWait;
    this.wait.textContent = "Wait " + this.pendingWait + " seconds (simulated)";
  };

  Playground.prototype.showRule = function (text, section, url) {
    this.rule.replaceChildren(text + " ", el("a", { href: url, text: section }));
  };

  Playground.prototype.onSend = function () {
    var steps = this.scenario.steps, request = parseMessage(this.editor.value);
    var result = answer(this.scenario, this.position, request, this), index = result.step;
    var response = result.response || steps[index].response, why = result.rule ? result : steps[index];
    this.showRule(why.rule, why.section, why.url);
    var status = statusOf(response);
    this.last = { request: request, status: status };
    this.output.textContent = response.replace(/\n$/, "");
    this.output.hidden = false;
    var retry = field(status.message, "retry-after");
    if (index !== undefined && retry && steps[index + 1] && steps[index + 1].wait) {
      this.pendingWait = /^\d+$/.test(retry) ? Number(retry) : steps[index + 1].wait;
      this.waited = false;
    }
    this.showWait();
    var said = "Response: " + status.code + " " + status.reason + ".";
    if (!this.wait.hidden) said += " The client must wait " + this.pendingWait + " seconds before retrying.";
    this.status.textContent = said;
    this.explain.hidden = true;
    var location = field(status.message, "location");
    if ([301, 302, 303, 307, 308].indexOf(status.code) >= 0 && location) {
      var follow = followRedirect(request, status.code, location);
      var to = "A browser follows to " + location + " with ";
      if (follow.rewrite) {
        to += "GET, without the body and its Content-Type (Fetch, HTTP-redirect fetch, step 12).";
      } else if (request.body.trim()) {
        to += "the same method and body, " + request.method + " (Fetch, HTTP-redirect fetch).";
      } else {
        to += request.method + " (Fetch, HTTP-redirect fetch).";
      }
      this.explain.textContent = to;
      this.explain.hidden = false;
    }
    if (request.excess) {
      this.explain.textContent = request.excess + (this.explain.hidden ? "" : " " + this.explain.textContent);
      this.explain.hidden = false;
    }
    this.next.disabled = this.position + 1 >= steps.length;
  };

  Playground.prototype.onWait = function () {
    var seconds = this.pendingWait;
    this.pendingWait = 0;
    this.waited = true;
    this.showWait();
    this.status.textContent = seconds + " seconds have passed (simulated). Send the request again.";
    this.send.focus();
  };

  Playground.prototype.onNext = function () {
    var index = this.position + 1, step = this.scenario.steps[index], text = null, last = this.last;
    if (!step) return;
    if (step.follows_redirect && last && last.status && field(last.status.message, "location")) {
      try {
        text = followRedirect(last.request, last.status.code, field(last.status.message, "location")).text;
      } catch (error) { /* a Location no URL parser accepts: show the step's own request */ }
    }
    this.load(index, text, true);
  };

  // ---------------------------------------------------------------- start

  /* Without its data (the offline copy opened from disk, where the browser refuses fetch() of a file) the page
     keeps what it shows without JavaScript: the full list, the messages step by step. */
  function unavailable(error) { console.warn("tryit: " + error.message + "; the static content stays"); }

  /* Each guide or playground is fetched and built when the reader comes within a screen of it. A playground
     sits three to four screens down its code page; building it at load was one 120-150 ms task (Lighthouse,
     mobile, 4x CPU slowdown) on /301/ and /503/, for readers who mostly read the top of the page. The guide
     is at the top of /guide/, so it is built at once. */
  /* The stylesheet styles only what this script builds: linked when the first guide or playground is built
     (built once it has loaded), not in the page's head, where it was one more render-blocking request before
     the first paint of every page with a playground (Lighthouse: first contentful paint 1.5 s on /301/, a
     round trip later than /404/). */
  var styled = null;
  function stylesheet() {
    styled = styled || new Promise(function (resolve) {
      var link = el("link", { rel: "stylesheet", href: new URL("../stylesheets/tryit.css", DATA).href });
      link.onload = link.onerror = resolve; // unstyled is better than not built
      document.head.appendChild(link);
    });
    return styled;
  }

  function whenNear(anchor, build) {
    if (!("IntersectionObserver" in window)) return build();
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      build();
    }, { rootMargin: "100% 0px" });
    observer.observe(anchor);
  }

  document.querySelectorAll(".tryit-anchor[data-guide]").forEach(function (anchor) {
    whenNear(anchor, function () {
      Promise.all([load(anchor.getAttribute("data-guide")), stylesheet()])
        .then(function (loaded) { new Guide(anchor, loaded[0]); }).catch(unavailable);
    });
  });
  document.querySelectorAll(".tryit-anchor[data-scenario]").forEach(function (anchor) {
    whenNear(anchor, function () {
      Promise.all([load(anchor.getAttribute("data-scenario")), stylesheet()])
        .then(function (loaded) { new Playground(anchor, loaded[0]); }).catch(unavailable);
    });
  });
})();
