/**
 * The GOAL.* custom functions in Excel (namespace GOAL, so users type =GOAL.VARIANCE(…)). Each wrapper is metadata
 * (JSDoc, read by custom-functions-metadata-plugin into functions.json) and one call into the registry
 * (registry.ts), which reads the arguments as each parameter declares and runs the core; the plugin's loader
 * associates the functions with their ids. A test holds these signatures equal to the registry.
 *
 * Every parameter that may be a range is typed `any[][]` (dimensionality "matrix"): Excel hands a matrix parameter
 * the whole range, and a single cell as [[v]], while a scalar parameter given a range is lifted or cut to its first
 * value (office-js #580; learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options). A left-out
 * optional argument arrives as null (same page). Blank cells inside a range arrive as 0 on the desktop and null on
 * the web (office-js #4702, #5262): the registry's readers give both the same answer. Results that should look
 * blank are "", never null (which Excel shows as 0).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps only `any` (see above) */
import { issueMessage } from "../domain";
import { officeLanguage } from "../excel/officeLanguage";
import { loadWithThisDocument } from "../excel/startup";
import { Argument, excelCell, isFunctionError, Output } from "./arguments";
import { FunctionName, GOAL_FUNCTIONS, provideAuditCore } from "./registry";

const ERROR_CODES = {
  value: "#VALUE!",
  na: "#N/A",
  div0: "#DIV/0!",
} as const;

/** One cell of a result as Excel takes it: errors become CustomFunctions.Error with a message in Office's language. */
function toExcel(output: Output): unknown {
  if (!isFunctionError(output)) return output;
  return new CustomFunctions.Error(
    ERROR_CODES[output.kind] as CustomFunctions.ErrorCode,
    issueMessage(output.issue, officeLanguage())
  );
}

/** An argument as Excel passed it, as the registry reads arguments: null is a left-out optional argument. */
export function fromExcel(value: unknown): Argument {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value))
    return value.map((row: unknown) =>
      Array.isArray(row) ? row.map(excelCell) : [excelCell(row)]
    );
  return excelCell(value);
}

/** "Goals!B3:F40" → 3: the worksheet row of an address's first cell, or null when there is none. */
export function firstRowOf(address: string | undefined): number | null {
  const match = /\$?[A-Z]{1,3}\$?(\d+)/i.exec(address?.split("!").pop() ?? "");
  return match ? Number(match[1]) : null;
}

function call(
  name: FunctionName,
  args: unknown[],
  invocation?: CustomFunctions.Invocation
): Output[][] {
  loadWithThisDocument();
  const spec = GOAL_FUNCTIONS[name];
  return spec.evaluate(args.map(fromExcel), {
    language: officeLanguage(),
    // Invocation.parameterAddresses needs CustomFunctionsRuntime 1.3; without it the core says rows are relative.
    firstRow: spec.addresses ? firstRowOf(invocation?.parameterAddresses?.[0]) : null,
  });
}

function matrix(name: FunctionName, args: unknown[], invocation?: CustomFunctions.Invocation) {
  return call(name, args, invocation).map((row) => row.map(toExcel)) as any[][];
}

function scalar(name: FunctionName, args: unknown[]): any {
  const value = toExcel(call(name, args)[0]?.[0] ?? "");
  if (value instanceof CustomFunctions.Error) throw value;
  return value;
}

/**
 * Favourable-positive variance of actual against target (or the percent variance). Ranges spill.
 * @customfunction VARIANCE
 * @helpurl https://localhost:3000/help.html#variance
 * @param actual Actual value or range. Blank counts as 0, as in Excel's arithmetic.
 * @param target Target value or range. Blank counts as 0, as in Excel's arithmetic.
 * @param [direction] higher (default) or lower is better: higher, lower, ↑, ↓, 越高越好, 越低越好.
 * @param [as_percent] TRUE for the variance as a share of |target| (#DIV/0! when the target is 0).
 * @returns The variance, one cell per goal.
 */
export function variance(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  as_percent?: any[][]
): any[][] {
  return matrix("VARIANCE", [actual, target, direction, as_percent]);
}

/**
 * Attainment: 1 + percent variance (actual/target when higher is better). Ranges spill.
 * @customfunction ATTAINMENT
 * @helpurl https://localhost:3000/help.html#attainment
 * @param actual Actual value or range. Blank counts as 0, as in Excel's arithmetic.
 * @param target Target value or range; 0 gives #DIV/0!.
 * @param [direction] higher (default) or lower is better: higher, lower, ↑, ↓, 越高越好, 越低越好.
 * @param [cap] Largest attainment returned, e.g. 1.2 (none by default; blank or 0 is none).
 * @returns The attainment, one cell per goal.
 */
