// Reads {data, fragments} (JSON, path in argv) and prints what the browser's logic makes of each
// fragment: [{fragment, steps, current, problem, kept, rule, decisive, reasons}]. Used by
// tests/unit/test_decision_tool_logic.py to hold it equal to handbook/decision_tree/paths.py.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Logic = require("../../docs/assets/javascripts/decision-logic.js");
const { data, fragments } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = fragments.map((fragment) => {
  const state = Logic.resolve(data, fragment);
  const rule = Logic.deciding(data.rules, state.steps);
  return { fragment, steps: state.steps, current: state.current, problem: state.problem, kept: state.kept,
           rule: rule ? rule.id : null, decisive: rule ? Logic.decisive(rule, state.steps) : [],
           reasons: Logic.reasons(data.rules, state.steps) };
});
process.stdout.write(JSON.stringify(results));
