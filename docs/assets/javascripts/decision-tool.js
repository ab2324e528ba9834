/*
 * "Should I fire this client?" in the browser: one step at a time.
 *
 * The page already holds every question and outcome as a section, with answers as links
 * (hooks/decision_tool.py); without this script the tool works by following those links. With
 * it, only the current step shows, the answers given are listed with "Change" beside each, and
 * the whole path lives in the address fragment, #question=answer/question=answer (a checklist's
 * ticks joined by "+"), so it can be bookmarked, shared, reloaded and carried to another
 * language, and Back and Forward step through it. Nothing is sent anywhere: a fragment never
 * leaves the browser. What an address means, and which rule decides an outcome, is
 * decision-logic.js (loaded first); this script only wires it to the page. "Change" opens the
 * question with the later answers kept in the address, so they apply again where they still fit.
 *
 * Any fragment is safe: node and answer ids are looked up in maps without a prototype
 * (#constructor is no step), a malformed %-escape is read as written, a search result's
 * #<node>--title opens that step, and a fragment for another part of the page (the skip link,
 * a heading's permalink) keeps the answers.
 *
 * On an outcome, the case record: "Copy as a note" puts the date, the tree's version, every
 * question with its answer, the recommendation, why, the answers that decided it, the next
 * steps with the addresses of the
 * handbook's sections and the link to this path on the clipboard as plain text; "Print or save
 * as PDF" prints the same on one page. The private note is kept only in the text field: never
 * in the address, in storage, or in anything sent.
 */