export function attainment(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  cap?: any[][]
): any[][] {
  return matrix("ATTAINMENT", [actual, target, direction, cap]);
}

/**
 * On track, At risk or Off track by attainment, or your own three labels. Ranges spill.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/help.html#status
 * @param actual Actual value or range. Blank counts as 0, as in Excel's arithmetic.
 * @param target Target value or range; 0 gives #DIV/0!.
 * @param [direction] higher (default) or lower is better: higher, lower, ↑, ↓, 越高越好, 越低越好.
 * @param [at_risk] Attainment from which a goal is At risk rather than Off track (default 0.9; blank or 0 is the default).
 * @param [labels] Three labels separated by commas, e.g. "达标,预警,落后", or "zh" for those.
 * @returns The status, one cell per goal.
 */
export function status(
  actual: any[][],
  target: any[][],
  direction?: any[][],
  at_risk?: any[][],
  labels?: any[][]
): any[][] {
  return matrix("STATUS", [actual, target, direction, at_risk, labels]);
}

/**
 * Value expected by a date: baseline + (target − baseline) × elapsed share of start…deadline, optionally seasonal.
 * @customfunction PACE
 * @helpurl https://localhost:3000/help.html#pace
 * @param target Target at the deadline; 0 is a target of 0.
 * @param start Start date (a blank is an error).
 * @param deadline Deadline (a blank is an error).
 * @param as_of Date to measure the pace at; pass it in rather than TODAY() in many cells.
 * @param [baseline] Value at the start (default 0).
 * @param [profile] Weights of equal parts of the window, e.g. 12 monthly weights. Trailing blank or 0 cells are left out (the desktop passes 0 for a blank).
 * @returns The expected value, one cell per goal.
 */
export function pace(
  target: any[][],
  start: any[][],
  deadline: any[][],
  as_of: any[][],
  baseline?: any[][],
  profile?: any[][]
): any[][] {
  return matrix("PACE", [target, start, deadline, as_of, baseline, profile]);
}

/**
 * Splits a total over weights (or into a count of even parts) so the parts add up exactly. Spills.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help.html#allocate
 * @param total The total to split (one value).
 * @param weights_or_count A range of weights (blank = 0; all 0 = even), or a number of even parts.
 * @param [decimals] Decimals of each part (default 0: whole units; one value).
 * @returns The parts.
 */
export function allocate(total: any, weights_or_count: any[][], decimals?: any): any[][] {
  return matrix("ALLOCATE", [total, weights_or_count, decimals]);
}

/**
 * Each goal's rolled-up value from its children (sum by default), as a column beside the ids.
 * @customfunction ROLLUP
 * @helpurl https://localhost:3000/help.html#rollup
 * @param ids Goal ids.
 * @param parent_ids Parent id of each goal (blank for a top goal).
 * @param values Value of each goal; goals without children keep theirs. Blank counts as 0, as in Excel's arithmetic.
 * @param [method] sum (default), average, weighted, min, max or none; one word or one per goal.
 * @param [weights] Weights for the weighted method.
 * @returns One rolled-up value per id.
 */
export function rollup(
  ids: any[][],
  parent_ids: any[][],
  values: any[][],
  method?: any[][],
  weights?: any[][]
): any[][] {
  return matrix("ROLLUP", [ids, parent_ids, values, method, weights]);
}

/**
 * SMART check: "SMART", or the passing letters with "-" for each failure (e.g. "SM-R-").
 * @customfunction SMART
 * @helpurl https://localhost:3000/help.html#smart
 * @param goal Goal text (S: specific, not only vague words).
 * @param target Numeric target (M). Blank or 0 is no target (Excel desktop passes 0 for a blank cell).
 * @param [deadline] Deadline (T).
 * @param [owner] Responsible person: when given and blank, A fails (nobody to achieve it).
 * @param [baseline] Last actual (A: the target must beat it in the goal's direction, by at most the 50 % stretch limit). Blank or 0 is no baseline.
 * @param [parent] Parent goal id (R): leave the argument out for a top goal.
 * @param [kpi] KPI name (M: when given, it must not be blank).
 * @param [direction] higher (default) or lower is better: higher, lower, ↑, ↓, 越高越好, 越低越好. For A against the baseline.
 * @returns The SMART letters, one cell per goal.
 */
export function smart(
  goal: any[][],
  target: any[][],
  deadline?: any[][],
  owner?: any[][],
  baseline?: any[][],
  parent?: any[][],
  kpi?: any[][],
  direction?: any[][]
): any[][] {
  return matrix("SMART", [goal, target, deadline, owner, baseline, parent, kpi, direction]);
}

