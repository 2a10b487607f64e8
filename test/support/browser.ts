import { createReadStream, existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { Browser, chromium } from "playwright-core";
import webpack from "webpack";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a folder on http://127.0.0.1 (a free port), as the preview is served: no certificate, no internet. */
export async function serveFolder(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Debian's chromium (CHROMIUM overrides the path), headless, with nothing that reaches for the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

type ConfigFunction = (
  env: unknown,
  argv: unknown
) => webpack.Configuration | Promise<webpack.Configuration>;

/**
 * Builds the browser preview (production) with the project's own webpack configuration into a new temporary folder
 * and resolves with that folder (index.html, preview.js, samples/). About 40 s on a 2-core machine.
 */
export async function buildPreview(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack configuration is CommonJS
  const configs = require("../../webpack.config.js") as ConfigFunction[];
  const preview = configs[2] as ConfigFunction;
  const config = await preview({}, { mode: "production" });
  const dir = mkdtempSync(join(tmpdir(), "goal-cascade-preview-"));
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        ...config,
        output: { ...config.output, path: dir },
        infrastructureLogging: { level: "error" },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) {
          reject(
            error ?? new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed")
          );
          return;
        }
        resolve();
      }
    );
  });
  return dir;
}
