#!/usr/bin/env node
/*
 * `npm start`: runs the product.
 * - Windows and macOS: sideloads the add-in into desktop Excel (office-addin-debugging starts the https dev server
 *   on port 3000 and opens Excel with the manifest).
 * - `npm start -- web --document <url>`: the same in Excel on the web, on a workbook you can edit.
 * - Linux and other systems without desktop Excel: serves the add-in over https for Excel on the web, says how to
 *   load it there, and shows the product at work on the sample cascade with the command line.
 * `npm stop` ends the sideloading session.
 */
const { spawn, spawnSync } = require("child_process");
const { existsSync, statSync, readdirSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const args = process.argv.slice(2);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(command, commandArgs, options = {}) {
  return spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", ...options });
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than the sources. */
function buildIfStale() {
  const cli = join(root, "dist", "cli.js");
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestSource(join(root, "src"))) return;
  console.log("Building (npm run build)…");
  const build = run(npm, ["run", "build", "--silent"]);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const desktopExcel = process.platform === "win32" || process.platform === "darwin";
if (desktopExcel || args[0] === "web" || args[0] === "desktop") {
  const target = args[0] === "web" || args[0] === "desktop" ? args : ["desktop"];
  const started = run(npx, ["office-addin-debugging", "start", "manifest.xml", ...target]);
  process.exit(started.status ?? 1);
}

buildIfStale();
const sample = join("samples", "cascade-problems.xlsx");
console.log(`\nThe audit engine on the sample cascade ${sample}:\n`);
run(process.execPath, [join("dist", "cli.js"), "audit", sample]);

console.log(`
No desktop Excel on ${process.platform}. Serving the add-in on https://localhost:3000 for Excel on the web:
  - In Excel on the web, open a workbook, then Home > Add-ins > More add-ins > Upload My Add-in, and choose
    ${join(root, "manifest.xml")}
  - or: npm start -- web --document <URL of a workbook in OneDrive or SharePoint>
Then use the Goal Cascade group on the Home tab, and type =GOAL.VARIANCE(…) in any cell.
The command line works without Excel:
  node dist/cli.js audit samples/cascade-problems.xlsx --out annotated.xlsx
  node dist/cli.js calc samples/goal-formulas.xlsx
Press Ctrl+C to stop the server.
`);
const server = spawn(
  npx,
  ["webpack", "serve", "--mode", "development", "--config-name", "add-in"],
  {
    cwd: root,
    stdio: "inherit",
  }
);
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
