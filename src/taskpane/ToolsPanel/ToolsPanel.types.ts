import { ActiveCell } from "../../workbook/GoalWorkbook";
import { AuditRun, WriteUndo } from "../../workbook/operations";
import { Notice } from "../Notice/Notice.types";

export interface ToolsPanelProps {
  /** The last audit: the tools plan from it. */
  run: AuditRun | null;
  /** Audits the table again after a tool wrote to it. */
  reaudit: () => Promise<AuditRun | null>;
  onGoToAudit: () => void;
  /** The worksheet row of a goal the tools start on (a finding's "Allocate the gap"), if any. */
  goalRow?: number | null;
  /** The active cell as Excel last reported it: a goal selected on the audited sheet is the one the tools take. */
  selection?: ActiveCell | null;
  /** The last write, kept above the tab (only the shown tab is mounted) so that its Undo outlives a tab switch. */
  lastWrite?: { done: DoneWrite | null; setDone: (done: DoneWrite | null) => void };
}

/** A write a tool made: what to say about it, what undoes it, and what to say once undone (else the default). */
export interface DoneWrite {
  notice: Notice;
  undo: WriteUndo;
  undone?: Notice;
}

/** What a tool that works on one goal receives. */
export interface GoalToolProps {
  run: AuditRun;
  /** Index of the goal among the audited ones. */
  goal: number;
  reaudit: () => Promise<AuditRun | null>;
  /** Says what the tool wrote (the Tools tab shows it with Undo), after the table was audited again. */
  onWritten: (done: DoneWrite) => void;
}
