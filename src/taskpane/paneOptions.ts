/**
 * The pane's options: the audit thresholds of the domain's schema plus the language, validated with zod, saved
 * with the document as what the user typed (the as-of date stays text) and parsed again on load.
 */
import * as z from "zod/mini";
import { AuditOptions, DateOrder, dayFromParts, HeaderMapping, Lang } from "../domain";
import { auditOptionsSchema } from "../domain/options";

export const LANGUAGE_CHOICES = ["auto", "en", "zh"] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The domain's audit options and the language (auto follows Office's display language). */
export const paneOptionsSchema = z.extend(auditOptionsSchema, {
  language: z._default(z.enum(LANGUAGE_CHOICES), "auto"),
  liveAudit: z._default(z.boolean(), true),
});

/** Options as saved with the document. */
export interface SavedOptions {
  atRisk: number;
  overAllocation: number;
  stretch: number;
  minGoalLength: number;
  asOf: string | null;
  fiscalYearStart: number;
  dateOrder: DateOrder;
  /** The columns the user mapped in the Audit tab's column mapping (field → header, null: none). */
  mapping: HeaderMapping;
  language: LanguageChoice;
  /** Audit again by itself when the goal table changes (the pane's live audit). */
  liveAudit: boolean;
}

/** The fields the Options form edits, in the order it shows them. */
export const OPTION_FIELDS = [
  "atRisk",
  "overAllocation",
  "stretch",
  "minGoalLength",
  "asOf",
  "fiscalYearStart",
  "dateOrder",
  "language",
  "liveAudit",
] as const;
export type OptionField = (typeof OPTION_FIELDS)[number];

/** The options in force: what was saved, and what the audit takes. */
export interface PaneOptions {
  saved: SavedOptions;
  audit: AuditOptions;
}

export const DEFAULT_SAVED_OPTIONS: SavedOptions = {
  atRisk: 0.9,
  overAllocation: 0.2,
  stretch: 0.5,
  minGoalLength: 4,
  asOf: null,
  fiscalYearStart: 1,
  dateOrder: "auto",
  mapping: {},
  language: "auto",
  liveAudit: true,
};

/** Validated options, or the fields that are wrong. */
export type OptionsParse = { ok: true; value: PaneOptions } | { ok: false; fields: OptionField[] };

/**
 * Validates options (a saved value or the form's), filling defaults.
 * @example parsePaneOptions({ atRisk: 2 }) // { ok: false, fields: ["atRisk"] }
 */
export function parsePaneOptions(input: unknown): OptionsParse {
  const parsed = paneOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = new Set<OptionField>();
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && (OPTION_FIELDS as readonly string[]).includes(field))
        fields.add(field as OptionField);
    }
    // An unknown key or a value that is not an object at all has no field to point at.
    if (fields.size === 0) fields.add("language");
    return { ok: false, fields: OPTION_FIELDS.filter((field) => fields.has(field)) };
  }
  const { language, liveAudit, ...audit } = parsed.data;
  const raw = (input ?? {}) as Record<string, unknown>;
  const asOf = raw.asOf;
  const saved: SavedOptions = {
    atRisk: audit.atRisk,
    overAllocation: audit.overAllocation,
    stretch: audit.stretch,
    minGoalLength: audit.minGoalLength,
    asOf: asOf === undefined || asOf === null || asOf === "" ? null : String(asOf),
    fiscalYearStart: audit.fiscalYearStart,
    dateOrder: audit.dateOrder,
    mapping: audit.mapping,
    language,
    liveAudit,
  };
  return { ok: true, value: { saved, audit } };
}

/** The defaults, parsed once. */
export const DEFAULT_OPTIONS: PaneOptions = (() => {
  const parsed = parsePaneOptions(DEFAULT_SAVED_OPTIONS);
  if (!parsed.ok) throw new Error("the default options do not validate");
  return parsed.value;
})();

/** The language the pane speaks: the one chosen, or Office's. */
export function resolveLang(choice: LanguageChoice, officeLang: Lang): Lang {
  return choice === "auto" ? officeLang : choice;
}

/**
 * The options an audit from the pane or the ribbon runs with: without an as-of date chosen, actuals are judged on
 * today's date (the host's clock: the domain has none), so that a mid-year table is measured against the pace to
 * date rather than against its full-year targets.
 * @example judgedOn({ ...DEFAULT_OPTIONS.audit, asOf: null }, new Date(2026, 5, 30)).asOf // 20634 (2026-06-30)
 */
export function judgedOn(options: AuditOptions, today: Date): AuditOptions {
  if (options.asOf !== null) return options;
  return {
    ...options,
    asOf: dayFromParts(today.getFullYear(), today.getMonth() + 1, today.getDate()),
  };
}