(function () {
  "use strict";

  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (error) { return text; }
  }

  function setup(root) {
    root.classList.add("hb-tool--js");

    var Logic = window.HandbookDecision;
    var words = JSON.parse(root.querySelector("[data-hb-words]").textContent);
    var data = JSON.parse(root.querySelector("[data-hb-tree]").textContent);
    var start = data.start;
    var pageTitle = document.title;
    var nodes = Object.create(null);
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-node]"), function (section) {
      var answers = Object.create(null);
      Array.prototype.forEach.call(section.querySelectorAll("[data-hb-answer]"), function (link) {
        answers[link.dataset.hbAnswer] = { label: link.textContent.trim(), link: link };
      });
      nodes[section.dataset.hbNode] = {
        section: section,
        heading: section.querySelector(".hb-step__title"),
        title: section.querySelector(".hb-step__title").textContent.trim(),
        question: section.classList.contains("hb-step--question"),
        checklist: section.querySelector("[data-hb-checklist]"),
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
    var shown = null;  // the state on screen
    // The ticks of a checklist the reader goes back to ("Change", "Back"): its boxes show them again.
    var earlierTicks = Object.create(null);

    /* The address of answers given, with the answers kept for questions further on. */
    function serialize(steps, kept) {
      var later = Object.keys(kept || {}).filter(function (q) {
        return !steps.some(function (step) { return step[0] === q; });
      }).map(function (q) { return [q, kept[q]]; });
      return Logic.format(steps.concat(later));
    }

    function node(id) { return has(nodes, id) ? nodes[id] : null; }

    /* The state an address fragment describes; null for a fragment that names another part of
       the page. */
    function parse(hash) {
      var text = decode(hash.replace(/^#/, ""));
      if (text && text.indexOf("=") < 0 && !node(text) && !node(text.replace(/--title$/, ""))) {
        var target = document.getElementById(text);
        if (target && !root.contains(target)) return null;  // such as the page's heading
      }
      return Logic.resolve(data, hash);
    }

    function labels(step) {
      var asked = nodes[step[0]];
      return step[1].map(function (id) { return asked.answers[id].label; }).join("; ");
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

    function rememberTicks(link, step) {
      link.setAttribute("data-hb-ticks-of", step[0]);
      link.setAttribute("data-hb-ticks", step[1].join("+"));
    }

    function renderSummary(state) {
      var steps = state.steps;
      summary.textContent = "";
      summary.hidden = steps.length === 0;
      if (!steps.length) return;
      summary.appendChild(element("h2", "hb-tool__summary-title", words.your_answers));
      var list = element("dl", "hb-tool__answers");
      steps.forEach(function (step, index) {
        var asked = nodes[step[0]];
        list.appendChild(element("dt", null, asked.title));
        var answer = element("dd", null, labels(step) + " ");
        var change = element("a", "hb-tool__change", words.change);
        // Back to this question, with the later answers kept: they apply again where they still fit.
        var later = Object.create(null);
        steps.slice(index + 1).forEach(function (after) { later[after[0]] = after[1]; });
        Object.keys(state.kept).forEach(function (q) { later[q] = state.kept[q]; });
        change.href = "#" + (index || Object.keys(later).length ? serialize(steps.slice(0, index), later) : step[0]);
        change.appendChild(element("span", "hb-visually-hidden", " " + text("change_hidden", { question: asked.title })));
        if (asked.checklist) rememberTicks(change, step);
        answer.appendChild(change);
        list.appendChild(answer);
      });
      summary.appendChild(list);
      var actions = element("p", "hb-tool__actions");
      var back = element("a", "md-button", words.back);
      var previous = steps.slice(0, steps.length - 1);
      back.href = "#" + (previous.length ? serialize(previous) : steps[steps.length - 1][0]);
      if (nodes[steps[steps.length - 1][0]].checklist) rememberTicks(back, steps[steps.length - 1]);
      var again = element("a", "md-button", words.start_again);
      again.href = "#" + start;
      actions.appendChild(back);
      actions.appendChild(again);
      summary.appendChild(actions);
    }

    /* The answers that decided an outcome, by the handbook's rules: [[question title, labels]]. */
    function decidedBy(state) {
      return Logic.reasons(data.rules, state.steps).map(function (step) { return [nodes[step[0]].title, labels(step)]; });
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
        lines.push((index + 1) + ". " + nodes[step[0]].title, "   " + labels(step));
      });
      lines.push("", words.outcome + ": " + outcome.title);
      var section = outcome.section;
      lines.push("", words.why + ": " + section.querySelector("[data-hb-why]").textContent.trim());
      var decided = decidedBy(state);
      if (decided.length) {
        lines.push("", words.decided_by + ":");
        decided.forEach(function (item) { lines.push("- " + item[0] + " " + item[1]); });
      }
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
      showDecided(outcome, decidedBy(state));
    }

    function showDecided(outcome, decided) {
      var box = outcome.section.querySelector("[data-hb-decided]");
      var list = box.querySelector("[data-hb-decided-list]");
      list.textContent = "";
      decided.forEach(function (item) {
        var entry = element("li", null, item[0] + " ");
        entry.appendChild(element("strong", null, item[1]));
        list.appendChild(entry);
      });
      box.hidden = !decided.length;
    }

    /* The map of the tree: the reader's way through it so far, and where they are. */
    function showPath(state) {
      var walked = Object.create(null);
      var edges = Object.create(null);
      state.steps.forEach(function (step, index) {
        walked[step[0]] = true;
        edges[step[0] + " " + (index + 1 < state.steps.length ? state.steps[index + 1][0] : state.current)] = true;
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-hb-map-node]"), function (box) {
        var id = box.getAttribute("data-hb-map-node");
        box.classList.toggle("hb-map__node--walked", !!walked[id]);
        box.classList.toggle("hb-map__node--current", id === state.current);
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-hb-map-edge]"), function (line) {
        line.classList.toggle("hb-map__edge--walked", !!edges[line.getAttribute("data-hb-map-edge")]);
      });
    }

    /* A checklist on screen: its boxes as the address gives them, the form shown. */
    function showChecklist(current, state) {
      var form = current.checklist;
      form.hidden = false;
      var given = state.kept[state.current] || earlierTicks[state.current] || [];
      delete earlierTicks[state.current];
      Array.prototype.forEach.call(form.querySelectorAll("[data-hb-tick]"), function (box) {
        box.checked = given.indexOf(box.value) >= 0;
      });
      form.querySelector("[data-hb-tick-problem]").textContent = "";
    }

    function render(state, moveFocus) {
      shown = state;
      Object.keys(nodes).forEach(function (id) { nodes[id].section.hidden = id !== state.current; });
      var current = nodes[state.current];
      Object.keys(current.answers).forEach(function (id) {
        current.answers[id].link.href = "#" + serialize(state.steps.concat([[state.current, [id]]]), state.kept);
      });
      if (current.checklist) showChecklist(current, state);
      showPath(state);
      renderSummary(state);
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

    function choose(link) {
      var state = shown;
      var section = link.closest("[data-hb-node]").dataset.hbNode;
      if (!state || section !== state.current) return false;
      location.hash = serialize(state.steps.concat([[state.current, [link.dataset.hbAnswer]]]), state.kept);
      return true;
    }

    /* A checklist's "Continue": every ticked answer, or a request to tick one. */
    root.addEventListener("submit", function (event) {
      var form = event.target.closest("[data-hb-checklist]");
      if (!form) return;
      event.preventDefault();
      var state = shown;
      var ticked = Array.prototype.filter.call(form.querySelectorAll("[data-hb-tick]"), function (box) {
        return box.checked;
      }).map(function (box) { return box.value; });
      if (!ticked.length) {
        form.querySelector("[data-hb-tick-problem]").textContent = words.tick_one;
        return;
      }
      location.hash = serialize(state.steps.concat([[state.current, ticked]]), state.kept);
    });

    /* "None of these" is ticked alone: ticking it clears the others, and the others clear it. */
    root.addEventListener("change", function (event) {
      var box = event.target.closest && event.target.closest("[data-hb-tick]");
      if (!box || !box.checked) return;
      var alone = box.hasAttribute("data-hb-alone");
      Array.prototype.forEach.call(box.form.querySelectorAll("[data-hb-tick]"), function (other) {
        if (other !== box && (alone || other.hasAttribute("data-hb-alone"))) other.checked = false;
      });
      box.form.querySelector("[data-hb-tick-problem]").textContent = "";
    });

    root.addEventListener("click", function (event) {
      var link = event.target.closest("[data-hb-answer]");
      if (link) {
        if (choose(link)) event.preventDefault();
        return;
      }
      var back = event.target.closest("[data-hb-ticks-of]");
      if (back) earlierTicks[back.getAttribute("data-hb-ticks-of")] = back.getAttribute("data-hb-ticks").split("+");
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

    function follow() {
      var state = settle(parse(location.hash));
      if (state === null) {
        // Another part of the page (skip link, permalink): keep the answers, and the address
        // that holds them, so reloading or switching language keeps them too.
        if (shown && shown.steps.length) history.replaceState(history.state, "", "#" + serialize(shown.steps, shown.kept));
        return;
      }
      render(state, true);
    }

    /* On an outcome, answers kept for questions this path did not ask have done their work: the
       address keeps only the path, the one the record shows. */
    function settle(state) {
      if (state && !nodes[state.current].question && Object.keys(state.kept).length) {
        history.replaceState(history.state, "", "#" + serialize(state.steps));
        state.kept = {};
      }
      return state;
    }

    window.addEventListener("hashchange", follow);
    var first = settle(parse(location.hash));
    render(first || Logic.resolve(data, ""), false);
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
