/**
 * `npm run bench`: speed and memory of the engine, printed as figures, ratios and budget verdicts.
 * Never part of the tests: timing depends on the machine.
 */
import { auditTables, readGoalTable } from "../src/domain";
import { generateCascade } from "./cascade";
import { cliBench } from "./cli";
import { readPathBench } from "./readPath";
import { functionsBench } from "./functions";
import { previewBench } from "./preview";

interface Budget {
  label: string;
  value: number;
  limit: number;
  unit: string;
  /** The value must reach the limit rather than stay under it. */
  atLeast?: boolean;
}

const budgets: Budget[] = [];

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Best of `runs` wall-clock times of `work`, in ms, and the heap it held at its end. */
function measure(runs: number, work: () => unknown): { ms: number; heldBytes: number } {
  let best = Infinity;
  let heldBytes = 0;
  for (let run = 0; run < runs; run++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const result = work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    heldBytes = Math.max(heldBytes, process.memoryUsage().heapUsed - before);
    if (result === undefined) throw new Error("the measured work returned nothing");
    best = Math.min(best, ms);
  }
  return { ms: best, heldBytes };
}

function auditBench(): void {
  console.log("Audit (read the goal table from cell values, then every rule) — best of runs");
  console.log("  goals      time      heap held   findings   peak RSS so far");
  const times = new Map<number, number>();
  for (const [size, runs] of [
    [10_000, 7],
    [100_000, 5],
    [1_000_000, 3],
  ] as const) {
    const cells = generateCascade(size);
    let findings = 0;
    const { ms, heldBytes } = measure(runs, () => {
      const result = auditTables([readGoalTable(cells)]);
      findings = result.findings.length;
      return result;
    });
    times.set(size, ms);
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(
      `  ${size.toLocaleString("en-US").padStart(9)}  ${ms.toFixed(0).padStart(6)} ms  ${megabytes(heldBytes).padStart(9)}  ${String(findings).padStart(9)}   ${megabytes(peak)}`
    );
  }
  const ratio = (times.get(1_000_000) as number) / (times.get(100_000) as number);
  console.log(`  1M / 100k time ratio: ${ratio.toFixed(1)} (linear is 10)`);
  budgets.push(
    { label: "audit of 100k goals", value: times.get(100_000) as number, limit: 300, unit: "ms" },
    { label: "audit of 1M goals", value: times.get(1_000_000) as number, limit: 4000, unit: "ms" },
    { label: "1M/100k time ratio", value: ratio, limit: 12, unit: "" }
  );
}

function report(): void {
  console.log("\nBudgets (2-core machine):");
  let over = 0;
  for (const budget of budgets) {
    const pass = budget.atLeast ? budget.value >= budget.limit : budget.value <= budget.limit;
    if (!pass) over++;
    const shown =
      budget.unit === "ms" || budget.unit === "MB"
        ? budget.value.toFixed(0)
        : budget.value.toFixed(2);
    console.log(
      `  ${pass ? "PASS" : "OVER"}  ${budget.label}: ${shown}${budget.unit && ` ${budget.unit}`} (budget ${budget.atLeast ? "≥" : "≤"} ${budget.limit}${budget.unit && ` ${budget.unit}`})`
    );
  }
  console.log(over === 0 ? "All budgets met." : `${over} budget(s) not met.`);
}

function functionsBudgets(): void {
  const { native, perCell, spilled } = functionsBench();
  budgets.push(
    { label: "GOAL.VARIANCE per cell / native", value: perCell / native, limit: 2, unit: "" },
    { label: "GOAL.VARIANCE spilled / native", value: spilled / native, limit: 0.5, unit: "" }
  );
}

async function main(): Promise<void> {
  auditBench();
  functionsBudgets();
  const { interactiveMs, auditMs, liveMs } = await previewBench();
  budgets.push(
    { label: "preview interactive (sample)", value: interactiveMs, limit: 2000, unit: "ms" },
    { label: "preview one-click audit of 10k goals", value: auditMs, limit: 1500, unit: "ms" },
    { label: "preview live audit after an edit, 10k goals", value: liveMs, limit: 1000, unit: "ms" }
  );
  const read = readPathBench();
  console.log(
    "\nRead path: one 20,000-goal .xlsx, own process each, best of five rounds taking turns"
  );
  console.log(`  goal-cascade audit --json (whole process): ${read.cliMs.toFixed(0)} ms`);
  for (const library of read.libraries)
    console.log(`  ${library.name}, reading only: ${library.ms.toFixed(0)} ms`);
  const fastest = Math.min(...read.libraries.map((library) => library.ms));
  console.log(
    read.calcMs === null
      ? "  LibreOffice Calc: not installed (apt-get install libreoffice-calc-nogui), no comparison"
      : `  LibreOffice Calc, the same checks as helper formulas (soffice --convert-to csv): ${read.calcMs.toFixed(0)} ms`
  );
  if (read.calcMs !== null)
    budgets.push({
      label: "CLI audit vs LibreOffice's helper formulas (times faster)",
      value: read.calcMs / read.cliMs,
      limit: 25,
      unit: "×",
      atLeast: true,
    });
  budgets.push({
    label: "CLI audit / fastest library's read alone",
    value: read.cliMs / fastest,
    limit: 1.5,
    unit: "×",
  });
  for (const { label, megabytes, run } of cliBench()) {
    const largest = label.includes("largest");
    budgets.push(
      {
        label: `${label}: peak memory (${megabytes.toFixed(0)} MB in)`,
        value: run.peakMb,
        limit: largest ? 4096 : 1536,
        unit: "MB",
      },
      { label: `${label}: time`, value: run.ms, limit: largest ? 60_000 : 20_000, unit: "ms" },
      { label: `${label}: exit status (0 or 1: audited)`, value: run.status, limit: 1, unit: "" }
    );
  }
  report();
}

void main();
