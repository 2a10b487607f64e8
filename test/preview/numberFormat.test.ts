import {
  formatNumber,
  formatText,
  generalNumber,
  isDateFormat,
  isPercentFormat,
} from "../../src/preview/numberFormat";

describe("number formats", () => {
  it.each([
    [46112, "yyyy-mm-dd", "2026-03-31"],
    [46112, 'yyyy"年"m"月"d"日"', "2026年3月31日"],
    [46112, "[$-804]yyyy/m/d", "2026/3/31"],
    [46112, "d mmm yyyy", "31 Mar 2026"],
    [46112.75, "yyyy-mm-dd hh:mm", "2026-03-31 18:00"],
    [0.95, "0%", "95%"],
    [0.955, "0.0%", "95.5%"],
    [1, "0.00%", "100.00%"],
    [1_200_000, "#,##0.##", "1,200,000"],
    [1050000.5, "#,##0.###", "1,050,000.5"],
    [12.345, "0.00", "12.35"],
    [0.5, "#.##", ".5"],
    [1_234_567, "#,##0,", "1,235"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [-5, "0.0", "-5.0"],
    [0, '#,##0;-#,##0;"–"', "–"],
    [1234, '#,##0" 件"', "1,234 件"],
    [1234, "[$¥-804]#,##0", "¥1,234"],
    [7, "@", "7"],
  ])("shows %p with %p as %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it.each([
    [0.1 + 0.2, "0.3"],
    [1200000, "1200000"],
    [1 / 3, "0.3333333333"],
    [1e12, "1E+12"],
    [-0.000000000123, "-1.23E-10"],
  ])("shows %p in General as %p", (value, shown) => {
    expect(generalNumber(value)).toBe(shown);
  });

  it("tells date and percentage formats from number formats", () => {
    expect(
      ["yyyy-mm-dd", "0%", "#,##0.##", "General"].map((f) => [isDateFormat(f), isPercentFormat(f)])
    ).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  it("shows text through a format's text section", () => {
    expect([formatText("x", '0;-0;0;"<"@">"'), formatText("x", "0.00")]).toEqual(["<x>", "x"]);
  });
});
