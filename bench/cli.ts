/**
 * The command line on big files, each run in a process of its own so that its time and peak memory are its own:
 * `audit --out` of a 20,000-goal workbook, of a 50 MB workbook, and of Excel's largest sheet (1,048,575 rows × 10
 * columns). Files are generated here, in a temporary folder, and removed after.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { XlsxWorkbook } from "../src/xlsx/XlsxWorkbook";
import { concat } from "../src/xlsx/zip";
import { generateCascade } from "./cascade";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text pieces as one UTF-8 byte array, encoded piece by piece (a part may be longer than a string can be). */
function bytesOf(pieces: Iterable<string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let batch: string[] = [];
  const flush = () => {
    const chunk = strToU8(batch.join(""));
    chunks.push(chunk);
    length += chunk.length;
    batch = [];
  };
  for (const piece of pieces) {
    batch.push(piece);
    if (batch.length === 10_000) flush();
  }
  flush();
  return concat(chunks, length);
}

/** A package of one goal sheet (its rows as sheetData pieces) and its shared strings, stored with fast compression. */
export function packageOf(rows: Iterable<string>, strings: string[]): Uint8Array {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
      ),
      "xl/workbook.xml": strToU8(
        `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${REL}"><sheets><sheet name="Goals" sheetId="1" r:id="rId1"/></sheets></workbook>`
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
      ),
      "xl/sharedStrings.xml": bytesOf(
        (function* () {
          yield `<?xml version="1.0"?><sst xmlns="${main}" count="${strings.length}" uniqueCount="${strings.length}">`;
          for (const text of strings) yield `<si><t>${text}</t></si>`;
          yield "</sst>";
        })()
      ),
      "xl/worksheets/sheet1.xml": bytesOf(
        (function* () {
          yield `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>`;
          yield* rows;
          yield "</sheetData></worksheet>";
        })()
      ),
    },
    { level: 1 }
  );
}

const HEADER = [
  "ID",
  "Parent",
  "Goal",
  "Owner",
  "Target",
  "Actual",
  "Deadline",
  "KPI",
  "Unit",
  "Weight",
];

/**
 * A goal table as Excel saves one: text in shared strings, `noise` random words in each goal text (to make the file
 * big the way long descriptions do). Returns the rows' XML pieces and the shared strings.
 */
export function goalTable(
  count: number,
  noise: number
): { rows: Iterable<string>; strings: string[] } {
  const strings: string[] = [...HEADER, "Tickets resolved", "tickets"];
  const owners = Array.from({ length: 97 }, (_, k) => `Owner ${k}`);
  const ownerBase = strings.length;
  strings.push(...owners);
  let seed = 7;
  const word = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed.toString(36);
  };
  const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  function* rows(): Generator<string> {
    yield `<row r="1">${HEADER.map((_, c) => s(`${String.fromCharCode(65 + c)}1`, c)).join("")}</row>`;
    for (let index = 1; index <= count; index++) {
      const r = index + 1;
      const id = strings.push(`G${index}`) - 1;
      const parent = index === 1 ? -1 : (ids[Math.floor((index - 2) / 5)] as number);
      ids.push(id);
      const words = noise > 0 ? ` ${Array.from({ length: noise }, word).join(" ")}` : "";
      const goal = strings.push(`Resolve tickets within 4 hours in area ${index}${words}`) - 1;
      yield `<row r="${r}">${s(`A${r}`, id)}${parent >= 0 ? s(`B${r}`, parent) : ""}${s(`C${r}`, goal)}${s(`D${r}`, ownerBase + (index % 97))}<c r="E${r}"><v>${1000 - (index % 7)}</v></c><c r="F${r}"><v>${900 - (index % 11)}</v></c><c r="G${r}"><v>46387</v></c>${s(`H${r}`, HEADER.length)}${s(`I${r}`, HEADER.length + 1)}<c r="J${r}"><v>1</v></c></row>`;
    }
  }
  const ids: number[] = [];
  // The rows are made before the shared strings are written (they add to them).
  const made = [...rows()];
  return { rows: made, strings };
}

interface Run {
  ms: number;
  peakMb: number;
  status: number;
  stderr: string;
}

/** Runs the CLI in a process of its own; it reports its peak memory (max RSS) on exit. */
function runCli(args: string[]): Run {
  const script = `const { run } = require("./src/cli/main"); process.on("exit", () => process.stderr.write("\\nMAXRSS " + process.resourceUsage().maxRSS + "\\n")); run(${JSON.stringify(
    args
  )}, { stdout: () => undefined, stderr: (t) => process.stderr.write(t), env: process.env }).then((s) => { process.exitCode = s; });`;
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ["--max-old-space-size=4096", "-r", "ts-node/register/transpile-only", "-e", script],
    { cwd: join(__dirname, ".."), encoding: "utf8", maxBuffer: 1 << 26 }
  );
  const ms = Date.now() - started;
  const peak = /MAXRSS (\d+)/.exec(child.stderr)?.[1];
  return {
    ms,
    peakMb: peak ? Number(peak) / 1024 : NaN,
    status: child.status ?? -1,
    stderr: child.stderr.replace(/\nMAXRSS \d+\n/, "").trim(),
  };
}

export interface CliFigures {
  label: string;
  megabytes: number;
  run: Run;
}

export function cliBench(): CliFigures[] {
  const dir = mkdtempSync(join(tmpdir(), "goal-cascade-bench-"));
  const figures: CliFigures[] = [];
  try {
    const cases: Array<[string, () => Uint8Array]> = [
      [
        "audit --out, 20,000 goals",
        () => XlsxWorkbook.fromRows("Goals", generateCascade(20_000)).toBytes(),
      ],
      [
        // About 50 MB: 700,000 goals whose descriptions run to 450 characters, 2.4 findings a goal.
        "audit --out, a 50 MB workbook (700,000 goals, long descriptions)",
        () => {
          const { rows, strings } = goalTable(700_000, 62);
          return packageOf(rows, strings);
        },
      ],
      [
        "audit --out, Excel's largest sheet (1,048,575 rows × 10 columns)",
        () => {
          const { rows, strings } = goalTable(1_048_574, 0);
          return packageOf(rows, strings);
        },
      ],
    ];
    console.log("\nCommand line on big files (own process each: wall time, peak RSS)");
    for (const [label, make] of cases) {
      const file = join(dir, "input.xlsx");
      writeFileSync(file, make());
      const megabytes = statSync(file).size / 1024 / 1024;
      const run = runCli(["audit", file, "--out", join(dir, "out.xlsx"), "--max-size", "300"]);
      figures.push({ label, megabytes, run });
      console.log(
        `  ${label}: ${megabytes.toFixed(1)} MB in, exit ${run.status}, ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMb.toFixed(0)} MB${run.status === 2 ? ` — ${run.stderr.split("\n")[0]}` : ""}`
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
