/**
 * INDEX for the preview's engine, with HyperFormula's results but reading only the cell it returns. HyperFormula's
 * own INDEX reads its whole range to return one value; the audit's highlight rules call INDEX over the key lists
 * of the audit sheet for every cell on screen (a binary search with MATCH, then INDEX to check the hit), and over
 * a list of 5,000 keys that made a screen of highlights take seconds.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";

/** HyperFormula's messages for INDEX's errors (its ErrorMessage catalogue is not exported). */
const LESS_THAN_ONE = "Argument cannot be less than 1.";
const VALUE_LARGE = "Value too large.";
const CELL_RANGE_EXPECTED = "Cell range expected.";
const SCALAR_EXPECTED = "Cell range not allowed.";

/** The INDEX function, one cell read. Register it with `registerCellIndex()` before building an engine. */
export class CellIndexPlugin extends FunctionPlugin {
  static implementedFunctions = {
    INDEX: {
      method: "index",
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
    },
  };

  index(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("INDEX"),
      (range: SimpleRangeValue, row: number, column: number) => {
        if (column < 1 || row < 1) return new CellError(ErrorType.VALUE, LESS_THAN_ONE);
        if (column > range.width() || row > range.height())
          return new CellError(ErrorType.NUM, VALUE_LARGE);
        const reference = range.range;
        if (reference === undefined) {
          // An array (not a reference) is in memory already: as HyperFormula does.
          return (
            range.data[row - 1]?.[column - 1] ??
            range.data[0]?.[0] ??
            new CellError(ErrorType.VALUE, CELL_RANGE_EXPECTED)
          );
        }
        const value = this.dependencyGraph.getCellValue({
          sheet: reference.sheet,
          row: reference.start.row + row - 1,
          col: reference.start.col + column - 1,
        });
        return value instanceof SimpleRangeValue
          ? new CellError(ErrorType.VALUE, SCALAR_EXPECTED)
          : value;
      }
    );
  }
}

let registered = false;

/** Puts this INDEX in place of HyperFormula's, for the engines built afterwards (once per page). */
export function registerCellIndex(): void {
  if (registered) return;
  HyperFormula.registerFunction("INDEX", CellIndexPlugin);
  registered = true;
}
