import { CellValue, Goal } from "./model";
import { normalizeText, toNfkc } from "./text";
import { isBlank } from "./values";

/**
 * The cascade a sheet shows by its outline numbering, when it has no parent column (issue 11 §1): 1 / 1.1 / 1.1.2,
 * or the Chinese document order 一、 → （一） → 1. → （1）, in the goal text or in an ID-like column.
 */

/** Marker styles: decimal outlines by depth ("d2" for 1.1), the Chinese forms, bracketed and circled numbers. */
const CN = "一二三四五六七八九十";
const MARKERS: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [new RegExp(`^[${CN}]+\\s*[、.．]`), () => "cn"],
  [new RegExp(`^[(（][${CN}]+[)）]`), () => "cnParen"],
  [/^[(（]\d{1,3}[)）]/, () => "paren"],
  [/^\d{1,3}[)）]/, () => "paren"],
  [
    /^(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$|[、．)）:：-])/,
    (m) => `d${(m[1] as string).split(".").length}`,
  ],
  [/^\d{1,3}\s*[.、．](?!\d)/, () => "d1"],
];

/**
 * The outline style of a text's leading marker ("1.1" → "d2", "一、" → "cn"), or null. `bare` also takes a lone
 * number ("3", an ID-like column's value); in goal text a number needs its separator ("3." / "3、").
 * @example outlineStyle("1.2 Resolve tickets") // "d2"
 */
export function outlineStyle(text: string, bare = false): string | null {
  // NFKC makes ① a 1: circled numbers are looked for before it.
  if (/^\s*[①-⑳]/.test(text)) return "circled";
  const trimmed = toNfkc(text).trim();
  if (bare && /^\d{1,3}$/.test(trimmed)) return "d1";
  for (const [pattern, style] of MARKERS) {
    const match = pattern.exec(trimmed);
    if (match) return style(match);
  }
  return null;
}

/** True when values number an outline: most carry a marker, and at least two styles (levels) appear. */
export function isOutline(values: readonly CellValue[], bare: boolean): boolean {
  let filled = 0;
  let marked = 0;
  const styles = new Set<string>();
  for (const value of values) {
    if (isBlank(value)) continue;
    filled++;
    const style = outlineStyle(String(value), bare);
    if (style === null) continue;
    marked++;
    styles.add(style);
  }
  return marked >= 3 && marked >= filled * 0.5 && styles.size >= 2;
}

/**
 * Gives each goal the parent its outline numbering shows: a marker of a style already open closes the deeper ones
 * and hangs from the one above it; a new style opens one level deeper under the goal before. Goals without a
 * marker stay where they are (no parent from the outline).
 * @example outlineParents(goals, ["1", "1.1", "1.2", "2"]) // 1.1 and 1.2 under 1
 */
export function outlineParents(goals: Goal[], values: readonly CellValue[], bare: boolean): void {
  const stack: Array<{ style: string; goal: Goal }> = [];
  goals.forEach((goal, index) => {
    const value = values[index];
    const style = isBlank(value) ? null : outlineStyle(String(value), bare);
    if (style === null) return;
    const open = stack.findIndex((entry) => entry.style === style);
    if (open >= 0) stack.length = open;
    const parent = stack[stack.length - 1]?.goal ?? null;
    stack.push({ style, goal });
    if (parent === null || parent.id === null || goal.parent !== null) return;
    goal.parent = parent.id;
    goal.parentKey = normalizeText(parent.id);
  });
}

/**
 * Gives each goal the parent its row's outline depth shows (grouped rows' outline levels, or the goal cell's
 * indent): the nearest goal above at a smaller depth — or below, when the table is written summary-last (its first
 * goal deeper than its last, as Excel's row groups place the summary row under its detail by default). Nothing
 * changes unless the goals show two depths or more. Rows missing from `depths` are at depth 0.
 * @example depthParents(goals, new Map([[3, 1], [4, 1]])) // rows 3 and 4 under row 2
 */
export function depthParents(goals: Goal[], depths: ReadonlyMap<number, number>): void {
  const depth = goals.map((goal) => depths.get(goal.row) ?? 0);
  const shallowest = Math.min(...depth);
  if (depth.every((one) => one === shallowest)) return;
  const below = depth[0] !== shallowest && depth[depth.length - 1] === shallowest;
  const stack: Array<{ depth: number; goal: Goal }> = [];
  for (let step = 0; step < goals.length; step++) {
    const index = below ? goals.length - 1 - step : step;
    const goal = goals[index] as Goal;
    const own = depth[index] as number;
    while (stack.length > 0 && (stack[stack.length - 1] as { depth: number }).depth >= own)
      stack.pop();
    const parent = stack[stack.length - 1]?.goal;
    stack.push({ depth: own, goal });
    if (parent === undefined || parent.id === null || goal.parent !== null) continue;
    goal.parent = parent.id;
    goal.parentKey = normalizeText(parent.id);
  }
}
