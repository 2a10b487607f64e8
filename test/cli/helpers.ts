import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";

export const SAMPLES = join(__dirname, "..", "..", "samples");

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, in English unless told otherwise. */
export async function cli(
  args: string[],
  env: Record<string, string> = { LANG: "en_US.UTF-8" }
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { status, stdout, stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "goal-cascade-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
