import {
  fieldOfHeader,
  findHeaderRow,
  mapHeaders,
  matchHeaders,
  missingRequired,
} from "../../src/domain";

describe("fieldOfHeader", () => {
  it.each([
    ["ID", "id"],
    ["Goal ID", "id"],
    ["目标编号", "id"],
    ["编号", "id"],
    ["Parent ID", "parent"],
    ["上级目标", "parent"],
    ["上级编号", "parent"],
    ["Level", "level"],
    ["层级", "level"],
    ["Responsible", "owner"],
    ["责任人", "owner"],
    ["负责人", "owner"],
    ["Objective", "goal"],
    ["Description", "goal"],
    ["目标", "goal"],
    ["目标描述", "goal"],
    ["Metric", "kpi"],
    ["指标", "kpi"],
    ["单位", "unit"],
    ["方向", "direction"],
    ["Aggregation", "rollup"],
    ["汇总方式", "rollup"],
    ["周期", "period"],
    ["开始日期", "start"],
    ["Due", "deadline"],
    ["截止日期", "deadline"],
    ["期限", "deadline"],
    ["Last actual", "baseline"],
    ["基线", "baseline"],
    ["上期实际", "baseline"],
    ["目标值", "target"],
    ["实际值", "actual"],
    ["完成值", "actual"],
    ["权重", "weight"],
    ["免于考核", "exempt"],
  ])("maps %j to %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("ignores case", () => {
    expect(fieldOfHeader("TARGET")).toBe("target");
  });

  it("ignores surrounding and repeated spaces", () => {
    expect(fieldOfHeader("  goal   id ")).toBe("id");
  });

  it("ignores full-width letters", () => {
    expect(fieldOfHeader("Ｔａｒｇｅｔ")).toBe("target");
  });

  it("ignores a note in brackets after the header", () => {
    expect(fieldOfHeader("Target (%)")).toBe("target");
  });

  it("ignores a note in full-width brackets after a Chinese header", () => {
    expect(fieldOfHeader("目标值（万）")).toBe("target");
  });

  it("ignores a required-mark", () => {
    expect(fieldOfHeader("*ID")).toBe("id");
  });

  it("ignores the byte-order mark a CSV file may start with", () => {
    expect(fieldOfHeader("\uFEFFID")).toBe("id");
  });

  it("names no field for a header it does not know", () => {
    expect(fieldOfHeader("Notes")).toBeNull();
  });

  it("names no field for a blank header", () => {
    expect(fieldOfHeader(null)).toBeNull();
  });

  it("names no field for an error in the header row", () => {
    expect(fieldOfHeader({ error: "#REF!" })).toBeNull();
  });
});

describe("mapHeaders", () => {
  it("maps each field to its column", () => {
    expect(mapHeaders(["ID", "Notes", "Goal", "Target"])).toEqual({ id: 0, goal: 2, target: 3 });
  });

  it("keeps the first of two columns naming one field", () => {
    expect(mapHeaders(["ID", "Goal", "Description", "Target"])).toEqual({
      id: 0,
      goal: 1,
      target: 3,
    });
  });

  it("maps Chinese headers", () => {
    expect(mapHeaders(["目标编号", "上级目标", "目标", "目标值"])).toEqual({
      id: 0,
      parent: 1,
      goal: 2,
      target: 3,
    });
  });
});

describe("missingRequired", () => {
  it("lists the required fields a header row lacks", () => {
    expect(missingRequired(mapHeaders(["ID", "Owner"]))).toEqual(["goal", "target"]);
  });

  it("lists nothing when id, goal and target are present", () => {
    expect(missingRequired(mapHeaders(["Target", "Goal", "ID"]))).toEqual([]);
  });
});

describe("findHeaderRow", () => {
  it("finds a header row in the first row", () => {
    expect(findHeaderRow([["ID", "Goal", "Target"]])).toBe(0);
  });

  it("finds a header row below a title and a blank row", () => {
    expect(findHeaderRow([["Plan 2026"], [], ["ID", "Goal", "Target"]])).toBe(2);
  });

  it("finds a header row on the twentieth row", () => {
    const rows = [...Array.from({ length: 19 }, () => ["notes"]), ["ID", "Goal", "Target"]];
    expect(findHeaderRow(rows)).toBe(19);
  });

  it("does not look beyond the twentieth row", () => {
    const rows = [...Array.from({ length: 20 }, () => ["notes"]), ["ID", "Goal", "Target"]];
    expect(findHeaderRow(rows)).toBeNull();
  });

  it("prefers the first complete header row to an earlier partial one", () => {
    expect(
      findHeaderRow([
        ["ID", "Goal"],
        ["ID", "Goal", "Target"],
      ])
    ).toBe(1);
  });

  it("settles for the row naming most fields when no row is complete", () => {
    expect(findHeaderRow([["Goal"], ["ID", "Goal", "Owner"], ["ID", "Goal"]])).toBe(1);
  });

  it("finds no header row when no row names two fields", () => {
    expect(findHeaderRow([["Goal"], ["Plan"], ["Target"]])).toBeNull();
  });

  it("finds a Chinese header row", () => {
    expect(findHeaderRow([["2026年目标"], ["编号", "目标描述", "目标值"]])).toBe(1);
  });
});

