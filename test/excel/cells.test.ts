import {
  fromExcelValue,
  jsonRowBytes,
  jsonStringBytes,
  MAX_BLOCK_ROWS,
  needsTextPrefix,
  REQUEST_BUDGET_BYTES,
  rowsForBudget,
  sliceRows,
  toExcelRows,
  toExcelValue,
} from "../../src/excel/cells";

describe("text written to Excel", () => {
  it.each([
    "=SUM(A1)",
    "+1",
    "-x",
    "@me",
    "'quoted",
    "#N/A",
    "00123",
    "2026-03",
    "95%",
    "1/2",
    "TRUE",
    " false ",
    "９５",
  ])("gets Excel's text marker when it is %p", (text) => {
    expect(needsTextPrefix(text)).toBe(true);
    expect(toExcelValue(text)).toBe(`'${text}`);
  });

  it.each(["Reduce churn", "目标", "higher", "Q one", ""])(
    "is written as it is when it is %p",
    (text) => {
      expect(toExcelValue(text)).toBe(text);
    }
  );
});

describe("other values written to Excel", () => {
  it("writes blanks as empty strings, which clear the cell", () => {
    expect(toExcelValue(null)).toBe("");
    expect(toExcelValue(undefined)).toBe("");
  });

  it("writes dates as serial numbers", () => {
    expect(toExcelValue(new Date(Date.UTC(2026, 0, 1, 12)))).toBe(46023.5);
  });

  it("writes an error value as its literal and other error text as text", () => {
    expect(toExcelValue({ error: "#N/A" })).toBe("#N/A");
    expect(toExcelValue({ error: "=A1+1", uncalculated: true })).toBe("'=A1+1");
  });

  it("refuses numbers a cell cannot hold", () => {
    expect(() => toExcelValue(Number.NaN)).toThrow(RangeError);
    expect(() => toExcelValue(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("pads short rows with null, which leaves those cells alone", () => {
    expect(toExcelRows([[1, 2, 3], ["a"]])).toEqual([
      [1, 2, 3],
      ["a", null, null],
    ]);
  });
});

describe("values read from Excel", () => {
  it("tells error cells from text by their value type", () => {
    expect(fromExcelValue("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(fromExcelValue("#N/A", "String")).toBe("#N/A");
  });

  it("reads empty cells as null and keeps numbers, text and booleans", () => {
    expect(fromExcelValue("", "Empty")).toBeNull();
    expect([46023, "x", false].map((value) => fromExcelValue(value, "Double"))).toEqual([
      46023,
      "x",
      false,
    ]);
  });
});

describe("request sizes", () => {
  it("counts a string's UTF-8 JSON bytes as JSON.stringify and Buffer do", () => {
    for (const text of [
      '目标 "A"',
      "tab\there",
      "line\nbreak",
      "bell\u0007",
      "emoji 🎯",
      "back\\slash",
      "plain",
    ])
      expect(jsonStringBytes(text)).toBe(Buffer.byteLength(JSON.stringify(text)));
  });

  it("counts a row's JSON bytes", () => {
    const row = ["目标", 12.5, true, "x"];
    expect(jsonRowBytes(row)).toBe(Buffer.byteLength(JSON.stringify(row)) + 1);
  });

  it("fits as many rows as the budget allows, between 1 and the block limit", () => {
    expect(rowsForBudget(350)).toBe(Math.floor(REQUEST_BUDGET_BYTES / 350));
    expect(rowsForBudget(REQUEST_BUDGET_BYTES * 2)).toBe(1);
    expect(rowsForBudget(1)).toBe(MAX_BLOCK_ROWS);
  });

  it("cuts rows into slices under a size, a larger row alone", () => {
    const slices = sliceRows([["a"], ["b"], ["c".repeat(50)], ["d"]], 20);
    expect(slices.map((slice) => [slice.offset, slice.rows.length])).toEqual([
      [0, 2],
      [2, 1],
      [3, 1],
    ]);
  });
});
