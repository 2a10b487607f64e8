/**
 * The GOAL.* functions in HyperFormula, for the command line's `calc` and the browser preview: the registry's
 * functions (registry.ts) wrapped in HyperFormula's function-plugin interface. Arguments reach the registry exactly
 * as Excel hands them over for the same metadata, so `calc` and the preview compute what Excel would: a matrix
 * parameter always arrives as rows (one cell as [[v]]), a scalar one as a single value, a left-out argument as
 * nothing, and blank cells as Excel on the web passes them (null) or, for tests, as the desktop does (0).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import { CellValue, issueMessage, Lang } from "../domain";
import { Argument, FunctionError, isFunctionError, Output } from "./arguments";
import { auditCore } from "./auditCore";
import {
  dimensionalityOf,
  FUNCTION_NAMES,
  FunctionName,
  FunctionSpec,
  GOAL_FUNCTIONS,
  provideAuditCore,
} from "./registry";

// HyperFormula computes synchronously: GOAL.AUDIT's core comes with the plugin.
provideAuditCore(auditCore);

/** Language of the messages GOAL errors carry in HyperFormula (the CLI and the preview set it). */
let messageLanguage: Lang = "en";

/** Chooses the language of error messages. */
export function setHyperFormulaLanguage(language: Lang): void {
  messageLanguage = language;
}

/** How blank cells inside arguments arrive: as Excel on the web passes them (null) or as the desktop does (0). */
export type BlankCells = "web" | "desktop";
let blankCells: BlankCells = "web";

/**
 * Chooses how blank cells reach the functions (office-js #4702, #5262): "web" by default; tests run every function
 * both ways to hold that the answers agree.
 */
export function setBlankCells(style: BlankCells): void {
  blankCells = style;
}

const ERROR_TYPES: Record<FunctionError["kind"], ErrorType> = {
  value: ErrorType.VALUE,
  na: ErrorType.NA,
  div0: ErrorType.DIV_BY_ZERO,
};

const ERROR_TEXTS: Record<string, string> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
};

/** A HyperFormula value as Excel passes a cell: numbers (dates are serials), text, booleans, errors, blanks. */
function toCell(value: unknown): CellValue {
  if (value === EmptyValue || value === null || value === undefined)
    return blankCells === "desktop" ? 0 : null;
  if (value instanceof CellError) return { error: ERROR_TEXTS[value.type] ?? `#${value.type}` };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && "val" in value) return (value as { val: number }).val;
  return String(value);
}

/** One argument as Excel hands it over for the parameter's dimensionality. */
function toArgument(
  value: unknown,
  node: ProcedureAst["args"][number] | undefined,
  dimensionality: "matrix" | "scalar"
): Argument {
  // Left out: no argument, or an empty one (F(1,,3)); Excel passes null for both.
  if (node === undefined || node.type === "EMPTY" || value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCell));
  const cell = toCell(value);
  // A scalar parameter given a blank cell: the web passes null, which reads as left out.
  if (dimensionality === "scalar") return cell === null ? undefined : cell;
  return [[cell]];
}

function toHyperFormula(output: Output): number | string | boolean | CellError {
  if (!isFunctionError(output)) return output;
  return new CellError(ERROR_TYPES[output.kind], issueMessage(output.issue, messageLanguage));
}

function toResult(matrix: Output[][]): SimpleRangeValue | number | string | boolean | CellError {
  if (matrix.length === 1 && matrix[0]?.length === 1) return toHyperFormula(matrix[0][0] as Output);
  return SimpleRangeValue.onlyValues(matrix.map((row) => row.map(toHyperFormula)));
}

/** The spec of a formula's GOAL function, from the name HyperFormula gives the procedure. */
function specOf(ast: ProcedureAst): FunctionSpec {
  return GOAL_FUNCTIONS[ast.procedureName.replace(/^GOAL\./i, "").toUpperCase() as FunctionName];
}

