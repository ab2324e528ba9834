/*
 * "Should I fire this client?": the tool's logic without the page, the same as
 * handbook/decision_tree/paths.py and rules.py (a test holds the two equal).
 *
 * An address fragment names answers by question id, in any order: "red-flags=none/payment=owed";
 * a checklist's ticks are joined by "+": "trouble=advice+changes". `resolve` walks the tree from
 * its first question, taking at each question the answer the address gives; the first question
 * without one is the step shown. Answers of questions the tree no longer has are read through
 * the tree's old answers. `data` is the JSON the page carries (render.py: tool_data).
 *
 * Loaded by the page as a plain script (window.HandbookDecision) and by Node's tests as a module.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.HandbookDecision = factory();
})(this, function () {
  "use strict";

  var SEVERAL = "several";

  function has(map, key) { return Object.prototype.hasOwnProperty.call(map, key); }

  function decode(text) {
    try { return decodeURIComponent(text); } catch (error) { return text; }
  }

  /* [[question, [answers]]] in the order written; no answers for a part without "=". */
  function parse(fragment) {
    var text = decode(String(fragment).replace(/^#+/, ""));
    var pairs = [];
    text.split("/").forEach(function (part) {
      if (!part) return;
      var sign = part.indexOf("=");
      if (sign < 0) { pairs.push([part, []]); return; }
      pairs.push([part.slice(0, sign), part.slice(sign + 1).split("+").filter(function (a) { return a; })]);
    });
    return pairs;
  }

  function format(steps) {
    return steps.map(function (step) { return step[0] + "=" + step[1].join("+"); }).join("/");
  }

  function question(data, id) { return has(data.questions, id) ? data.questions[id] : null; }

  function answer(q, id) {
    for (var i = 0; i < q.answers.length; i++) if (q.answers[i][0] === id) return q.answers[i];
    return null;
  }

  /* Where ticked answers lead, or null when they are not a possible answer. */
  function route(q, ticked) {
    if (!ticked.length) return null;
    for (var i = 0; i < ticked.length; i++) if (!answer(q, ticked[i])) return null;
    if (ticked.length === 1) return answer(q, ticked[0])[1];
    if (!q.checklist) return null;
    for (var j = 0; j < ticked.length; j++) if (answer(q, ticked[j])[2]) return null;
    return q.several;
  }

  function add(list, item) { if (list.indexOf(item) < 0) list.push(item); }

  /* The answers an address gives to today's questions, and whether all of it was understood. */
  function answersOf(data, pairs) {
    var given = Object.create(null);
    var singles = Object.create(null);
    var used = Object.create(null);
    pairs.forEach(function (pair) { pair[1].forEach(function (a) { singles[pair[0] + "=" + a] = true; }); });
    var old = data.old.map(function (entry, index) { return { when: entry[0], means: entry[1], index: index }; });
    old.sort(function (a, b) { return a.when.length - b.when.length || a.index - b.index; });
    old.forEach(function (entry) {
      if (!entry.when.every(function (pair) { return singles[pair]; })) return;
      entry.when.forEach(function (pair) { used[pair] = true; });
      entry.means.forEach(function (pair) {
        var sign = pair.indexOf("="), q = pair.slice(0, sign), a = pair.slice(sign + 1);
        if (question(data, q).checklist) { if (!has(given, q)) given[q] = []; add(given[q], a); }
        else given[q] = [a];
      });
    });
    Object.keys(given).forEach(function (q) {
      var asked = question(data, q);
      if (asked.checklist && given[q].some(function (a) { return !answer(asked, a)[2]; })) {
        given[q] = given[q].filter(function (a) { return !answer(asked, a)[2]; });
      }
    });
    var understood = true;
    pairs.forEach(function (pair) {
      if (!pair[1].length) understood = false;
      pair[1].forEach(function (a) {
        if (used[pair[0] + "=" + a]) return;
        var asked = question(data, pair[0]);
        if (asked && answer(asked, a)) { if (!has(given, pair[0])) given[pair[0]] = []; add(given[pair[0]], a); }
        else understood = false;
      });
    });
    return { given: given, understood: understood };
  }

  /* The state an address opens: {steps: [[question, [answers]]], current, problem, kept}. */
  function resolve(data, fragment) {
    var pairs = parse(fragment);
    if (!pairs.length) return { steps: [], current: data.start, problem: null, kept: {} };
    if (pairs.length === 1 && !pairs[0][1].length && String(fragment).indexOf("=") < 0) {
      var name = pairs[0][0];
      var base = /--title$/.test(name) ? name.slice(0, -7) : name;
      var known = question(data, base) || data.outcomes.indexOf(base) >= 0;
      return known ? { steps: [], current: base, problem: null, kept: {} }
                   : { steps: [], current: data.start, problem: "unknown_step", kept: {} };
    }
    var found = answersOf(data, pairs);
    var given = found.given;
    var steps = [];
    var walked = Object.create(null);
    var current = data.start;
    var problem = found.understood ? null : (Object.keys(given).length ? "path_cut" : "unknown_step");
    while (question(data, current) && has(given, current)) {
      var asked = question(data, current);
      var ticked = asked.answers.map(function (a) { return a[0]; })
        .filter(function (a) { return given[current].indexOf(a) >= 0; });
      var onward = route(asked, ticked);
      if (onward === null || walked[current]) { problem = "path_cut"; break; }
      walked[current] = true;
      steps.push([current, ticked]);
      current = onward;
    }
    var kept = {};
    Object.keys(given).forEach(function (q) { if (!walked[q]) kept[q] = given[q]; });
    return { steps: steps, current: current, problem: problem, kept: kept };
  }

  function answerMap(steps) {
    var map = Object.create(null);
    steps.forEach(function (step) { map[step[0]] = step[1]; });
    return map;
  }

  function holds(rule, answers) {
    return rule.when.every(function (condition) {
      var given = answers[condition[0]] || [];
      if (condition[1].length === 1 && condition[1][0] === SEVERAL) return given.length >= 2;
      return condition[1].some(function (a) { return given.indexOf(a) >= 0; });
    });
  }

  /* The first rule whose conditions all hold for the answers given, or null. */
  function deciding(rules, steps) {
    var answers = answerMap(steps);
    for (var i = 0; i < rules.length; i++) if (holds(rules[i], answers)) return rules[i];
    return null;
  }

  /* The answers that made the rule hold: [[question, [answers]]], one per condition. */
  function decisive(rule, steps) {
    var answers = answerMap(steps);
    return rule.when.map(function (condition) {
      var given = answers[condition[0]] || [];
      var several = condition[1].length === 1 && condition[1][0] === SEVERAL;
      return [condition[0], several ? given : given.filter(function (a) { return condition[1].indexOf(a) >= 0; })];
    });
  }

  /* Every answer that decided the outcome: the decisive answers of each rule that holds and
     leads where the deciding rule does, per question in the order asked, each answer once. */
  function reasons(rules, steps) {
    var first = deciding(rules, steps);
    if (!first) return [];
    var answers = answerMap(steps);
    var merged = Object.create(null);
    rules.forEach(function (rule) {
      if (rule.outcome !== first.outcome || !holds(rule, answers)) return;
      decisive(rule, steps).forEach(function (item) {
        if (!merged[item[0]]) merged[item[0]] = [];
        item[1].forEach(function (a) { add(merged[item[0]], a); });
      });
    });
    return steps.filter(function (step) { return merged[step[0]] && merged[step[0]].length; })
      .map(function (step) {
        return [step[0], step[1].filter(function (a) { return merged[step[0]].indexOf(a) >= 0; })];
      });
  }

  return { parse: parse, format: format, route: route, resolve: resolve, deciding: deciding, decisive: decisive,
           reasons: reasons };
});
