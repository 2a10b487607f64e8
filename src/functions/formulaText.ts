/**
 * Formula text as Excel saves it and as users type it: the command line's `calc` and the browser preview both read
 * workbooks saved by Excel.
 */

/**
 * Excel saves a JavaScript custom function as _xldudf_GOAL_VARIANCE(…) (sometimes [2]!_xldudf_…), and newer
 * functions with _xlfn. / _xlws. prefixes; formulas are read back in the form users type.
 * @example typedFormula("[2]!_xldudf_GOAL_VARIANCE(B2,C2)") // "GOAL.VARIANCE(B2,C2)"
 */
export function typedFormula(formula: string): string {
  return formula
    .replace(
      /(?:\[\d+\]!)?_xldudf_GOAL_([A-Z]+)(?=\s*\()/gi,
      (_, name: string) => `GOAL.${name.toUpperCase()}`
    )
    .replace(/_xlfn\.(?:_xlws\.)?/gi, "");
}

const GOAL_CALL = /\bGOAL\.[A-Z]+\s*\(/i;

/**
 * True when a formula (as typed or as Excel saved it) calls a GOAL function.
 * @example usesGoalFunction("=_xldudf_GOAL_PACE(A1,B1,C1,D1)") // true
 */
export function usesGoalFunction(formula: string): boolean {
  return GOAL_CALL.test(typedFormula(formula));
}