/** The GOAL.* function plugin. Register it once with `registerGoalFunctions()`. */
export class GoalFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    FUNCTION_NAMES.map((name) => {
      const spec: FunctionSpec = GOAL_FUNCTIONS[name];
      return [
        `GOAL.${name}`,
        {
          method: "goal",
          parameters: spec.parameters.map((parameter) => ({
            argumentType: FunctionArgumentType.ANY,
            ...(parameter.optional ? { optionalArg: true } : {}),
          })),
          vectorizationForbidden: true,
          ...(spec.spill === "none" ? {} : { sizeOfResultArrayMethod: "goalSize" }),
        },
      ];
    })
  );

  /** Every GOAL function: the registry's evaluation over the arguments as Excel would pass them. */
  goal(ast: ProcedureAst, state: InterpreterState) {
    const spec = specOf(ast);
    const firstRow = spec.addresses ? this.firstRowOf(ast.args[0], state) : null;
    const height = spec.spill === "audit" ? this.goalSize(ast, state).height : 0;
    return this.runFunction(
      ast.args,
      state,
      this.metadata(ast.procedureName),
      (...values: unknown[]) => {
        const args = spec.parameters.map((parameter, index) =>
          toArgument(values[index], ast.args[index], dimensionalityOf(parameter))
        );
        const result = spec.evaluate(args, { language: messageLanguage, firstRow });
        return toResult(spec.spill === "audit" ? padTo(result, height, 4) : result);
      }
    );
  }

  /** The worksheet row of a range argument's first cell (findings name worksheet rows), else null. */
  private firstRowOf(node: ProcedureAst["args"][number] | undefined, state: InterpreterState) {
    if (!node || !("start" in node) || typeof node.start !== "object") return null;
    const start = node.start as { toSimpleCellAddress?(base: unknown): { row: number } };
    return start.toSimpleCellAddress
      ? start.toSimpleCellAddress(state.formulaAddress).row + 1
      : null;
  }

  /** How big a GOAL function's result is, by its registry spill rule. */
  goalSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const spec = specOf(ast);
    switch (spec.spill) {
      case "cells":
        return this.commonSize(
          ast.args.filter((_arg, index) => spec.parameters[index]?.role === "cell"),
          state
        );
      case "allocate":
        return this.allocateSize(ast, state);
      case "rollup": {
        const ids = ast.args[0];
        if (!ids) return ArraySize.scalar();
        const size = this.arraySizeForAst(ids, state);
        return new ArraySize(1, size.width * size.height);
      }
      case "audit": {
        // HyperFormula sizes a spill when the formula is entered, before any finding is known (Excel sizes it
        // after): three rows per table row, four columns; when more findings come, the last row says how many.
        const table = ast.args[0];
        if (!table) return ArraySize.scalar();
        return new ArraySize(
          4,
          Math.max(2, AUDIT_ROWS_PER_TABLE_ROW * this.arraySizeForAst(table, state).height)
        );
      }
      case "none":
        return ArraySize.scalar();
    }
  }

  /** The size of an argument as a plain array (a range argument's size says "reference", which would not spill). */
  private sizeOf(arg: ProcedureAst["args"][number], state: InterpreterState): ArraySize {
    const size = this.arraySizeForAst(arg, state);
    return new ArraySize(size.width, size.height);
  }

  /** GOAL.ALLOCATE: the shape of the weights; a count spills down a column (HyperFormula needs it literal). */
  private allocateSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const second = ast.args[1];
    if (!second) return ArraySize.scalar();
    if ("value" in second && typeof second.value === "number") {
      const count = second.value;
      return Number.isInteger(count) && count >= 1 && count <= 100_000
        ? new ArraySize(1, count)
        : ArraySize.scalar();
    }
    return this.sizeOf(second, state);
  }

  private commonSize(args: ProcedureAst["args"], state: InterpreterState): ArraySize {
    let result = ArraySize.scalar();
    for (const arg of args) {
      const size = this.sizeOf(arg, state);
      if (size.width === 1 && size.height === 1) continue;
      if (result.width === 1 && result.height === 1) result = size;
      else if (result.width !== size.width || result.height !== size.height)
        return ArraySize.scalar();
    }
    return result;
  }
}

const AUDIT_ROWS_PER_TABLE_ROW = 3;

/** Fits findings into a fixed spill: blank rows after them, or a last row that counts those left out. */
function padTo(rows: Output[][], height: number, width: number): Output[][] {
  if (rows.length > height) {
    const shown = rows.slice(0, height - 1);
    const more = rows.length - shown.length;
    shown.push([
      "",
      "",
      "",
      messageLanguage === "zh" ? `另有 ${more} 项发现未显示` : `${more} more findings not shown`,
    ]);
    return shown;
  }
  const blank = (): Output[] => new Array<Output>(width).fill("");
  return [...rows, ...Array.from({ length: height - rows.length }, blank)];
}

let registered = false;

/**
 * Registers GOAL.* with HyperFormula (once per process), under the same names users type in Excel.
 * @example registerGoalFunctions(); HyperFormula.buildFromArray([["=GOAL.VARIANCE(90,100)"]], { licenseKey: "gpl-v3" })
 */
export function registerGoalFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTION_NAMES.map((name) => [`GOAL.${name}`, `GOAL.${name}`]));
  HyperFormula.registerFunctionPlugin(GoalFunctionsPlugin, { enGB: names });
  registered = true;
}

/** Excel's limits, so that any real workbook fits (HyperFormula refuses sheets over 40,000 rows by default). */
const EXCEL_LIMITS = { maxRows: 1_048_576, maxColumns: 16_384 };

/** Text in double quotes and quoted sheet names: left as they are when a formula is rewritten. */
const LITERAL_PARTS = /("(?:[^"]|"")*"|'(?:[^']|'')*'!)/;
const BARE_BOOLEAN = /(^|[^A-Za-z0-9_.!$'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi;

/**
 * A formula as HyperFormula reads it: Excel's TRUE and FALSE literals become the functions HyperFormula knows
 * (a named expression would do too, but HyperFormula links every formula using it to one node, which is
 * quadratic over many formulas).
 * @example hyperFormulaSyntax('=GOAL.VARIANCE(B2,C2,"lower",TRUE)') // '=GOAL.VARIANCE(B2,C2,"lower",TRUE())'
 */
export function hyperFormulaSyntax(formula: string): string {
  return formula
    .split(LITERAL_PARTS)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(BARE_BOOLEAN, "$1$2()")))
    .join("");
}

/**
 * A HyperFormula workbook that computes the way Excel does for the files managers send: GOAL.* registered, Excel's
 * sheet limits, and TRUE/FALSE read as the literals Excel writes.
 * @example buildGoalWorkbook({ Goals: [[90, 100, "=GOAL.VARIANCE(A1,B1)"]] }).getCellValue({ sheet: 0, row: 0, col: 2 }) // -10
 */
export function buildGoalWorkbook(sheets: Record<string, RawCellContent[][]>): HyperFormula {
  registerGoalFunctions();
  const readable = Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [
      name,
      rows.map((row) =>
        row.map((cell) =>
          typeof cell === "string" && cell.startsWith("=") ? hyperFormulaSyntax(cell) : cell
        )
      ),
    ])
  );
  return HyperFormula.buildFromSheets(readable, { licenseKey: "gpl-v3", ...EXCEL_LIMITS });
}
