/**
 * The GOAL.* functions in HyperFormula, for the command line's `calc` and the browser preview: the same cores as
 * the Excel custom functions (core.ts), wrapped in HyperFormula's function-plugin interface.
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
import {
  goalAllocate,
  goalAttainment,
  goalAudit,
  goalPace,
  goalRollup,
  goalScore,
  goalSmart,
  goalStatus,
  goalVariance,
} from "./core";
import { FUNCTION_NAMES } from "./help";

/** Language of the messages GOAL errors carry in HyperFormula (the CLI and the preview set it). */
let messageLanguage: Lang = "en";

/** Chooses the language of error messages. */
export function setHyperFormulaLanguage(language: Lang): void {
  messageLanguage = language;
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

/** A HyperFormula value as the cores read cells: numbers (dates are serials), text, booleans, errors, null. */
function toCell(value: unknown): CellValue {
  if (value === EmptyValue || value === null || value === undefined) return null;
  if (value instanceof CellError) return { error: ERROR_TEXTS[value.type] ?? `#${value.type}` };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "object" && "val" in value) return (value as { val: number }).val;
  return String(value);
}

function toArgument(value: unknown): Argument {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toCell));
  if (value === undefined) return undefined;
  return toCell(value);
}

function toHyperFormula(output: Output): number | string | boolean | CellError {
  if (!isFunctionError(output)) return output;
  return new CellError(ERROR_TYPES[output.kind], issueMessage(output.issue, messageLanguage));
}

function toResult(matrix: Output[][]): SimpleRangeValue | number | string | boolean | CellError {
  if (matrix.length === 1 && matrix[0]?.length === 1) return toHyperFormula(matrix[0][0] as Output);
  return SimpleRangeValue.onlyValues(matrix.map((row) => row.map(toHyperFormula)));
}

const any = (optional = false) => ({
  argumentType: FunctionArgumentType.ANY,
  ...(optional ? { optionalArg: true } : {}),
});

/** The functions: parameters as HyperFormula passes them (ranges whole), and how big each result is. */
const IMPLEMENTED = {
  "GOAL.VARIANCE": {
    method: "variance",
    size: "elementwiseSize",
    parameters: [any(), any(), any(true), any(true)],
  },
  "GOAL.ATTAINMENT": {
    method: "attainment",
    size: "elementwiseSize",
    parameters: [any(), any(), any(true), any(true)],
  },
  "GOAL.STATUS": {
    method: "status",
    size: "elementwiseSize",
    parameters: [any(), any(), any(true), any(true), any(true)],
  },
  "GOAL.PACE": {
    method: "pace",
    size: "paceSize",
    parameters: [any(), any(), any(), any(), any(true), any(true)],
  },
  "GOAL.ALLOCATE": {
    method: "allocate",
    size: "allocateSize",
    parameters: [any(), any(), any(true)],
  },
  "GOAL.ROLLUP": {
    method: "rollup",
    size: "rollupSize",
    parameters: [any(), any(), any(), any(true), any(true)],
  },
  "GOAL.SMART": {
    method: "smart",
    size: "elementwiseSize",
    parameters: [any(), any(), any(true), any(true), any(true), any(true), any(true)],
  },
  "GOAL.SCORE": {
    method: "score",
    size: undefined,
    parameters: [any(), any(true), any(true), any(true)],
  },
  "GOAL.AUDIT": { method: "audit", size: "auditSize", parameters: [any(), any(true), any(true)] },
} as const;

/** The GOAL.* function plugin. Register it once with `registerGoalFunctions()`. */
export class GoalFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    Object.entries(IMPLEMENTED).map(([name, { method, size, parameters }]) => [
      name,
      {
        method,
        parameters: [...parameters],
        vectorizationForbidden: true,
        ...(size ? { sizeOfResultArrayMethod: size } : {}),
      },
    ])
  );

  private run(
    name: keyof typeof IMPLEMENTED,
    ast: ProcedureAst,
    state: InterpreterState,
    core: (...args: Argument[]) => Output[][]
  ) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) =>
      toResult(core(...args.map(toArgument)))
    );
  }

  variance(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.VARIANCE", ast, state, goalVariance);
  }

  attainment(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.ATTAINMENT", ast, state, goalAttainment);
  }

  status(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.STATUS", ast, state, goalStatus);
  }

  pace(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.PACE", ast, state, goalPace);
  }

  allocate(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.ALLOCATE", ast, state, goalAllocate);
  }

  rollup(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.ROLLUP", ast, state, goalRollup);
  }

  smart(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.SMART", ast, state, goalSmart);
  }

  score(ast: ProcedureAst, state: InterpreterState) {
    return this.run("GOAL.SCORE", ast, state, goalScore);
  }

  audit(ast: ProcedureAst, state: InterpreterState) {
    const table = ast.args[0];
    // Findings name worksheet rows: the table range's first row, when the argument is a range.
    const firstRow =
      table &&
      "start" in table &&
      typeof table.start === "object" &&
      "toSimpleCellAddress" in table.start
        ? (
            table.start as { toSimpleCellAddress(base: unknown): { row: number } }
          ).toSimpleCellAddress(state.formulaAddress).row + 1
        : 1;
    const size = this.auditSize(ast, state);
    return this.run("GOAL.AUDIT", ast, state, (tableArg, language, asOf) => {
      const lang: Lang =
        typeof language === "string" && /^zh|中/i.test(language) ? "zh" : messageLanguage;
      return padTo(goalAudit(tableArg, lang, firstRow, asOf), size.height, 4);
    });
  }

  /** The size of an argument as a plain array (a range argument's size says "reference", which would not spill). */
  private sizeOf(arg: ProcedureAst["args"][number], state: InterpreterState): ArraySize {
    const size = this.arraySizeForAst(arg, state);
    return new ArraySize(size.width, size.height);
  }

  /** Element-wise functions spill in the shape of their ranges. */
  elementwiseSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.commonSize(ast.args, state);
  }

  /** GOAL.PACE: the profile (6th argument) is a list of weights, not lined up with the goals. */
  paceSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.commonSize(ast.args.slice(0, 5), state);
  }

  /** GOAL.ALLOCATE: the shape of the weights; a count spills down a column (HyperFormula needs it literal). */
  allocateSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
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

  /** GOAL.ROLLUP: one value per id, as a column. */
  rollupSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const ids = ast.args[0];
    if (!ids) return ArraySize.scalar();
    const size = this.arraySizeForAst(ids, state);
    return new ArraySize(1, size.width * size.height);
  }

  /**
   * GOAL.AUDIT: HyperFormula sizes a spill when the formula is entered, before any finding is known (Excel sizes
   * it after): three rows per table row, four columns; when more findings come, the last row says how many.
   */
  auditSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const table = ast.args[0];
    if (!table) return ArraySize.scalar();
    return new ArraySize(
      4,
      Math.max(2, AUDIT_ROWS_PER_TABLE_ROW * this.arraySizeForAst(table, state).height)
    );
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
