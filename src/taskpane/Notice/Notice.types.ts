import { Bilingual, Finding, Issue } from "../../domain";
import { StringId, TextParams } from "../strings";

/**
 * What a notice says, kept as data rather than words so that it is worded in the language the pane speaks when
 * it is shown (the user may switch language while it is on screen).
 */
export type NoticeMessage =
  | { kind: "text"; id: StringId; params?: TextParams }
  | { kind: "error"; error: unknown }
  | { kind: "issue"; issue: Issue }
  | { kind: "finding"; finding: Finding }
  | { kind: "noTable"; detail: Bilingual };

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface Notice {
  intent: NoticeIntent;
  message: NoticeMessage;
}

export interface NoticeProps {
  notice: Notice | null;
  onDismiss?: () => void;
}

/** A notice of a catalogue sentence. */
export function textNotice(intent: NoticeIntent, id: StringId, params?: TextParams): Notice {
  return { intent, message: { kind: "text", id, params } };
}

/** A notice of an error thrown by the workbook or the pane. */
export function errorNotice(error: unknown): Notice {
  return { intent: "error", message: { kind: "error", error } };
}
