/**
 * Excel's errors as WorkbookError codes the task pane can explain, and the wait-and-retry for the one error that
 * goes away by itself (the user is typing in a cell).
 */
import { WorkbookError, WorkbookErrorCode } from "../workbook/GoalWorkbook";

/** Excel error codes (OfficeExtension.Error.code) and what they mean for the user. */
const CODES: Record<string, WorkbookErrorCode> = {
  InvalidOperationInCellEditMode: "CELL_EDIT_MODE",
  AccessDenied: "PROTECTED",
  RequestPayloadSizeLimitExceeded: "TOO_LARGE",
  ResponsePayloadSizeLimitExceeded: "TOO_LARGE",
  RangeExceedsLimit: "TOO_LARGE",
  OperationCellsExceedLimit: "TOO_LARGE",
  ItemNotFound: "NOT_FOUND",
  MergedRangeConflict: "CONFLICT",
  FilteredRangeConflict: "CONFLICT",
  InsertDeleteConflict: "CONFLICT",
  ItemAlreadyExists: "CONFLICT",
};

/** The parts of an OfficeExtension.Error this module reads; anything thrown may lack them. */
interface ErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { message?: unknown; errorLocation?: unknown };
}

/**
 * The WorkbookError for anything an Excel batch threw. `InvalidOperation` counts as a protection error, or as the
 * user editing a cell, only when Excel says so in its message: the same code also reports operations that are simply
 * not allowed.
 * @example toWorkbookError({ code: "ItemNotFound", message: "…" }).code // "NOT_FOUND"
 */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const like: ErrorLike = typeof error === "object" && error !== null ? (error as ErrorLike) : {};
  const code = typeof like.code === "string" ? like.code : "";
  const message =
    typeof like.message === "string"
      ? like.message
      : typeof error === "object"
        ? ""
        : String(error);
  const location =
    typeof like.debugInfo?.errorLocation === "string" ? ` (${like.debugInfo.errorLocation})` : "";
  const detail = `${code ? `${code}: ` : ""}${message}${location}`.trim();
  const said = `${message} ${like.debugInfo?.message ?? ""}`;
  if (code === "InvalidOperation" && /protect/i.test(said))
    return new WorkbookError("PROTECTED", detail);
  // Some builds report a request refused while the user edits a cell as a plain InvalidOperation.
  if (code === "InvalidOperation" && /cell[- ]?edit|editing (a )?cell|edit mode/i.test(said))
    return new WorkbookError("CELL_EDIT_MODE", detail);
  return new WorkbookError(CODES[code] ?? "UNKNOWN", detail || "Excel gave no detail");
}

/** How long to wait before each new attempt when the user is editing a cell (Excel refuses every request then). */
export interface RetryPolicy {
  /** Waits in milliseconds before the second, third… attempt; their count is the number of retries. */
  delaysMs: readonly number[];
  /** Waits; tests replace it to run without a clock. */
  wait(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [250, 500, 1000],
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