/**
 * Weighted score: Σ weight × min(attainment, cap) / Σ weight over goals that are not exempt.
 * @customfunction SCORE
 * @helpurl https://localhost:3000/help.html#score
 * @param attainments Attainments; an empty cell or 0 is a goal not scored yet (Excel on the desktop passes 0 for an empty cell).
 * @param [weights] Weights (equal when left out).
 * @param [exempt] Yes/no per goal: exempt goals leave and the others are renormalised.
 * @param [cap] Largest attainment counted (default 1.2).
 * @returns The score.
 */
export function score(
  attainments: any[][],
  weights?: any[][],
  exempt?: any[][],
  cap?: any
): number {
  return scalar("SCORE", [attainments, weights, exempt, cap]);
}

/**
 * Audits a goal table (range with its header row): one row per finding with row, id, code and message.
 * @customfunction AUDIT
 * @helpurl https://localhost:3000/help.html#audit
 * @requiresParameterAddresses
 * @param table The goal table with its header row (ID, Goal, Target … or 目标编号, 目标描述, 目标值 …). A 0 reads as empty (Excel on the desktop passes 0 for every empty cell), except a lower-is-better target of 0.
 * @param [language] Language of the messages: "en" or "zh" (default: Excel's).
 * @param [as_of] Date to judge actuals against the pace to date.
 * @param invocation Where the formula and its arguments are.
 * @returns One row per finding: row, id, code, message.
 */
export async function audit(
  table: any[][],
  // Optional in Excel (the JSDoc's brackets); TypeScript needs them required before the invocation argument.
  language: any,
  as_of: any,
  invocation: CustomFunctions.Invocation
): Promise<any[][]> {
  try {
    await loadAudit();
  } catch {
    throw new CustomFunctions.Error(
      ERROR_CODES.value as CustomFunctions.ErrorCode,
      issueMessage({ code: "AUDIT_NOT_LOADED" }, officeLanguage())
    );
  }
  return matrix("AUDIT", [table, language, as_of], invocation);
}

let auditLoading: Promise<void> | null = null;

/**
 * Loads GOAL.AUDIT's core (the whole audit: reader, rules, findings' words) the first time a workbook uses it, as a
 * chunk of its own beside functions.js: the functions bundle stays within its 80 KB. A custom function may return
 * a promise (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs); the shared runtime is a
 * browser page (learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime), where
 * webpack loads the chunk from beside functions.js. A failed load is tried again on the next call.
 */
function loadAudit(): Promise<void> {
  auditLoading ??= import(/* webpackChunkName: "audit" */ "./auditCore").then(
    (module) => provideAuditCore(module.auditCore),
    (error: unknown) => {
      auditLoading = null;
      throw error;
    }
  );
  return auditLoading;
}

/**
 * Forecast at the deadline from the periods reported: linear, by the plan, or by the trend.
 * @customfunction FORECAST
 * @helpurl https://localhost:3000/help.html#forecast
 * @param actuals One row or column with the actual of each period, first to deadline; the periods reported are those up to the last non-blank one (trailing 0s count as blank: Excel on the desktop passes 0 for an empty cell).
 * @param [plan] The plan of each period, as many cells as actuals (the children's period targets, or the target spread by season).
 * @param [method] linear, plan, trend or auto (default: plan when a plan is given, else linear); 线性, 计划, 趋势, 自动.
 * @param [rollup] How the periods combine: sum (default, a volume) or average (a rate, a duration, a score); 合计 or 平均.
 * @param [reported] Number of periods reported (default: up to the last non-blank actual).
 * @returns The forecast at the deadline.
 */
export function forecast(
  actuals: any[][],
  plan?: any[][],
  method?: any,
  rollup?: any,
  reported?: any
): number {
  return scalar("FORECAST", [actuals, plan, method, rollup, reported]);
}

/**
 * What each remaining period needs for the goal to reach its target at the deadline.
 * @customfunction NEEDED
 * @helpurl https://localhost:3000/help.html#needed
 * @param actuals One row or column with the actual of each period, first to deadline; the periods reported are those up to the last non-blank one (trailing 0s count as blank: Excel on the desktop passes 0 for an empty cell).
 * @param target The goal's target at the deadline (for an average, the mean to reach over all periods).
 * @param [rollup] How the periods combine: sum (default, a volume) or average (a rate, a duration, a score); 合计 or 平均.
 * @param [reported] Number of periods reported (default: up to the last non-blank actual).
 * @returns What each remaining period needs.
 */
export function needed(actuals: any[][], target: any, rollup?: any, reported?: any): number {
  return scalar("NEEDED", [actuals, target, rollup, reported]);
}
