import type { AuditCommandOutcome } from "../../commands/commands";
import { Lang } from "../../domain";
import { PaneWorkbook } from "../../workbook/GoalWorkbook";

/** Audits run from the ribbon's "Audit goals": the pane shows their findings, or asks / explains. */
export interface RibbonAudits {
  /** The outcome of the last click, if any (the pane may open after it). */
  last(): AuditCommandOutcome | null;
  /** Calls `listener` after each click; returns the function that stops it. */
  subscribe(listener: (outcome: AuditCommandOutcome) => void): () => void;
}

export interface AppProps {
  /** The workbook the pane works on: Excel, the browser preview or a test's in-memory one. */
  workbook: PaneWorkbook;
  /** Office's display language, which "automatic" follows. */
  officeLang?: Lang;
  /** Office's dark theme. */
  dark?: boolean;
  /** The ribbon's audits, in Excel (none in the preview and tests without a ribbon). */
  ribbon?: RibbonAudits;
  /** True inside another page (the preview), whose main landmark is not the pane. */
  embedded?: boolean;
  /** Today, as the host's clock says (tests pass a fixed day): the as-of date when none is chosen. */
  today?: () => Date;
}

export const TABS = ["audit", "map", "tools", "options", "functions"] as const;
export type Tab = (typeof TABS)[number];