describe("the headers real goal sheets use (issue 11)", () => {
  // Written from the list, not from the product's table: each must name its field.
  const named: Array<[string, string]> = [
    ...[
      "Title",
      "Name",
      "Goal Name",
      "Objective",
      "Key Result",
      "KR",
      "Role Specific Goal",
      "KPI_Name",
    ].map((h): [string, string] => [h, "goal"]),
    ...["考核指标", "指标名称", "项目", "目標", "關鍵結果"].map((h): [string, string] => [
      h,
      "goal",
    ]),
    ...[
      "Target Value",
      "Target_Value",
      "Yearly Target",
      "Annual Target",
      "Quota",
      "Plan",
      "Budget",
    ].map((h): [string, string] => [h, "target"]),
    ...["计划值", "指标值", "考核目标", "目標值"].map((h): [string, string] => [h, "target"]),
    ...["Actual Progress", "Current Value", "Current", "Achieved", "Result", "YTD"].map(
      (h): [string, string] => [h, "actual"]
    ),
    ...["实际完成", "完成情况", "實際值"].map((h): [string, string] => [h, "actual"]),
    ["Start Date", "start"],
    ["Begin Date", "start"],
    ...["Due Date", "End Date", "Target Date", "完成时间", "截止時間"].map(
      (h): [string, string] => [h, "deadline"]
    ),
    ...["Assignee", "Team Member", "Person", "执行人", "承办人", "負責人"].map(
      (h): [string, string] => [h, "owner"]
    ),
    ...["Weight %", "权重占比", "权重分解", "比重", "權重"].map((h): [string, string] => [
      h,
      "weight",
    ]),
    ...["Parent Goal", "Supports", "Contributes To", "所属目标", "上級目標"].map(
      (h): [string, string] => [h, "parent"]
    ),
    ["層級", "level"],
    ...["期间", "期間", "週期"].map((h): [string, string] => [h, "period"]),
    ...["Last Year", "基准值", "去年实际", "上年同期", "基準值"].map((h): [string, string] => [
      h,
      "baseline",
    ]),
    ["Target\n100%", "target"],
    ["权重（%）", "weight"],
    ["實際完成", "actual"],
  ];
  it.each(named)("reads “%s” as %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });
});

describe("columns chosen by their cells as well as their headers", () => {
  it("reads a Title full of text as the goal, not an empty Description, and flags no duplicate", () => {
    const header = ["Description", "Title", "Target"];
    const data = [
      [null, "Resolve tickets within 4 hours", 100],
      ["", "Answer calls within 20 seconds", 90],
    ];
    expect(matchHeaders(header, data)).toEqual({
      columns: { goal: 1, target: 2 },
      duplicates: [],
      objectives: false,
    });
  });

  it("reads a Start of numbers beside a Start Date as the baseline; a lone Start of dates as the start", () => {
    expect(
      mapHeaders(["Title", "Start Date", "Start", "Target"], [["a", "2026-01-01", 20, 80]])
    ).toEqual({ goal: 0, start: 1, baseline: 2, target: 3 });
    expect(mapHeaders(["Title", "Start", "Target"], [["a", "2026-01-01", 80]])).toEqual({
      goal: 0,
      start: 1,
      target: 2,
    });
    expect(
      mapHeaders(
        ["Title", "Start", "Target"],
        [
          ["a", 35, 80],
          ["b", 12.5, 60],
        ]
      )
    ).toEqual({
      goal: 0,
      baseline: 1,
      target: 2,
    });
  });

  it("flags two columns that fit one field equally well, and reads the first", () => {
    const match = matchHeaders(["Goal", "Target", "Quota"], [["a", 100, 120]]);
    expect(match).toEqual({
      columns: { goal: 0, target: 1 },
      duplicates: [{ field: "target", column: 2, read: 1 }],
      objectives: false,
    });
  });
});
