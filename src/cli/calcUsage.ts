/** The calc command's usage, apart from calc.ts so that `audit` loads neither ExcelJS nor HyperFormula. */
export const CALC_USAGE = `  goal-cascade calc <file.xlsx> [--json] [--out FILE.xlsx] [--lang en|zh]

Evaluates the workbook's formulas, GOAL functions included. Prints every cell whose formula uses a GOAL function
with its value; --json prints [{"cell": "Sheet!A1", "formula": "=…", "value": …}]. --out writes a copy in which
those formulas are replaced by their values (spilled results too), for people without the add-in; every other
formula and every format stay as they were.`;
