import * as z from "zod/mini";
import { TimeGrain } from "../../domain";

/** Why a seasonality profile typed by the user was refused. */
export type ProfileProblem = "number" | "count" | "total";

/** Periods of a grain in a year. */
export const PERIOD_COUNT: Record<TimeGrain, number> = { quarter: 4, month: 12 };

const weights = z.array(z.number().check(z.gte(0)));

/**
 * Reads a seasonality profile: blank for an even split, else one weight per period, comma-separated (a Chinese
 * comma, a semicolon or spaces will do), each a number ≥ 0 or a percentage, with a positive total.
 * @example parseProfile("1, 2, 3, 4", 4) // { ok: true, value: [1, 2, 3, 4] }
 */
export function parseProfile(
  text: string,
  count: number
): { ok: true; value: number[] | null } | { ok: false; problem: ProfileProblem } {
  const tokens = text
    .split(/[,，;；\s]+/)
    .map((token) => token.trim())
    .filter((token) => token !== "");
  if (tokens.length === 0) return { ok: true, value: null };
  const schema = weights.check(
    z.refine((list) => list.length === count, { message: "count" }),
    z.refine((list) => list.reduce((sum, weight) => sum + weight, 0) > 0, { message: "total" })
  );
  // Number("") is 0 and Number("1e3") is 1000: only plain decimals count as weights, or percentages ("8%",
  // "8％"), which weigh as their number does (8% beside 12% is 8 beside 12).
  const values = tokens.map((token) => {
    const match = /^(\d+(?:\.\d+)?)[%％]?$/.exec(token);
    return match ? Number(match[1]) : Number.NaN;
  });
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues;
  if (issues.some((issue) => issue.path.length > 0)) return { ok: false, problem: "number" };
  return {
    ok: false,
    problem: issues.some((issue) => issue.message === "count") ? "count" : "total",
  };
}
