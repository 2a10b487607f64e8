/*
 * Where the add-in is served from and which manifest version goes with which functions metadata: one place for the
 * build (webpack.config.js), `npm run bump-manifest` and the tests.
 *
 * - GOAL_CASCADE_ORIGIN (default https://localhost:3000, what `npm start` serves) is written into the built
 *   manifest and into the functions' help links: a production build for a real host sets it, e.g.
 *   GOAL_CASCADE_ORIGIN=https://addin.example.com npm run build.
 * - Excel caches custom-functions metadata (reported up to 24 h) and refreshes it when the manifest's <Version>
 *   changes. `functions-metadata.sha256` records the metadata the current <Version> was set for; a test fails when
 *   the generated functions.json no longer matches it, and `npm run bump-manifest` raises the version and records
 *   the new fingerprint.
 */
const { createHash } = require("crypto");
const { readFileSync } = require("fs");
const path = require("path");

const DEV_ORIGIN = "https://localhost:3000";
const ROOT = path.resolve(__dirname, "..");
const FINGERPRINT_FILE = path.join(ROOT, "functions-metadata.sha256");

/** The origin to serve the add-in from, checked: Office loads add-ins only over https. */
function addinOrigin(env = process.env) {
  const origin = (env.GOAL_CASCADE_ORIGIN || DEV_ORIGIN).trim().replace(/\/+$/, "");
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(
      `GOAL_CASCADE_ORIGIN “${origin}” is not a URL (expected e.g. https://addin.example.com)`
    );
  }
  if (url.protocol !== "https:")
    throw new Error(
      `GOAL_CASCADE_ORIGIN “${origin}” must be https: Office loads add-ins only over https`
    );
  if (url.pathname !== "/" || url.search || url.hash)
    throw new Error(`GOAL_CASCADE_ORIGIN “${origin}” must be an origin only, without a path`);
  return `${url.protocol}//${url.host}`;
}

/** Text with the development origin replaced by `origin`. */
function withOrigin(text, origin) {
  return text.split(DEV_ORIGIN).join(origin);
}

/** The fingerprint of a functions.json text: its functions, whatever the origin of their help links. */
function metadataFingerprint(json, origin = DEV_ORIGIN) {
  const normalised = JSON.stringify(
    JSON.parse(withOrigin(json, DEV_ORIGIN).split(origin).join(DEV_ORIGIN))
  );
  return createHash("sha256").update(normalised).digest("hex");
}

/** The fingerprint the manifest's current <Version> was set for. */
function recordedFingerprint() {
  return readFileSync(FINGERPRINT_FILE, "utf8").trim();
}

module.exports = {
  DEV_ORIGIN,
  FINGERPRINT_FILE,
  addinOrigin,
  withOrigin,
  metadataFingerprint,
  recordedFingerprint,
};
