import { parseArgs } from "node:util";
import {
  AuditOptions,
  auditTables,
  DATE_ORDERS,
  DateOrder,
  Finding,
  GoalTableRead,
  HeaderMapping,
  Lang,
  isBlocking,
  DEFAULT_AUDIT_OPTIONS,
  readDate,
  UNREADABLE,
  readGoalTable,
} from "../domain";
import { writeAnnotatedCopy } from "./annotate";
import { CALC_USAGE } from "./calcUsage";
import { InputLimits, limitsFrom } from "./inputFile";
import {
  checkMapping,
  InputError,
  loadGoalFile,
  LoadedFile,
  outputLanguage,
  parseMapping,
  requestedLanguage,
} from "./load";
import { printJsonReport, printTextReport } from "./report";
import { withRowDepths } from "../workbook/operations";

const USAGE = `Usage:
  goal-cascade audit <file...> [--sheet NAME] [--json] [--out FILE.xlsx] [--lang en|zh] [--as-of YYYY-MM-DD]
                    [--max-size MB] [--map FIELD=HEADER ...] [--fiscal-year-start 1..12]
                    [--date-order auto|mdy|dmy|ymd]

Audits goal tables in .xlsx or .csv files (several files form one cascade) for cascade gaps, duplicated targets,
SMART failures, missing owners, weights and off-track goals.

  --sheet NAME        read the goal table from this sheet (default: the first sheet that holds one)
  --json              print {"goals": N, "findings": [...]} instead of the readable summary
  --out FILE.xlsx     write an annotated copy of the (single) input: highlights and an audit sheet
  --lang en|zh        language of messages (default: from $LANG)
  --as-of YYYY-MM-DD  judge actuals against the pace expected by this date
  --max-size MB       refuse input files larger than this (default 200)
  --map FIELD=HEADER  read FIELD (goal, target, id, parent, owner, …) from the column headed HEADER, when the
                      headers are not recognised or a guess is wrong; repeatable; HEADER "-" for no such column
                      (e.g. --map goal=Title --map "parent=Aligned To" --map id=-)
  --fiscal-year-start M  first month (1-12) of the fiscal year that FY periods follow (default 1): with 7,
                      FY26 is 2025-07-01 to 2026-06-30 and FY26 Q1 is July to September 2025
  --date-order ORDER  how dates such as 03/04/2026 are read: mdy (month first), dmy (day first), ymd, or auto
                      (default: per column, a day above 12 decides; else month first, with DATE_ORDER_ASSUMED)

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
    if (command === "calc") {
      // Loaded only for calc: ExcelJS and HyperFormula cost an audit a third of a second to load.
      const { calcCommand } = await import("./calc");
      return await calcCommand(rest, io);
    }
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
        map: { type: "string", multiple: true },
        "fiscal-year-start": { type: "string" },
        "date-order": { type: "string" },
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
    throw new InputError({
      en: "--out annotates a single input file; give one file, or leave --out off",
      zh: "--out 只能为一个输入文件写批注副本：请只给一个文件，或去掉 --out",
    });
  }
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new InputError({
      en: `--as-of must be a date as YYYY-MM-DD, not “${asOf}”`,
      zh: `--as-of 必须是 YYYY-MM-DD 格式的日期，而不是“${asOf}”`,
    });
  }
  const asOfDay = asOf === undefined ? null : readDate(asOf);
  if (asOfDay === UNREADABLE)
    throw new InputError({
      en: `--as-of: “${asOf}” is not a calendar date`,
      zh: `--as-of：“${asOf}”不是有效的日期`,
    });
  // The flags are checked here, one by one: the options schema (zod) is the pane's, not loaded for a run.
  const options: AuditOptions = {
    ...DEFAULT_AUDIT_OPTIONS,
    asOf: asOfDay,
    fiscalYearStart: parseFiscalYearStart(values["fiscal-year-start"]),
    dateOrder: parseDateOrder(values["date-order"]),
  };

  const { goals, findings, sources } = await auditFiles(files, {
    sheet: values.sheet,
    limits: limitsFrom(values["max-size"]),
    options,
    out: values.out,
    lang,
    io,
    mapping: parseMapping(values.map ?? []),
  });
  if (values.json) printJsonReport(io.stdout, goals, findings, sources, lang);
  else printTextReport(io.stdout, goals, findings, sources, files.length, lang);
  return findings.some(isBlocking) ? 1 : 0;
}

/**
 * Loads and audits the files, and writes the annotated copy when asked. Returns only what the report needs: the
 * workbooks and tables are let go before a report of perhaps a million findings is printed.
 */
async function auditFiles(
  files: readonly string[],
  how: {
    sheet: string | undefined;
    limits: InputLimits;
    options: AuditOptions;
    out: string | undefined;
    lang: Lang;
    io: Io;
    mapping: HeaderMapping;
  }
): Promise<{ goals: number; findings: Finding[]; sources: { file: string; sheet: string }[] }> {
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const one = await loadGoalFile(file, how.sheet, how.limits, how.mapping);
    checkMapping(one.table, how.mapping);
    loaded.push(one);
  }
  for (const warning of loaded.flatMap((one) => one.warnings))
    how.io.stderr(`goal-cascade: ${warning[how.lang]}\n`);
  const reads: GoalTableRead[] = [];
  for (const [source, { table, workbook }] of loaded.entries()) {
    const read = readGoalTable(table.cells, {
      headerRow: table.headerRow,
      firstRow: table.firstRow,
      firstColumn: table.firstColumn,
      source,
      mapping: how.mapping,
      fiscalYearStart: how.options.fiscalYearStart,
      dateOrder: how.options.dateOrder,
    });
    reads.push(await withRowDepths(workbook, table.sheet, read));
  }
  const result = auditTables(reads, how.options);
  if (how.out !== undefined)
    await writeAnnotatedCopy(
      loaded[0] as LoadedFile,
      result,
      reads[0] as GoalTableRead,
      how.out,
      how.lang
    );
  return {
    goals: result.goals.length,
    findings: result.findings,
    sources: loaded.map(({ file, table }) => ({ file, sheet: table.sheet })),
  };
}

/** `--fiscal-year-start M`: a month 1–12, or an InputError naming the option. */
function parseFiscalYearStart(value: string | undefined): number {
  if (value === undefined) return 1;
  const month = Number(value.trim());
  if (!/^\d{1,2}$/.test(value.trim()) || month < 1 || month > 12)
    throw new InputError({
      en: `--fiscal-year-start must be the fiscal year's first month, 1 to 12 (7 for July), not “${value}”`,
      zh: `--fiscal-year-start 必须是财年的第一个月，1 到 12（7 表示七月），而不是“${value}”`,
    });
  return month;
}

/** `--date-order ORDER`: one of DATE_ORDERS, or an InputError naming the option. */
function parseDateOrder(value: string | undefined): DateOrder {
  if (value === undefined) return "auto";
  const order = value.trim().toLowerCase();
  if (!(DATE_ORDERS as readonly string[]).includes(order))
    throw new InputError({
      en: `--date-order must be one of ${DATE_ORDERS.join(", ")}, not “${value}”`,
      zh: `--date-order 必须是 ${DATE_ORDERS.join("、")} 之一，而不是“${value}”`,
    });
  return order as DateOrder;
}
