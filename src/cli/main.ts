import { parseArgs } from "node:util";
import {
  auditTables,
  GoalTableRead,
  isBlocking,
  parseAuditOptions,
  readGoalTable,
} from "../domain";
import { writeAnnotatedCopy } from "./annotate";
import { CALC_USAGE, calcCommand } from "./calc";
import { limitsFrom } from "./inputFile";
import { InputError, loadGoalFile, LoadedFile, outputLanguage, requestedLanguage } from "./load";
import { jsonReport, textReport } from "./report";

const USAGE = `Usage:
  goal-cascade audit <file...> [--sheet NAME] [--json] [--out FILE.xlsx] [--lang en|zh] [--as-of YYYY-MM-DD]
                    [--max-size MB]

Audits goal tables in .xlsx or .csv files (several files form one cascade) for cascade gaps, duplicated targets,
SMART failures, missing owners, weights and off-track goals.

  --sheet NAME        read the goal table from this sheet (default: the first sheet that holds one)
  --json              print {"goals": N, "findings": [...]} instead of the readable summary
  --out FILE.xlsx     write an annotated copy of the (single) input: highlights and an audit sheet
  --lang en|zh        language of messages (default: from $LANG)
  --as-of YYYY-MM-DD  judge actuals against the pace expected by this date
  --max-size MB       refuse input files larger than this (default 200)

Exit status: 0 no error, 1 a finding of severity error or fatal, 2 the input cannot be used.

${CALC_USAGE}

Exit status: 0 computed, 2 the input cannot be used.`;

/** Output channels, so tests can run the CLI in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Runs the command line; resolves to the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  try {
    if (command === "audit") return await audit(rest, io);
    if (command === "calc") return await calcCommand(rest, io);
    throw new InputError(`unknown command “${command}”\n\n${USAGE}`);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`goal-cascade: ${error.text(requestedLanguage(argv, io.env))}\n`);
      return 2;
    }
    throw error;
  }
}

async function audit(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        sheet: { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        lang: { type: "string" },
        "as-of": { type: "string" },
        "max-size": { type: "string" },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals: files } = parsed;
  if (files.length === 0)
    throw new InputError(`audit needs at least one .xlsx or .csv file\n\n${USAGE}`);
  const lang = outputLanguage(values.lang, io.env);
  if (values.out !== undefined && files.length !== 1) {
    throw new InputError("--out annotates a single input file; give one file, or leave --out off");
  }
  if (values["as-of"] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values["as-of"])) {
    throw new InputError(`--as-of must be a date as YYYY-MM-DD, not “${values["as-of"]}”`);
  }
  const options = parseAuditOptions(values["as-of"] !== undefined ? { asOf: values["as-of"] } : {});
  if (!options.ok) throw new InputError(`--as-of: “${values["as-of"]}” is not a calendar date`);

  const limits = limitsFrom(values["max-size"]);
  const loaded: LoadedFile[] = [];
  for (const file of files) loaded.push(await loadGoalFile(file, values.sheet, limits));
  for (const warning of loaded.flatMap((one) => one.warnings))
    io.stderr(`goal-cascade: ${warning[lang]}\n`);
  const reads: GoalTableRead[] = loaded.map(({ table }, source) =>
    readGoalTable(table.cells, {
      headerRow: table.headerRow,
      firstRow: table.firstRow,
      firstColumn: table.firstColumn,
      source,
    })
  );
  const result = auditTables(reads, options.value);
  const sources = loaded.map(({ file, table }) => ({ file, sheet: table.sheet }));
  const report = jsonReport(result.goals.length, result.findings, sources, lang);

  if (values.out !== undefined) {
    await writeAnnotatedCopy(
      loaded[0] as LoadedFile,
      result,
      reads[0] as GoalTableRead,
      values.out,
      lang
    );
  }
  io.stdout(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report, files.length, lang)
  );
  return result.findings.some(isBlocking) ? 1 : 0;
}
