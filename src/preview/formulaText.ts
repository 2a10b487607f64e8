/**
 * Formula text as the preview moves it between the places that spell formulas differently: what users type (Excel's
 * English syntax), what HyperFormula reads, and what an .xlsx file stores.
 */
import { sheetRef } from "../domain";
import { hyperFormulaSyntax } from "../functions/hyperformulaPlugin";

/**
 * Functions newer than Excel 2007 that a file must name with the _xlfn. prefix, or Excel shows #NAME? (only those
 * HyperFormula computes, so only those a preview workbook can hold working).
 */
const PREFIXED_FUNCTIONS = [
  "IFNA",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "XOR",
  "DAYS",
  "ISOWEEKNUM",
  "SHEET",
  "SHEETS",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "CEILING.MATH",
  "FLOOR.MATH",
  "RRI",
  "FILTER",
  "SEQUENCE",
  "UNIQUE",
  "SORT",
  "XLOOKUP",
  "XMATCH",
];
const PREFIXED = new RegExp(
  `(^|[^A-Za-z0-9_.])(${PREFIXED_FUNCTIONS.map((name) => name.replace(".", "\\.")).join("|")})(?=\\s*\\()`,
  "gi"
);
const TEXT_PARTS = /("(?:[^"]|"")*")/;

/** Applies `change` to the parts of a formula outside its double-quoted text. */
function outsideText(formula: string, change: (part: string) => string): string {
  return formula
    .split(TEXT_PARTS)
    .map((part, index) => (index % 2 === 1 ? part : change(part)))
    .join("");
}

/**
 * A formula (without "=") as an .xlsx file stores it: GOAL functions as Excel saves custom functions, so that Excel
 * with the add-in computes them, and newer functions with their _xlfn. prefix.
 * @example storedFormula("GOAL.VARIANCE(B2,C2)") // "_xldudf_GOAL_VARIANCE(B2,C2)"
 */
export function storedFormula(formula: string): string {
  return outsideText(formula, (part) =>
    part
      .replace(
        /\bGOAL\.([A-Z]+)(?=\s*\()/gi,
        (_, name: string) => `_xldudf_GOAL_${name.toUpperCase()}`
      )
      .replace(
        PREFIXED,
        (_, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}`
      )
  );
}

/**
 * A formula HyperFormula gives back, in the syntax people type in Excel: the TRUE() and FALSE() that
 * `hyperFormulaSyntax` wrote for Excel's literals become literals again.
 * @example excelSyntax('=IF(A1,TRUE(),"TRUE()")') // '=IF(A1,TRUE,"TRUE()")'
 */
export function excelSyntax(formula: string): string {
  return outsideText(formula, (part) =>
    part.replace(/(^|[^A-Za-z0-9_.])(TRUE|FALSE)\(\s*\)/gi, "$1$2")
  );
}

/** A formula as HyperFormula reads it: Excel's TRUE and FALSE literals made functions (see hyperFormulaSyntax). */
export function engineFormula(formula: string): string {
  return hyperFormulaSyntax(formula.startsWith("=") ? formula : `=${formula}`);
}

/**
 * One token of a formula: text in double quotes, a reference that names its sheet, a cell or range, whole columns,
 * whole rows, a name (functions, named ranges, TRUE), a number. Names and numbers are matched whole so that no
 * reference is found inside them ("LOG10", "1E5").
 */
const TOKENS = new RegExp(
  [
    String.raw`"(?:[^"]|"")*"`,
    String.raw`(?:'(?:[^']|'')*'|\[[^\]]*\][^!'"(),]*|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?`,
    String.raw`\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?`,
    String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`,
    String.raw`\$?\d+:\$?\d+`,
    String.raw`[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*`,
    String.raw`\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`,
  ]
    .map((pattern) => `(${pattern})`)
    .join("|"),
  "g"
);

/**
 * A formula whose references without a sheet name point at `sheet`: a conditional format's formula is written for
 * its own sheet, and the preview evaluates it on a scratch sheet where a bare "K4" would mean the scratch cell.
 * @example qualifyReferences("AND(K4>500,Audit!$A$1<>\"\")", "Goals") // "AND('Goals'!K4>500,Audit!$A$1<>\"\")"
 */
export function qualifyReferences(formula: string, sheet: string): string {
  const prefix = `${sheetRef(sheet)}!`;
  return formula.replace(
    TOKENS,
    (
      match: string,
      _text: string | undefined,
      _qualified: string | undefined,
      cell: string | undefined,
      columns: string | undefined,
      rows: string | undefined,
      _name: string | undefined,
      _number: string | undefined,
      offset: number,
      whole: string
    ) => {
      if (cell === undefined && columns === undefined && rows === undefined) return match;
      // "A1(" or "A1B" is the start of a name or a function call, not a reference.
      const next = whole.charAt(offset + match.length);
      if (/[\w.(\u00C0-\uFFFF]/.test(next)) return match;
      return `${prefix}${match}`;
    }
  );
}

/**
 * A conditional format's formula with ROW() and COLUMN() naming the cell they mean, the cell the formula is
 * written for: the preview evaluates the formula away from that cell, where the bare forms would mean another.
 * @example withOwnCell("MOD(ROW(),2)=0", "A4") // "MOD(ROW(A4),2)=0"
 */
export function withOwnCell(formula: string, cell: string): string {
  return outsideText(formula, (part) =>
    part.replace(/(^|[^A-Za-z0-9_.])(ROW|COLUMN)\(\s*\)/gi, `$1$2(${cell})`)
  );
}
