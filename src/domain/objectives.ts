import { blankGoal, Goal, LEVELS } from "./model";
import { cellAddress, normalizeText } from "./text";

const OBJECTIVE = LEVELS.indexOf("objective");
const KEY_RESULT = LEVELS.indexOf("keyResult");

/**
 * The cascade of an OKR sheet that writes each key result's objective on the key result's row (issue 11 §1: an
 * Objective column beside a Key Result column; `parentColumn` is the objective's, 0-based on the worksheet).
 * - A blank objective cell continues the objective above it (a merged cell reads blank below its first row), except
 *   on a row typed as an objective itself.
 * - An objective is named by its text. A row holding it with no key result is the objective's own row; otherwise
 *   the objective becomes a goal of its own, placed after the first key result naming it, with the objective's
 *   cell address as its id ("A5") and `shownIn: "parent"` (it has no row of its own: rules about its own owner,
 *   deadline and alignment do not apply, and highlights do not colour it).
 * - Without a level column the objectives are Objective and their key results Key result.
 * Returns the goals with the objectives added.
 * @example objectiveParents(goals, 1, false) // [KR1, {id: "B2", goal: "Delight customers"}, KR2 …]
 */
export function objectiveParents(
  goals: Goal[],
  parentColumn: number,
  levelColumn: boolean
): Goal[] {
  const made = new Map<string, Goal>();
  const out: Goal[] = [];
  let above: { text: string; key: string } | null = null;
  for (const goal of goals) {
    out.push(goal);
    if (goal.parent !== null) above = { text: goal.parent, key: normalizeText(goal.parent) };
    else if (goal.level === OBJECTIVE || above === null) continue;
    const { text, key } = above;
    let parent = made.get(key);
    if (parent === undefined && goal.goal === null) {
      // A row with its objective and no key result is the objective's own row (its owner, its deadline).
      goal.goal = text;
      goal.parent = null;
      goal.parentKey = null;
      if (!levelColumn || goal.level === null) goal.level = OBJECTIVE;
      made.set(key, goal);
      continue;
    }
    if (parent === undefined) {
      parent = objectiveGoal(text, goal, parentColumn, levelColumn);
      made.set(key, parent);
      out.push(parent);
    }
    goal.parent = parent.id;
    goal.parentKey = parent.key;
    if (!levelColumn) goal.level = KEY_RESULT;
  }
  return out;
}

/** The goal an objective no row states becomes: its text, at the cell of the first key result naming it. */
function objectiveGoal(text: string, first: Goal, column: number, levelColumn: boolean): Goal {
  const id = cellAddress(column, first.row);
  return {
    ...blankGoal(first.row, first.source),
    id,
    key: normalizeText(id),
    level: !levelColumn || first.level === null || first.level >= KEY_RESULT ? OBJECTIVE : null,
    goal: text,
    rollup: first.rollup,
    shownIn: "parent",
  };
}
