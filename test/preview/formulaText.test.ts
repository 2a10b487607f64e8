import { typedFormula } from "../../src/functions/formulaText";
import {
  excelSyntax,
  qualifyReferences,
  storedFormula,
  withOwnCell,
} from "../../src/preview/formulaText";

describe("formula text", () => {
  it("reads GOAL functions as Excel saves them and drops the prefixes of newer functions", () => {
    expect([
      typedFormula("[2]!_xldudf_GOAL_VARIANCE(B2,C2)"),
      typedFormula('_xlfn.IFNA(_xldudf_GOAL_STATUS(A1,B1),"")'),
      typedFormula("_xlfn._xlws.FILTER(A1:A9,B1:B9)"),
    ]).toEqual(["GOAL.VARIANCE(B2,C2)", 'IFNA(GOAL.STATUS(A1,B1),"")', "FILTER(A1:A9,B1:B9)"]);
  });

  it("stores GOAL functions and newer functions as Excel does, leaving text alone", () => {
    expect(storedFormula('IFNA(GOAL.STATUS(A1,B1),"GOAL.X( IFNA(")')).toBe(
      '_xlfn.IFNA(_xldudf_GOAL_STATUS(A1,B1),"GOAL.X( IFNA(")'
    );
  });

  it("gives back Excel's TRUE and FALSE literals", () => {
    expect(excelSyntax('=IF(A1,TRUE(),"FALSE()")')).toBe('=IF(A1,TRUE,"FALSE()")');
  });

  it.each([
    ["K4>500", "'Goals'!K4>500"],
    ['$A4="A4"', "'Goals'!$A4=\"A4\""],
    ["SUM(A1:B2)>LOG10(C3)", "SUM('Goals'!A1:B2)>LOG10('Goals'!C3)"],
    ["COUNTIF(A:A,A2)>1", "COUNTIF('Goals'!A:A,'Goals'!A2)>1"],
    ["'Audit 1'!$K$2+Audit!K3+审核!A1", "'Audit 1'!$K$2+Audit!K3+审核!A1"],
    ["ROW(A4)*100000+1E5", "ROW('Goals'!A4)*100000+1E5"],
    ["SUM($4:$4)", "SUM('Goals'!$4:$4)"],
  ])("qualifies the bare references of %p", (formula, qualified) => {
    expect(qualifyReferences(formula, "Goals")).toBe(qualified);
  });

  it("names the rule's own cell in ROW() and COLUMN()", () => {
    expect(withOwnCell('MOD(ROW(),2)=0*COLUMN( )+LEN("ROW()")', "B4")).toBe(
      'MOD(ROW(B4),2)=0*COLUMN(B4)+LEN("ROW()")'
    );
  });
});
