/*
 * "Should I fire this client?" in the browser: one step at a time.
 *
 * The page already holds every question and outcome as a section, with answers as links
 * (hooks/decision_tool.py); without this script the tool works by following those links. With
 * it, only the current step shows, the answers given are listed with "Change" beside each, and
 * the whole path lives in the address fragment, #question=answer/question=answer, so it can be
 * bookmarked, shared, reloaded and carried to another language, and Back and Forward step
 * through it. Nothing is sent anywhere: a fragment never leaves the browser.
 */
(function () {
  "use strict";

  function setup(root) {
    root.classList.add("hb-tool--js");

    var words = JSON.parse(root.querySelector("[data-hb-words]").textContent);
    var start = root.dataset.start;
    var pageTitle = document.title;
    var nodes = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-node]"), function (section) {
      var answers = {};
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
    var announcer = document.createElement("p");
    announcer.className = "hb-visually-hidden";
    announcer.setAttribute("aria-live", "polite");
    root.appendChild(announcer);
    var memory = null;  // answers to keep while the reader changes an earlier one

    function serialize(steps) {
      return steps.map(function (step) { return step.node + "=" + step.answer; }).join("/");
    }

    /* The state an address fragment describes, and what in it could not be followed. */
    function parse(hash) {
      var text = decodeURIComponent(hash.replace(/^#/, ""));
      if (!text) return { steps: [], current: start };
      if (text.indexOf("=") < 0) {
        if (nodes[text]) return { steps: [], current: text };
        if (document.getElementById(text) && !root.contains(document.getElementById(text)))
          return { steps: [], current: start };  // another part of the page, such as the heading
        return { steps: [], current: start, problem: "unknown_step" };
      }
      var steps = [];
      var current = null;
      var pairs = text.split("/");
      for (var i = 0; i < pairs.length; i++) {
        var pair = pairs[i].split("=");
        var node = nodes[pair[0]];
        if (current === null) {
          if (!node || !node.question) return { steps: [], current: start, problem: "unknown_step" };
          current = pair[0];
        }
        var answer = node && pair[0] === current ? node.answers[pair[1]] : null;
        if (!answer) return { steps: steps, current: current, problem: "path_cut" };
        steps.push({ node: current, answer: pair[1] });
        current = answer.next;
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
        var node = nodes[step.node];
        list.appendChild(element("dt", null, node.title));
        var answer = element("dd", null, node.answers[step.answer].label + " ");
        var change = element("a", "hb-tool__change", words.change);
        change.href = "#" + (index ? serialize(steps.slice(0, index)) : step.node);
        change.appendChild(element("span", "hb-visually-hidden", " " + text("change_hidden", { question: node.title })));
        change.addEventListener("click", function () {
          memory = {};
          steps.slice(index).forEach(function (later) { memory[later.node] = later.answer; });
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
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(again);
      summary.appendChild(actions);
    }

    function render(state, moveFocus) {
      Object.keys(nodes).forEach(function (id) { nodes[id].section.hidden = id !== state.current; });
      var node = nodes[state.current];
      Object.keys(node.answers).forEach(function (id) {
        node.answers[id].link.href = "#" + serialize(state.steps.concat([{ node: state.current, answer: id }]));
      });
      renderSummary(state.steps);
      problem.textContent = state.problem ? words[state.problem] : "";
      problem.hidden = !state.problem;
      document.title = node.title + " – " + pageTitle;
      if (moveFocus) {
        var label = node.question ? text("step_count", { number: state.steps.length + 1 }) : words.outcome;
        announcer.textContent = label + ": " + node.title;
        node.heading.focus();
      }
    }

    /* Answering while changing an earlier answer keeps the later answers that still apply. */
    function answer(current, steps, id) {
      var path = steps.concat([{ node: current, answer: id }]);
      var next = nodes[current].answers[id].next;
      while (memory && nodes[next].question && memory[next] && nodes[next].answers[memory[next]]) {
        path.push({ node: next, answer: memory[next] });
        next = nodes[next].answers[memory[next]].next;
      }
      memory = null;
      return path;
    }

    root.addEventListener("click", function (event) {
      var link = event.target.closest("[data-hb-answer]");
      if (link) {
        var state = parse(location.hash);
        var section = link.closest("[data-hb-node]").dataset.hbNode;
        if (section !== state.current) return;
        event.preventDefault();
        location.hash = serialize(answer(state.current, state.steps, link.dataset.hbAnswer));
        return;
      }
      if (event.target.closest("[data-hb-print]")) window.print();
    });

    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-print]"), function (button) {
      button.hidden = false;
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-hb-restart]"), function (link) {
      link.addEventListener("click", function () { memory = null; });
    });

    window.addEventListener("hashchange", function () { render(parse(location.hash), true); });
    render(parse(location.hash), false);
    // A link to a step: once the page has settled, put the reader on that step's question.
    if (location.hash.length > 1) window.setTimeout(function () {
      nodes[parse(location.hash).current].heading.focus();
    }, 0);
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
