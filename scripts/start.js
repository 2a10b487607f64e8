#!/usr/bin/env node
/*
 * `npm start`: runs the product.
 * - Windows and macOS: sideloads the add-in into desktop Excel (office-addin-debugging starts the https dev server
 *   on port 3000 and opens Excel with the manifest).
 * - `npm start -- web --document <url>`: the same in Excel on the web, on a workbook you can edit.
 * - Linux and other systems without desktop Excel: audits the sample cascade with the command line, serves the
 *   browser preview on http://localhost:3001 (opened in the browser where there is a display) and the add-in over
 *   https on port 3000 for Excel on the web, and says how to load it there.
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
  const built = [join(root, "dist", "cli.js"), join(root, "dist", "preview", "index.html")];
  const sources = newestSource(join(root, "src"));
  if (built.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return;
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

const { serveFolder, developmentCertificate } = require("./serve");
const PREVIEW_PORT = Number(process.env.npm_package_config_preview_port || 3001);
const ADDIN_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

async function serve() {
  const previewUrl = `http://localhost:${PREVIEW_PORT}/`;
  await serveFolder(join(root, "dist", "preview"), PREVIEW_PORT);
  const certificate = await developmentCertificate();
  let addIn = "";
  if (certificate) {
    await serveFolder(join(root, "dist"), ADDIN_PORT, certificate.tls);
    addIn = certificate.trusted
      ? `The add-in is served on https://localhost:${ADDIN_PORT} for Excel on the web:`
      : `The add-in is served on https://localhost:${ADDIN_PORT}; its certificate is not trusted yet (${certificate.reason}).
Trust ${certificate.authority} in your browser or system, then, for Excel on the web:`;
  } else {
    addIn =
      "No development certificate could be made, so the add-in is not served for Excel on the web; the preview works without it.";
  }
  console.log(`
No desktop Excel on ${process.platform}. The preview — the task pane beside a workbook, no Excel needed:
  ${previewUrl}
It opens on the sample cascade: click "Audit goals", click a finding, try Tools > Allocate.

${addIn}
  - In Excel on the web, open a workbook, then Home > Add-ins > More add-ins > Upload My Add-in, and choose
    ${join(root, "manifest.xml")}
  - or: npm start -- web --document <URL of a workbook in OneDrive or SharePoint>
The command line works without Excel:
  node dist/cli.js audit samples/cascade-problems.xlsx --out annotated.xlsx
  node dist/cli.js calc samples/goal-formulas.xlsx
Press Ctrl+C to stop.
`);
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    const opener = spawn("xdg-open", [previewUrl], { stdio: "ignore", detached: true });
    opener.on("error", () => undefined);
    opener.unref();
  }
}

serve().catch((error) => {
  console.error(`Could not start the servers: ${error.message}`);
  process.exit(1);
});
