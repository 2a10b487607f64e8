/*
 * A small static file server for the built add-in and preview (npm start on machines without desktop Excel):
 * what webpack built once is served as it is, over https with the development certificate for Excel on the web,
 * and over plain http on localhost for the preview.
 */
const { createReadStream, existsSync, statSync } = require("fs");
const http = require("http");
const https = require("https");
const { extname, join, normalize } = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "text/xml; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on `port` (https when `tls` holds cert and key); resolves once listening. */
function serveFolder(root, port, tls) {
  const handler = (request, response) => {
    const path = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] || "application/octet-stream",
      // Excel on the web loads the add-in's files from another origin.
      "Access-Control-Allow-Origin": "*",
    });
    createReadStream(file).pipe(response);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, tls ? undefined : "127.0.0.1", () => resolve(server));
  });
}

/** The development certificate (made by office-addin-dev-certs), trusted or not; null when there is none. */
async function developmentCertificate() {
  const certificates = require("office-addin-dev-certs");
  try {
    return { tls: await certificates.getHttpsServerOptions(), trusted: true };
  } catch (error) {
    const folder = join(require("os").homedir(), ".office-addin-dev-certs");
    const [cert, key] = ["localhost.crt", "localhost.key"].map((name) => join(folder, name));
    if (existsSync(cert) && existsSync(key)) {
      const { readFileSync } = require("fs");
      return {
        tls: { cert: readFileSync(cert), key: readFileSync(key) },
        trusted: false,
        reason: String(error.message).trim(),
        authority: join(folder, "ca.crt"),
      };
    }
    return null;
  }
}

module.exports = { serveFolder, developmentCertificate };
