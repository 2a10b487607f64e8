/*
 * `npm run bump-manifest`: after the GOAL functions' metadata changed, raises the last part of manifest.xml's
 * <Version> (so that Excel drops its cached metadata) and records the new metadata's fingerprint. Runs the same
 * metadata generator as the build.
 */
const { readFileSync, writeFileSync } = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { FINGERPRINT_FILE, metadataFingerprint, recordedFingerprint } = require("./addinOrigin");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");

(async () => {
  const generated = await generateCustomFunctionsMetadata(
    path.join(ROOT, "src/functions/functions.ts")
  );
  if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
  const fingerprint = metadataFingerprint(generated.metadataJson);
  if (fingerprint === recordedFingerprint()) {
    console.log("The functions metadata has not changed: the manifest version stays.");
    return;
  }
  const manifest = readFileSync(MANIFEST, "utf8");
  const match = /<Version>(\d+)\.(\d+)\.(\d+)\.(\d+)<\/Version>/.exec(manifest);
  if (!match) throw new Error("manifest.xml has no four-part <Version>");
  const next = `${match[1]}.${match[2]}.${match[3]}.${Number(match[4]) + 1}`;
  writeFileSync(MANIFEST, manifest.replace(match[0], `<Version>${next}</Version>`));
  writeFileSync(FINGERPRINT_FILE, `${fingerprint}\n`);
  console.log(`manifest.xml <Version> ${match[0].replace(/<\/?Version>/g, "")} → ${next}`);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
