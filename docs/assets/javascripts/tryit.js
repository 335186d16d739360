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
    this.back = el("button", { type: "button", class: "tryit-button", text: "Back" });
    this.restart = el("button", { type: "button", class: "tryit-button", text: "Start over" });
    this.back.addEventListener("click", this.go.bind(this, -1));
    this.restart.addEventListener("click", this.go.bind(this, 0));
    var controls = el("p", { class: "tryit-controls" }, [this.back, " ", this.restart]);
    this.box.append(this.trail, this.heading, this.answers, this.result, controls, this.live);
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
    this.live.textContent = announce;
    if (moveFocus) focus.focus();
  };

  // ---------------------------------------------------------------- the playground

  var SIGNIFICANT = ["authorization", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since",
    "range", "expect", "content-length"];
  var REASONS = { 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed" };
  var REQUEST_BODY_HEADERS = ["content-encoding", "content-language", "content-location", "content-type"];

  /* An HTTP/1.1 message as written in the scenarios: start line, field lines, blank line, content. */
  function parseMessage(text) {
    var lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
    var message = { start: lines[0].trim(), fields: [], body: "" }, i = 1;
    for (; i < lines.length && lines[i] !== ""; i++) {
      var colon = lines[i].indexOf(":");
      if (colon < 1) { message.bad = lines[i]; break; }
      message.fields.push([lines[i].slice(0, colon).trim(), lines[i].slice(colon + 1).trim()]);
    }
    message.body = lines.slice(i + 1).join("\n");
    var parts = message.start.split(" ");
    message.method = parts[0];
    message.target = parts[1] || "";
    message.version = parts[2] || "";
    return message;
  }

  function field(message, name) {
    for (var i = 0; i < message.fields.length; i++) {
      if (message.fields[i][0].toLowerCase() === name) return message.fields[i][1];
    }
    return null;
  }

  function statusOf(text) {
    var finals = text.split(/\n(?=HTTP\/)/), last = finals[finals.length - 1];
    var match = /^HTTP\/\S+ (\d{3}) ?(.*)$/m.exec(last);
    return match ? { code: Number(match[1]), reason: match[2], message: parseMessage(last) } : null;
  }

  /* Why the request cannot be read, after RFC 9112 §3 (request line) and §3.2 (Host), or null. */
  function malformed(request) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/\d\.\d$/.test(request.start)) {
      return ["The request line must be method, target and HTTP version, separated by single spaces.", "RFC 9112 §3",
        "https://www.rfc-editor.org/rfc/rfc9112#section-3"];
    }
    if (request.bad) {
      return ["'" + request.bad + "' is not a header field line (Name: value); a blank line separates the body.",
        "RFC 9112 §5", "https://www.rfc-editor.org/rfc/rfc9112#section-5"];
    }
    if (request.version === "HTTP/1.1" && field(request, "host") === null) {
      return ["A server must answer 400 to an HTTP/1.1 request without Host.", "RFC 9112 §3.2",
        "https://www.rfc-editor.org/rfc/rfc9112#section-3.2"];
    }
    return null;
  }

  function sameFields(a, b, ignoreLength) {
    return SIGNIFICANT.every(function (name) {
      return (ignoreLength && name === "content-length") || field(a, name) === field(b, name);
    });
  }

  /* The modelled server: the scenario's steps are its routes. The first step at or after the flow's position
     whose method, target and conditional/credential fields equal the request's answers it; a request that
     matches a route but not its fields gets that route's plainest answer (fewest such fields); a known target
     with another method gets 405 with Allow; an unknown target gets 404. */
  function answer(scenario, position, request) {
    var problem = malformed(request);
    if (problem) return generated(400, problem, []);
    var steps = scenario.parsed, i;
    var order = [];
    for (i = position; i < steps.length; i++) order.push(i);
    for (i = 0; i < position; i++) order.push(i);
    // Exact first; then without Content-Length, so an edited body still reaches its route.
    for (var pass = 0; pass < 2; pass++) {
      var exact = order.filter(function (j) {
        var r = steps[j].request;
        return r.method === request.method && r.target === request.target && sameFields(r, request, pass === 1);
      });
      if (exact.length) return { step: exact[0] };
    }
    var route = order.filter(function (j) {
      var r = steps[j].request;
      return r.method === request.method && r.target === request.target;
    });
    if (route.length) {
      var count = function (j) {
        return SIGNIFICANT.filter(function (n) { return field(steps[j].request, n) !== null; }).length;
      };
      route.sort(function (a, b) { return count(a) - count(b) || route.indexOf(a) - route.indexOf(b); });
      return { step: route[0] };
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
      return generated(405, ["This resource does not support " + request.method + "; Allow lists the methods it does.",
        "RFC 9110 §15.5.6", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6"], [["Allow", methods.join(", ")]]);
    }
    return generated(404, ["The modelled server has no resource at " + request.target + ".", "RFC 9110 §15.5.5",
      "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"], []);
  }

  function generated(code, why, fields) {
    var lines = ["HTTP/1.1 " + code + " " + REASONS[code]].concat(fields.map(function (f) { return f.join(": "); }));
    lines.push("Content-Length: 0");
    return { response: lines.join("\n") + "\n", rule: why[0], section: why[1], url: why[2], code: code };
  }

  /* What a browser sends after a redirect: Fetch, "HTTP-redirect fetch", step 12. */
  function followRedirect(request, status, location) {
    var rewrite = ((status === 301 || status === 302) && request.method === "POST") ||
      (status === 303 && request.method !== "GET" && request.method !== "HEAD");
    var target = new URL(location, "http://" + (field(request, "host") || "example.com") + request.target);
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
    var result = answer(this.scenario, this.position, request), response, index = result.step;
    if (index !== undefined && steps[index].wait && this.pendingWait && index > 0) {
      index -= 1;  // the client did not wait as Retry-After asked: the server refuses again
    }
    if (index !== undefined) {
      response = steps[index].response;
      this.showRule(steps[index].rule, steps[index].section, steps[index].url);
    } else {
      response = result.response;
      this.showRule(result.rule, result.section, result.url);
    }
    var status = statusOf(response);
    this.last = { request: request, status: status };
    this.output.textContent = response.replace(/\n$/, "");
    this.output.hidden = false;
    var retry = field(status.message, "retry-after");
    if (index !== undefined && retry && steps[index + 1] && steps[index + 1].wait) {
      this.pendingWait = /^\d+$/.test(retry) ? Number(retry) : steps[index + 1].wait;
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
    this.next.disabled = this.position + 1 >= steps.length;
  };

  Playground.prototype.onWait = function () {
    var seconds = this.pendingWait;
    this.pendingWait = 0;
    this.showWait();
    this.status.textContent = seconds + " seconds have passed (simulated). Send the request again.";
    this.send.focus();
  };

  Playground.prototype.onNext = function () {
    var index = this.position + 1, step = this.scenario.steps[index], text = null, last = this.last;
    if (!step) return;
    if (step.follows_redirect && last && last.status && field(last.status.message, "location")) {
      text = followRedirect(last.request, last.status.code, field(last.status.message, "location")).text;
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
