/**
 * The `goal-cascade` executable as a process: what it writes to a pipe is what the command line prints, byte for
 * byte, however many chunks it takes, and a reader that stops early ends nothing but the printing.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, SAMPLES, tempFolder } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const EXECUTABLE = [
  "-r",
  "ts-node/register/transpile-only",
  join(ROOT, "src", "cli", "cli.ts"),
] as const;
const ENV = { ...process.env, LANG: "en_US.UTF-8", TS_NODE_PROJECT: join(ROOT, "tsconfig.json") };

/** A CSV of `goals` goals whose report runs to megabytes: every child misses its pace and its parent. */
function bigCsv(dir: string, goals: number): string {
  const lines = ["ID,Parent,Goal,Owner,Target,Actual,Deadline"];
  lines.push("G1,,Resolve every ticket within 4 hours by 2026-12-31,Ana,1000000,10,2026-12-31");
  for (let n = 2; n <= goals; n++)
    lines.push(`G${n},G1,Team ${n} resolves tickets within 4 hours,Owner ${n},10,1,2026-12-31`);
  const file = join(dir, "big.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("the executable", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());

  it.each([
    ["a sample's JSON report", () => join(SAMPLES, "cascade-problems.xlsx"), ["--json"]],
    ["a report of several megabytes", () => bigCsv(folder.dir, 6_000), ["--json"]],
    ["a readable report in Chinese", () => bigCsv(folder.dir, 300), ["--lang", "zh"]],
  ])("writes %s to a pipe exactly as the command line prints it", async (_, file, flags) => {
    const args = ["audit", file(), ...flags];
    const child = spawnSync(process.execPath, [...EXECUTABLE, ...args], {
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    const expected = await cli(args);
    expect(child.stderr.toString()).toBe(expected.stderr);
    expect(child.status).toBe(expected.status);
    expect(child.stdout.length).toBe(Buffer.byteLength(expected.stdout));
    expect(child.stdout.toString()).toBe(expected.stdout);
  });

  it("keeps going when the reader stops early: the annotated copy is written and the status set", async () => {
    const out = join(folder.dir, "annotated.xlsx");
    const child = spawn(
      process.execPath,
      [...EXECUTABLE, "audit", bigCsv(folder.dir, 6_000), "--json", "--out", out],
      { env: ENV }
    );
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    // Like `| head -c 100`: the first bytes, then the pipe is closed.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/unexpected failure|Error/);
    expect(status).toBe(1);
    expect(existsSync(out)).toBe(true);
  });
});
