/*
 * "Should I fire this client?" in the browser: one step at a time.
 *
 * The page already holds every question and outcome as a section, with answers as links
 * (hooks/decision_tool.py); without this script the tool works by following those links. With
 * it, only the current step shows, the answers given are listed with "Change" beside each, and
 * the whole path lives in the address fragment, #question=answer/question=answer, so it can be
 * bookmarked, shared, reloaded and carried to another language, and Back and Forward step
 * through it. Nothing is sent anywhere: a fragment never leaves the browser.
 *
 * Any fragment is safe: node and answer ids are looked up in maps without a prototype
 * (#constructor is no step), a malformed %-escape is read as written, a search result's
 * #<node>--title opens that step, and a fragment for another part of the page (the skip link,
 * a heading's permalink) keeps the answers.
 *
 * On an outcome, the case record: "Copy as a note" puts the date, the tree's version, every
 * question with its answer, the recommendation, why, the next steps with the addresses of the
 * handbook's sections and the link to this path on the clipboard as plain text; "Print or save
 * as PDF" prints the same on one page. The private note is kept only in the text field: never
 * in the address, in storage, or in anything sent.
 */
(function () {
  "use strict";

  var TITLE_SUFFIX = "--title";

  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (error) { return text; }
  }

  function setup(root) {
    root.classList.add("hb-tool--js");

    var words = JSON.parse(root.querySelector("[data-hb-words]").textContent);
    var start = root.dataset.start;
    var pageTitle = document.title;
    var nodes = Object.create(null);
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-node]"), function (section) {
      var answers = Object.create(null);
      Array.prototype.forEach.call(section.querySelectorAll("[data-hb-answer]"), function (link) {
        answers[link.dataset.hbAnswer] = { next: link.dataset.hbNext, label: link.textContent.trim(), link: link };
      });
      nodes[section.dataset.hbNode] = {
        section: section,
        heading: section.querySelector(".hb-step__title"),
        title: section.querySelector(".hb-step__title").textContent.trim(),
        question: section.classList.contains("hb-step--question"),
        answers: answers
      };
    });

    var problem = root.querySelector("[data-hb-status]");
    var summary = root.querySelector("[data-hb-summary]");
    var record = root.querySelector("[data-hb-record]");
    var note = root.querySelector("[data-hb-note]");
    var notePrint = root.querySelector("[data-hb-note-print]");
    var recordStatus = root.querySelector("[data-hb-record-status]");
    var announcer = document.createElement("p");
    announcer.className = "hb-visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    announcer.setAttribute("data-hb-announcer", "");
    root.appendChild(announcer);
    // Answers to keep while the reader changes an earlier one: {from: the path before the
    // changed answer, answers: node -> answer}. Forgotten as soon as the reader goes elsewhere.
    var memory = null;
    var shown = null;  // the state on screen

    function serialize(steps) {
      return steps.map(function (step) { return step.node + "=" + step.answer; }).join("/");
    }

    function node(id) { return has(nodes, id) ? nodes[id] : null; }

    /* The state an address fragment describes, and what in it could not be followed;
       null for a fragment that names another part of the page. */
    function parse(hash) {
      var text = decode(hash.replace(/^#/, ""));
      if (!text) return { steps: [], current: start };
      if (text.indexOf("=") < 0) {
        if (node(text)) return { steps: [], current: text };
        var base = text.slice(0, -TITLE_SUFFIX.length);  // a search result links to the heading
        if (text.slice(-TITLE_SUFFIX.length) === TITLE_SUFFIX && node(base)) return { steps: [], current: base };
        var target = document.getElementById(text);
        if (target && !root.contains(target)) return null;  // such as the page's heading
        return { steps: [], current: start, problem: "unknown_step" };
      }
      var steps = [];
      var current = null;
      var pairs = text.split("/");
      for (var i = 0; i < pairs.length; i++) {
        var pair = pairs[i].split("=");
        var step = node(pair[0]);
        if (current === null) {
          if (!step || !step.question) return { steps: [], current: start, problem: "unknown_step" };
          current = pair[0];
        }
        var chosen = step && pair[0] === current && has(step.answers, pair[1]) ? step.answers[pair[1]] : null;
        if (!chosen) return { steps: steps, current: current, problem: "path_cut" };
        steps.push({ node: current, answer: pair[1] });
        current = chosen.next;
      }
      return { steps: steps, current: current };
    }

    function text(key, values) {
      var result = words[key];
      Object.keys(values || {}).forEach(function (name) {
        result = result.split("{" + name + "}").join(values[name]);
      });
      return result;
    }

    function element(tag, className, content) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (content) el.textContent = content;
      return el;
    }

    function renderSummary(steps) {
      summary.textContent = "";
      summary.hidden = steps.length === 0;
      if (!steps.length) return;
      summary.appendChild(element("h2", "hb-tool__summary-title", words.your_answers));
      var list = element("dl", "hb-tool__answers");
      steps.forEach(function (step, index) {
        var asked = nodes[step.node];
        list.appendChild(element("dt", null, asked.title));
        var answer = element("dd", null, asked.answers[step.answer].label + " ");
        var change = element("a", "hb-tool__change", words.change);
        var before = steps.slice(0, index);
        change.href = "#" + (index ? serialize(before) : step.node);
        change.appendChild(element("span", "hb-visually-hidden", " " + text("change_hidden", { question: asked.title })));
        change.addEventListener("click", function () {
          memory = { from: serialize(before), answers: Object.create(null) };
          steps.slice(index).forEach(function (later) { memory.answers[later.node] = later.answer; });
        });
        answer.appendChild(change);
        list.appendChild(answer);
      });
      summary.appendChild(list);
      var actions = element("p", "hb-tool__actions");
      var back = element("a", "md-button", words.back);
      var previous = steps.slice(0, steps.length - 1);
      back.href = "#" + (previous.length ? serialize(previous) : steps[steps.length - 1].node);
      var again = element("a", "md-button", words.start_again);
      again.href = "#" + start;
      again.addEventListener("click", function () { memory = null; });
      actions.appendChild(back);
      actions.appendChild(again);
      summary.appendChild(actions);
    }

    /* The address of this page with a fragment, for the record. */
    function address(fragment) {
      return location.href.split("#")[0] + (fragment ? "#" + fragment : "");
    }

    function today() {
      var now = new Date();
      function two(n) { return (n < 10 ? "0" : "") + n; }
      return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
    }

    function recordHead() {
      return text("record_head", { date: today(), version: root.dataset.version });
    }

    /* The case record as plain text, in the page's language. */
    function recordText(state) {
      var outcome = nodes[state.current];
      var lines = [pageTitle, recordHead()];
      if (note.value.trim()) lines.push(words.note_label + " " + note.value.trim());
      lines.push("", words.your_answers + ":");
      state.steps.forEach(function (step, index) {
        lines.push((index + 1) + ". " + nodes[step.node].title, "   " + nodes[step.node].answers[step.answer].label);
      });
      lines.push("", words.outcome + ": " + outcome.title);
      var section = outcome.section;
      lines.push("", words.why + ": " + section.querySelector("[data-hb-why]").textContent.trim());
      lines.push("", words.next_steps + ":");
      Array.prototype.forEach.call(section.querySelectorAll("[data-hb-next-steps] li"), function (item, index) {
        lines.push((index + 1) + ". " + item.textContent.trim());
      });
      lines.push("", words.read_more + ":");
      Array.prototype.forEach.call(section.querySelectorAll("[data-hb-read] li"), function (item) {
        var link = item.querySelector("a");
        lines.push("- " + item.textContent.replace(/\s+/g, " ").trim() + ": " + link.href);
      });
      lines.push("", words.record_link + " " + address(serialize(state.steps)));
      return lines.join("\n") + "\n";
    }

    function copyRecord() {
      var state = shown;
      var done = function () { recordStatus.textContent = words.copied; };
      var failed = function () { recordStatus.textContent = words.copy_failed; };
      recordStatus.textContent = "";
      if (!state || nodes[state.current].question) return;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(recordText(state)).then(done, failed);
      } else {
        failed();
      }
    }

    function showRecord(state) {
      var outcome = nodes[state.current];
      var head = root.querySelector("[data-hb-record-head]");
      record.hidden = outcome.question;
      recordStatus.textContent = "";
      head.textContent = "";
      if (outcome.question) return;
      outcome.section.insertBefore(record, outcome.section.querySelector(".hb-step__actions"));
      head.textContent = recordHead();
      Array.prototype.forEach.call(outcome.section.querySelectorAll("[data-hb-read] a"), function (link) {
        link.setAttribute("data-hb-address", link.href);
      });
      var link = root.querySelector("[data-hb-record-link]");
      if (!link) {
        link = element("p", "hb-record__link");
        link.setAttribute("data-hb-record-link", "");
        record.insertBefore(link, record.querySelector(".hb-record__field"));
      }
      link.textContent = words.record_link + " " + address(serialize(state.steps));
    }

    function render(state, moveFocus) {
      shown = state;
      Object.keys(nodes).forEach(function (id) { nodes[id].section.hidden = id !== state.current; });
      var current = nodes[state.current];
      Object.keys(current.answers).forEach(function (id) {
        current.answers[id].link.href = "#" + serialize(state.steps.concat([{ node: state.current, answer: id }]));
      });
      renderSummary(state.steps);
      showRecord(state);
      problem.textContent = state.problem ? words[state.problem] : "";
      problem.hidden = !state.problem;
      document.title = current.title + " – " + pageTitle;
      if (moveFocus) {
        var label = current.question ? text("step_count", { number: state.steps.length + 1 }) : words.outcome;
        announcer.textContent = label + ": " + current.title;
        focusStep(state);
      }
    }

    /* The reader's place: the step's heading, and the notice above it when there is one. */
    function focusStep(state) {
      nodes[state.current].heading.focus();
      if (state.problem) problem.scrollIntoView({ block: "start" });
    }

    /* Answering while changing an earlier answer keeps the later answers that still apply. */
    function answer(current, steps, id) {
      var path = steps.concat([{ node: current, answer: id }]);
      var next = nodes[current].answers[id].next;
      var kept = memory && memory.from === serialize(steps) ? memory.answers : null;
      while (kept && nodes[next].question && has(kept, next) && has(nodes[next].answers, kept[next])) {
        path.push({ node: next, answer: kept[next] });
        next = nodes[next].answers[kept[next]].next;
      }
      memory = null;
      return path;
    }

    function choose(link) {
      var state = shown;
      var section = link.closest("[data-hb-node]").dataset.hbNode;
      if (!state || section !== state.current) return false;
      location.hash = serialize(answer(state.current, state.steps, link.dataset.hbAnswer));
      return true;
    }

    root.addEventListener("click", function (event) {
      var link = event.target.closest("[data-hb-answer]");
      if (link) {
        if (choose(link)) event.preventDefault();
        return;
      }
      if (event.target.closest("[data-hb-print]")) window.print();
      if (event.target.closest("[data-hb-copy]")) copyRecord();
    });

    // Space presses an answer, as it presses a button.
    root.addEventListener("keydown", function (event) {
      var link = event.key === " " && event.target.closest && event.target.closest("[data-hb-answer]");
      if (link) {
        event.preventDefault();
        choose(link);
      }
    });

    // The note is printed and copied; it is never stored, put in the address or sent.
    note.addEventListener("input", function () {
      notePrint.textContent = note.value.trim() ? words.note_label + " " + note.value.trim() : "";
      notePrint.hidden = !note.value.trim();
    });

    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-restart]"), function (link) {
      link.addEventListener("click", function () { memory = null; });
    });

    function follow() {
      var state = parse(location.hash);
      if (state === null) {
        // Another part of the page (skip link, permalink): keep the answers, and the address
        // that holds them, so reloading or switching language keeps them too.
        if (shown && shown.steps.length) history.replaceState(history.state, "", "#" + serialize(shown.steps));
        return;
      }
      if (memory && memory.from !== serialize(state.steps)) memory = null;  // a "Change" abandoned
      render(state, true);
    }

    window.addEventListener("hashchange", follow);
    var first = parse(location.hash);
    render(first || { steps: [], current: start }, false);
    // A link to a step: once the page has settled, put the reader on that step's question.
    if (first && location.hash.length > 1) window.setTimeout(function () { focusStep(first); }, 0);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hb-tool]"), setup);
  }

  // Loaded only on the page that holds the tool (overrides/main.html); instant loading is off.
  // Set up once the document is parsed: a focus given to the step the address names any earlier
  // is lost while the page finishes loading (seen in Chromium with Material's script before this).
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
