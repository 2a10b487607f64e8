/**
 * Ribbon commands of the shared runtime. "Audit goals" audits the goal table of the active sheet in one click and
 * says what came of it in a short notice that closes itself. When it cannot decide alone (no goal table, several
 * complete ones, a required column missing) or something fails, it also opens the task pane, which reads the outcome
 * (`lastAuditCommandOutcome`) to ask or explain. The notice does not depend on the pane: Office may ignore
 * `showAsTaskpane` (Microsoft documents it as ignored for add-ins published in the Marketplace).
 */
import { AuditOptions, DEFAULT_AUDIT_OPTIONS, Lang } from "../domain";
import { parseAuditOptions } from "../domain/options";
import { judgedOn } from "../taskpane/paneOptions";
import { toWorkbookError } from "../excel/errors";
import { ExcelWorkbook } from "../excel/ExcelWorkbook";
import { CommandEvent, registerCommand, showNotice, showTaskpane } from "../excel/host";
import { officeLanguage } from "../excel/officeLanguage";
import { GoalWorkbook, WorkbookError } from "../workbook/GoalWorkbook";
import {
  auditGoalTable,
  AuditRun,
  decideGoalTable,
  findGoalTables,
  GoalTableChoice,
} from "../workbook/operations";
import { noticeQuery } from "./notice";
import { outcomeText } from "./outcomeText";

/** The ribbon command's id: the manifest's `<FunctionName>` for the "Audit goals" button. */
export const AUDIT_COMMAND = "auditGoals";

/** Settings key of the audit options the task pane saves. */
export const OPTIONS_SETTING = "options";

/** What one click on "Audit goals" came to. */
export type AuditCommandOutcome =
  /** `others`: complete goal tables on the sheet left aside (the first one was audited). */
  | { status: "audited"; run: AuditRun; others: number }
  /** The active sheet has no goal table. */
  | { status: "noTable" }
  /** Several tables could be meant: the pane lets the user choose. */
  | { status: "chooseTable"; tables: GoalTableChoice[] }
  /** The only goal table lacks a required column: the run holds the MISSING_COLUMN finding. */
  | { status: "missingColumn"; run: AuditRun }
  | { status: "failed"; error: WorkbookError };

/** What the command needs from its surroundings; tests pass their own. */
export interface AuditCommandHost {
  workbook: GoalWorkbook;
  showTaskpane(): Promise<void>;
  /** Shows a sentence in a short notice that closes itself. */
  notify(message: string, lang: Lang): Promise<void>;
  language(): Lang;
  /** Today, as the host's clock says (tests pass a fixed day): the as-of date when none is chosen. */
  today?(): Date;
}

let lastOutcome: AuditCommandOutcome | null = null;
const listeners = new Set<(outcome: AuditCommandOutcome) => void>();

/** The outcome of the last "Audit goals" click, for the task pane (null before the first click). */
export function lastAuditCommandOutcome(): AuditCommandOutcome | null {
  return lastOutcome;
}

/** Calls `listener` after each "Audit goals" click; returns the function that stops it. */
export function onAuditCommand(listener: (outcome: AuditCommandOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The audit options the task pane saved in the workbook, when they are valid; else the defaults. */
async function savedOptions(workbook: GoalWorkbook): Promise<AuditOptions> {
  const saved = await workbook.loadSetting(OPTIONS_SETTING);
  // The pane saves its own settings (language, live audit) with the audit's options: the audit's schema (strict)
  // takes the rest.
  const {
    language: _language,
    liveAudit: _liveAudit,
    ...audit
  } = saved !== null && typeof saved === "object" ? (saved as Record<string, unknown>) : {};
  const parsed = parseAuditOptions(audit);
  return parsed.ok ? parsed.value : DEFAULT_AUDIT_OPTIONS;
}

/**
 * Audits the goal table of the active sheet as the one policy decides without asking (operations.ts): the complete
 * table, the first of several (the notice says how many were left), or the only table found (whose missing column
 * the audit then reports).
 * @example await auditActiveSheet(workbook, "en") // { status: "audited", run }
 */
export async function auditActiveSheet(
  workbook: GoalWorkbook,
  lang: Lang,
  today: Date = new Date()
): Promise<AuditCommandOutcome> {
  const options = judgedOn(await savedOptions(workbook), today);
  const tables = await findGoalTables(workbook, options.mapping);
  const decision = decideGoalTable(tables, false);
  if (decision.kind === "none") return { status: "noTable" };
  // Several tables, none complete: the pane asks rather than the ribbon guessing which one was meant.
  if (decision.kind === "ask" || (!decision.table.complete && tables.length > 1))
    return { status: "chooseTable", tables };
  const chosen = decision.table;
  const source = { sheet: chosen.sheet, address: chosen.address, tableName: chosen.tableName };
  const run = await auditGoalTable(workbook, source, options, lang);
  return run.auditSheet === null
    ? { status: "missingColumn", run }
    : { status: "audited", run, others: decision.others };
}

/**
 * The "Audit goals" button: audits the active sheet's goal table, opens the task pane unless the audit went
 * through, and always tells Office the command is done.
 * @example Office.actions.associate("auditGoals", (event) => auditGoals(event))
 */
export async function auditGoals(
  event: CommandEvent,
  host: AuditCommandHost = excelHost()
): Promise<AuditCommandOutcome> {
  let outcome: AuditCommandOutcome;
  try {
    outcome = await auditActiveSheet(host.workbook, host.language(), host.today?.() ?? new Date());
  } catch (error) {
    outcome = { status: "failed", error: toWorkbookError(error) };
  }
  lastOutcome = outcome;
  listeners.forEach((listener) => listener(outcome));
  const lang = host.language();
  try {
    if (outcome.status !== "audited") await host.showTaskpane();
  } catch (error) {
    // The outcome stays readable for the pane when the user opens it; the notice below says what happened.
    console.error("Goal Cascade: could not open the task pane", error);
  }
  try {
    await host.notify(outcomeText(outcome, lang), lang);
  } catch (error) {
    console.error("Goal Cascade: could not show the notice", error);
  } finally {
    event.completed();
  }
  return outcome;
}

/** The command's surroundings in Excel. */
function excelHost(): AuditCommandHost {
  return {
    workbook: new ExcelWorkbook(),
    showTaskpane,
    notify: (message, lang) => showNotice(`notice.html${noticeQuery(message, lang)}`),
    language: officeLanguage,
  };
}

registerCommand(AUDIT_COMMAND, (event) => auditGoals(event));
