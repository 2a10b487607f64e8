#!/usr/bin/env node
/*
 * `npm start`: runs the product. Until the add-in's task pane and preview land, the product on this machine is the
 * command-line audit: build it if needed, audit the sample cascade with deliberate problems, and say what to try next.
 */
const { existsSync, statSync, readdirSync } = require("fs");
const { join } = require("path");
const { spawnSync } = require("child_process");

const root = join(__dirname, "..");
const cli = join(root, "dist", "cli.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(root, "src"))) {
  console.log("Building the command line (npm run build)…");
  const build = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const sample = join("samples", "cascade-problems.xlsx");
console.log(`\nAuditing the sample cascade ${sample}:\n`);
const audit = spawnSync(process.execPath, [cli, "audit", sample], { cwd: root, stdio: "inherit" });
console.log(`
Exit status ${audit.status} (0 clean, 1 findings of severity error, 2 unusable input). Try next:
  node dist/cli.js audit samples/cascade-clean.xlsx
  node dist/cli.js audit samples/cascade-problems.xlsx --json
  node dist/cli.js audit samples/cascade-problems.xlsx --out annotated.xlsx --lang zh
  node dist/cli.js audit samples/multi/company.xlsx samples/multi/online-team.csv`);
