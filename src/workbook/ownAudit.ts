/**
 * How the add-in tells its own audit (the audit sheet and the highlight rules) from what the user made. Excel gives
 * a conditional format no name or tag, and its `id` is not documented as stable, so every sign is checked against
 * what the workbook itself holds: the marker in the audit sheet's key columns, the shape of the rule formula and the
 * sheet it points at. The record kept in the workbook's settings narrows these signs down; it never suffices alone.
 */
import { AUDIT_LAYOUT, columnLetters, KEY_MARKER, KEY_ROW_FACTOR, sheetRef } from "../domain";

/** Settings key of the record of the last audit written. */
export const AUDIT_RECORD_KEY = `${KEY_MARKER}audit`;

/** Row-1 cells of the audit sheet's key columns, one per highlight family. */
export const MARKER_ADDRESS = `${columnLetters(AUDIT_LAYOUT.firstKeyColumn)}1:${columnLetters(
  AUDIT_LAYOUT.firstKeyColumn + 5
)}1`;

/**
 * What the workbook's settings remember about the last audit: its sheet. Not its rules: a conditional format's `id`
 * is its place within the collection it was read through, so an id saved from one collection names another rule
 * in the next; rules are recognised by their formula alone.
 */
export interface AuditRecord {
  /** Worksheet id of the audit sheet (stable when the sheet is renamed or moved). */
  sheetId: string;
}

/**
 * The record saved in the settings, or null when there is none or it is not one of ours.
 * @example parseAuditRecord({ sheetId: "{A1}", rules: [] }) // { sheetId: "{A1}", rules: [] }
 */
export function parseAuditRecord(value: unknown): AuditRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const { sheetId } = value as Partial<AuditRecord>;
  return typeof sheetId === "string" ? { sheetId } : null;
}

/**
 * True when row 1 of a sheet's key columns (MARKER_ADDRESS) holds the add-in's marker.
 * @example hasKeyMarker(["goal-cascade:structure", "goal-cascade:duplication"]) // true
 */
export function hasKeyMarker(row: readonly unknown[] | undefined): boolean {
  const first = row?.[0];
  return typeof first === "string" && first.startsWith(KEY_MARKER);
}

/** A worksheet as the recognition sees it. */
export interface SheetMark {
  id: string;
  name: string;
  /** Row 1 of its key columns carries the marker. */
  marked: boolean;
}

/**
 * The add-in's own audit sheets: the marked sheet the record names, or, when the record names none that still
 * exists with its marker (no record yet, a workbook annotated by the command line, the sheet deleted), every
 * marked sheet. A copy the user made of the audit sheet is therefore kept while the original exists.
 */
export function ownAuditSheets<T extends SheetMark>(
  sheets: readonly T[],
  record: AuditRecord | null
): T[] {
  const marked = sheets.filter((sheet) => sheet.marked);
  const recorded = record ? marked.find((sheet) => sheet.id === record.sheetId) : undefined;
  return recorded ? [recorded] : marked;
}

/**
 * The formula shapes of the highlight rules, whatever their references: local rules check the marker in their key
 * list's header (`…!$L$1="goal-cascade:smart"`, see the domain's localFormula), keyed rules look the row's escaped id
 * up (keyedFormula); audits written before looked the key `ROW(…)*100000+COLUMN(…)` up with INDEX/MATCH.
 */
const RULE_SHAPES = [
  new RegExp(`^=?AND\\((?:[^,]*!\\$[A-Z]{1,3}\\$1|#REF!)="${KEY_MARKER}[a-z]+",`, "i"),
  /^=?ISNUMBER\(MATCH\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\(TRIM\(/i,
  new RegExp(`IFERROR\\(INDEX\\(.*MATCH\\(ROW\\([^()]*\\)\\*${KEY_ROW_FACTOR}\\+COLUMN\\(`, "i"),
];

/**
 * True when a conditional-format formula is one of the add-in's highlight rules: it has a rule's shape (RULE_SHAPES)
 * and it points at one of the add-in's audit sheets, or at a deleted sheet (`#REF!`, the user deleted the audit
 * sheet).
 * @example isOwnRule("=IFERROR(INDEX(Audit!$L$2:$L$3,MATCH(ROW(A2)*100000+COLUMN(A2),Audit!$L$2:$L$3,1))=ROW(A2)*100000+COLUMN(A2),FALSE)", ["Audit"]) // true
 */
export function isOwnRule(formula: string, ownSheetNames: readonly string[]): boolean {
  if (!RULE_SHAPES.some((shape) => shape.test(formula))) return false;
  if (formula.includes("#REF!")) return true;
  return ownSheetNames.some((name) => refersToSheet(formula, name));
}

/**
 * True when a formula references a sheet: quoted ('My sheet'!), or bare (Audit!) as Excel writes names that need no
 * quotes. Sheet names compare without case, as Excel compares them.
 */
export function refersToSheet(formula: string, sheetName: string): boolean {
  const text = formula.toLowerCase();
  const name = sheetName.toLowerCase();
  if (text.includes(`${sheetRef(name)}!`)) return true;
  let from = 0;
  for (let at = text.indexOf(`${name}!`, from); at >= 0; at = text.indexOf(`${name}!`, from)) {
    // A bare name must start the reference: not the tail of a longer name or of a quoted one.
    const before = at === 0 ? "" : text.charAt(at - 1);
    if (!/[\p{L}\p{N}_.'\\]/u.test(before)) return true;
    from = at + 1;
  }
  return false;
}

/**
 * A name for a new sheet: `preferred` when no sheet in `taken` has it (without case), else `preferred (2)`, `(3)`…
 * @example freeSheetName("Audit", ["audit"]) // "Audit (2)"
 */
export function freeSheetName(preferred: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((name) => name.toLowerCase()));
  if (!names.has(preferred.toLowerCase())) return preferred;
  for (let n = 2; ; n++) {
    const name = `${preferred} (${n})`;
    if (!names.has(name.toLowerCase())) return name;
  }
}
