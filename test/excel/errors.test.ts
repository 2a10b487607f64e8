import { excelRun } from "../../src/excel/ExcelWorkbook";
import { toWorkbookError } from "../../src/excel/errors";
import { WorkbookError } from "../../src/workbook/GoalWorkbook";

describe("Excel's errors as workbook errors", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "CELL_EDIT_MODE"],
    ["AccessDenied", "PROTECTED"],
    ["RequestPayloadSizeLimitExceeded", "TOO_LARGE"],
    ["ResponsePayloadSizeLimitExceeded", "TOO_LARGE"],
    ["RangeExceedsLimit", "TOO_LARGE"],
    ["ItemNotFound", "NOT_FOUND"],
    ["MergedRangeConflict", "CONFLICT"],
    ["FilteredRangeConflict", "CONFLICT"],
    ["GeneralException", "UNKNOWN"],
  ])("%s becomes %s", (code, expected) => {
    const error = toWorkbookError({
      code,
      message: "Excel says no.",
      debugInfo: { errorLocation: "Range.values" },
    });
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe(expected);
    expect(error.detail).toBe(`${code}: Excel says no. (Range.values)`);
  });

  it("reads InvalidOperation as protection only when Excel's message says so", () => {
    expect(
      toWorkbookError({ code: "InvalidOperation", message: "The sheet is protected." }).code
    ).toBe("PROTECTED");
    expect(toWorkbookError({ code: "InvalidOperation", message: "Not allowed." }).code).toBe(
      "UNKNOWN"
    );
  });

  it("reads InvalidOperation as the user editing a cell when Excel's message says so", () => {
    expect(
      toWorkbookError({
        code: "InvalidOperation",
        message: "This operation is not allowed while the user is in cell-edit mode.",
      }).code
    ).toBe("CELL_EDIT_MODE");
    expect(
      toWorkbookError({ code: "InvalidOperationInCellEditMode", message: "Excel is busy." }).code
    ).toBe("CELL_EDIT_MODE");
  });

  it("runs every batch with delayForCellEdit, so Excel waits for the user instead of failing", async () => {
    const calls: unknown[] = [];
    (globalThis as Record<string, unknown>).Excel = {
      run: (options: unknown, batch: (context: unknown) => Promise<unknown>) => {
        calls.push(options);
        return batch({});
      },
    };
    try {
      await expect(excelRun(async () => 42)).resolves.toBe(42);
      expect(calls).toEqual([{ delayForCellEdit: true }]);
    } finally {
      delete (globalThis as Record<string, unknown>).Excel;
    }
  });

  it("keeps a WorkbookError and wraps anything else", () => {
    const original = new WorkbookError("CONFLICT", "cells are not empty");
    expect(toWorkbookError(original)).toBe(original);
    expect(toWorkbookError(new TypeError("x is undefined"))).toMatchObject({
      code: "UNKNOWN",
      detail: "x is undefined",
    });
    expect(toWorkbookError("boom")).toMatchObject({ code: "UNKNOWN", detail: "boom" });
  });
});
