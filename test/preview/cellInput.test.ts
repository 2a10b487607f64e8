import { parseTsv, parseTyped, rawFromValue, toTsv } from "../../src/preview/cellInput";

describe("typed entries", () => {
  it.each([
    ["", { content: null, kind: "empty" }],
    ["=SUM(A1,TRUE)", { content: "=SUM(A1,TRUE())", kind: "formula" }],
    ["'=x", { content: "'=x", kind: "text" }],
    ["1,200", { content: 1200, impliedFormat: "#,##0", kind: "number" }],
    ["-12.5", { content: -12.5, kind: "number" }],
    ["95%", { content: 0.95, impliedFormat: "0%", kind: "percent" }],
    ["95.5%", { content: 0.955, impliedFormat: "0.0%", kind: "percent" }],
    ["2026-03-31", { content: 46112, impliedFormat: "yyyy-mm-dd", kind: "date" }],
    ["2026/2/30", { content: "'2026/2/30", kind: "text" }],
    ["false", { content: false, kind: "boolean" }],
    ["2026-Q1", { content: "'2026-Q1", kind: "text" }],
    ["目标", { content: "'目标", kind: "text" }],
  ])("reads %p", (text, entry) => {
    expect(parseTyped(text)).toEqual(entry);
  });

  it("writes values from data as text, numbers, serial dates and errors", () => {
    expect(
      ["=x", "", 3, true, new Date(Date.UTC(2026, 2, 31, 12)), { error: "#N/A" }, null].map(
        rawFromValue
      )
    ).toEqual(["'=x", null, 3, true, 46112.5, "#N/A", null]);
  });
});

describe("tab-separated text", () => {
  it("splits rows and cells as Excel copies them, quoted cells holding line breaks and quotes", () => {
    expect(parseTsv('a\tb\r\n"x\ny"\t"say ""hi"""\r\n\t3\r\n')).toEqual([
      ["a", "b"],
      ["x\ny", 'say "hi"'],
      ["", "3"],
    ]);
  });

  it("takes a single cell without a line break", () => {
    expect(parseTsv("42")).toEqual([["42"]]);
  });

  it("writes what it reads", () => {
    const rows = [
      ["a", "x\ty"],
      ['"q"', ""],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
