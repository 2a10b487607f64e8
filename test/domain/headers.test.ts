import { fieldOfHeader, findHeaderRow, mapHeaders, missingRequired } from "../../src/domain";

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
