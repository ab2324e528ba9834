// The decision tool's logic (docs/assets/javascripts/decision-logic.js) on a small tree:
// first (a checklist) -> second -> outcomes. Run by tests/unit/test_decision_tool_logic.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Logic = require("../../docs/assets/javascripts/decision-logic.js");

const data = {
  start: "first",
  outcomes: ["end-now", "keep", "let-go"],
  questions: {
    first: { checklist: true, several: "end-now",
             answers: [["hit", "end-now", false], ["lie", "end-now", false], ["none", "second", true]] },
    second: { checklist: false, several: null, answers: [["yes", "let-go", false], ["no", "keep", false]] },
  },
  old: [[["abuse=no"], []], [["abuse=yes"], ["first=hit"]], [["rude=yes", "told=yes"], ["second=yes"]]],
  rules: [
    { id: "flag", outcome: "end-now", when: [["first", ["hit", "lie"]]] },
    { id: "bad", outcome: "let-go", when: [["second", ["yes"]]] },
    { id: "fine", outcome: "keep", when: [["second", ["no"]]] },
  ],
};

test("an address names answers by question, in any order", () => {
  assert.equal(Logic.resolve(data, "#second=no/first=none").current, "keep");
  assert.equal(Logic.resolve(data, "first=none/second=no").current, "keep");
});

test("ticks of a checklist are joined by + and two or more lead to 'several'", () => {
  const state = Logic.resolve(data, "first=hit+lie");
  assert.deepEqual(state.steps, [["first", ["hit", "lie"]]]);
  assert.equal(state.current, "end-now");
  assert.equal(Logic.format(state.steps), "first=hit+lie");
});

test("'none of these' cannot be ticked with another answer", () => {
  const state = Logic.resolve(data, "first=none+hit");
  assert.equal(state.current, "first");
  assert.equal(state.problem, "path_cut");
});

test("the first question without an answer is the step shown, later answers are kept", () => {
  const state = Logic.resolve(data, "second=yes");
  assert.equal(state.current, "first");
  assert.deepEqual(state.kept, { second: ["yes"] });
  assert.equal(state.problem, null);
});

test("answers of an earlier tree are read through its old answers", () => {
  assert.equal(Logic.resolve(data, "abuse=yes").current, "end-now");
  const kept = Logic.resolve(data, "abuse=no/rude=yes/told=yes");
  assert.deepEqual([kept.current, kept.kept, kept.problem], ["first", { second: ["yes"] }, null]);
});

test("an address that names nothing known says so; one partly known keeps what fits", () => {
  assert.equal(Logic.resolve(data, "nothing=here").problem, "unknown_step");
  assert.equal(Logic.resolve(data, "nowhere").problem, "unknown_step");
  assert.equal(Logic.resolve(data, "first=none/second=maybe").problem, "path_cut");
  assert.equal(Logic.resolve(data, "second--title").current, "second");
});

test("hostile addresses are read as text", () => {
  for (const hostile of ["__proto__", "constructor=yes", "first=constructor", "%", "%E0%A4%A", "first=__proto__"]) {
    const state = Logic.resolve(data, hostile);
    assert.equal(state.current, "first", hostile);
    assert.ok(state.problem, hostile);
  }
});

test("the first rule whose conditions hold decides, and names the answers that decided", () => {
  const steps = [["first", ["none"]], ["second", ["yes"]]];
  const rule = Logic.deciding(data.rules, steps);
  assert.equal(rule.id, "bad");
  assert.deepEqual(Logic.decisive(rule, steps), [["second", ["yes"]]]);
  const flags = [["first", ["hit", "lie"]]];
  assert.deepEqual(Logic.decisive(Logic.deciding(data.rules, flags), flags), [["first", ["hit", "lie"]]]);
});

test("every rule that holds for the same outcome gives its answers as reasons", () => {
  const rules = data.rules.concat([{ id: "also", outcome: "end-now", when: [["first", ["none"]]] }]);
  assert.deepEqual(Logic.reasons(rules, [["first", ["hit", "lie"]]]), [["first", ["hit", "lie"]]]);
  assert.deepEqual(Logic.reasons(data.rules, [["first", ["none"]], ["second", ["no"]]]), [["second", ["no"]]]);
  assert.deepEqual(Logic.reasons(data.rules, []), []);
});
