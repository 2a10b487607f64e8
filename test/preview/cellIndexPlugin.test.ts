import { DetailedCellError, HyperFormula } from "hyperformula";
import { CellIndexPlugin, registerCellIndex } from "../../src/preview/cellIndexPlugin";

const sheets = {
  Data: [
    [1, "a", null],
    [2, "b", "=SEQUENCE(2)"],
    [3, "=NA()", null],
  ],
};

const formulas = [
  "=INDEX(A1:B3,2,2)",
  "=INDEX(A1:A3,3)",
  "=INDEX(A1:C3,1,3)",
  '=INDEX(A1:B3,2,2)&"!"',
  "=INDEX(A1:B3,3,2)",
  "=INDEX(A1:B3,0,1)",
  "=INDEX(A1:B3,4,1)",
  "=INDEX(A1:B3,1,3)",
  "=INDEX({1,2;3,4},2,1)",
  "=INDEX(7,1,1)",
  "=INDEX(C2:C3,2)",
];

/** What each formula computes in an engine: values, or error types and messages. */
function results(engine: HyperFormula): unknown[] {
  const sheet = engine.getSheetId("Data") as number;
  return formulas.map((formula, index) => {
    engine.setCellContents({ sheet, row: 10 + index, col: 5 }, formula);
    const value = engine.getCellValue({ sheet, row: 10 + index, col: 5 });
    return value instanceof DetailedCellError ? [value.type, value.message] : value;
  });
}

describe("the preview's INDEX", () => {
  it("computes what HyperFormula's INDEX computes", () => {
    const builtIn = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    const expected = results(builtIn);
    registerCellIndex();
    const preview = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    expect({
      plugin: preview.getFunctionPlugin("INDEX") === CellIndexPlugin,
      results: results(preview),
    }).toEqual({ plugin: true, results: expected });
  });
});
