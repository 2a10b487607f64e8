import { auditTables, depthParents, outlineStyle, readGoalTable } from "../../src/domain";
import { linesOf } from "./builders";

/** Each goal's id and its parent's, as "id<parent". */
const tree = (cells: Parameters<typeof readGoalTable>[0]) =>
  readGoalTable(cells).goals.map((goal) => `${goal.id}<${goal.parent ?? ""}`);

describe("outline markers", () => {
  it.each([
    ["一、业绩目标", "cn"],
    ["（二）客户满意度", "cnParen"],
    ["1. Resolve tickets", "d1"],
    ["2、投诉处理", "d1"],
    ["1.1 North resolves tickets", "d2"],
    ["1.1.2 Li resolves tickets", "d3"],
    ["(1) 首次响应", "paren"],
    ["1) Call back", "paren"],
    ["① 回访", "circled"],
    ["2026 annual plan", null],
    ["1.5M tickets resolved", null],
    ["Resolve 1.1 million tickets", null],
  ])("reads “%s” as %s", (text, style) => {
    expect(outlineStyle(text)).toBe(style);
  });

  it("takes a lone number only in an ID-like column", () => {
    expect([outlineStyle("3"), outlineStyle("3", true)]).toEqual([null, "d1"]);
  });
});

describe("the cascade from outline numbering, without a parent column (issue 11 §1)", () => {
  it("hangs 1.1 under 1 in an id column of outline numbers", () => {
    expect(
      tree([
        ["ID", "Goal", "Target"],
        ["1", "Resolve every ticket within 4 hours", 1000],
        ["1.1", "North resolves tickets within 4 hours", 600],
        ["1.1.1", "Li resolves tickets within 4 hours", 300],
        ["1.2", "South resolves tickets within 4 hours", 400],
        ["2", "Answer calls within 20 seconds", 500],
        ["2.1", "North answers calls within 20 seconds", 500],
      ])
    ).toEqual(["1<", "1.1<1", "1.1.1<1.1", "1.2<1", "2<", "2.1<2"]);
  });

  it("follows the Chinese document order in the goal text of a sheet without ids", () => {
    expect(
      tree([
        ["考核指标", "目标值"],
        ["一、客服中心全年工单解决率达到95%", "95%"],
        ["（一）北区工单解决率达到96%", "96%"],
        ["1. 张伟工单解决率达到97%", "97%"],
        ["2. 李娜工单解决率达到96%", "96%"],
        ["（二）南区工单解决率达到95%", "95%"],
        ["二、客户满意度达到90%", "90%"],
      ])
    ).toEqual(["2<", "3<2", "4<3", "5<3", "6<2", "7<"]);
  });

  it("reads the numbering of a 序号 column that no field takes", () => {
    expect(
      tree([
        ["序号", "考核指标", "目标值"],
        ["1", "工单解决率达到95%", "95%"],
        ["1.1", "北区工单解决率达到96%", "96%"],
        ["1.2", "南区工单解决率达到95%", "95%"],
      ])
    ).toEqual(["2<", "3<2", "4<2"]);
  });

  it("audits the outline as a cascade: a sum parent whose children fall short is UNDER_ALLOCATED", () => {
    const result = auditTables([
      readGoalTable([
        ["ID", "Goal", "Target"],
        ["1", "Resolve every ticket within 4 hours", 1000],
        ["1.1", "North resolves tickets within 4 hours", 600],
        ["1.2", "South resolves tickets within 4 hours", 300],
      ]),
    ]);
    expect(linesOf("UNDER_ALLOCATED", result.findings)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("leaves a plain list and a table with a parent column as they are", () => {
    expect(
      tree([
        ["ID", "Goal", "Target"],
        ["1", "Answer calls", 10],
        ["2", "Close tickets", 20],
        ["3", "Call back", 30],
      ])
    ).toEqual(["1<", "2<", "3<"]);
    expect(
      tree([
        ["ID", "Parent", "Goal", "Target"],
        ["1", "", "Answer calls", 10],
        ["1.1", "", "Answer calls in the north", 10],
        ["1.2", "", "Answer calls in the south", 10],
      ])
    ).toEqual(["1<", "1.1<", "1.2<"]);
  });
});

describe("the cascade from rows' outline depths (grouped rows, indented goal cells)", () => {
  /** Goals of a table without ids or parents (ids are rows 2…), given parents by the depth of each row. */
  const byDepth = (depths: number[]) => {
    const cells = [
      ["Goal", "Target"],
      ...depths.map((_, index) => [`Goal on row ${index + 2}`, 100]),
    ];
    const { goals } = readGoalTable(cells);
    depthParents(goals, new Map(depths.map((depth, index) => [index + 2, depth])));
    return goals.map((goal) => `${goal.id}<${goal.parent ?? ""}`);
  };

  it("hangs each row from the nearest row above it at a smaller depth", () => {
    expect(byDepth([0, 1, 2, 2, 1, 0, 1])).toEqual(["2<", "3<2", "4<3", "5<3", "6<2", "7<", "8<7"]);
  });

  it("hangs them from the row below when the table is written summary-last, as Excel groups rows by default", () => {
    expect(byDepth([1, 1, 0, 1, 0])).toEqual(["2<4", "3<4", "4<", "5<6", "6<"]);
  });

  it("leaves a table of one depth, and a parent already read, as they are", () => {
    expect(byDepth([1, 1, 1])).toEqual(["2<", "3<", "4<"]);
    const { goals } = readGoalTable([
      ["ID", "Parent", "Goal", "Target"],
      ["A", "", "Company", 100],
      ["B", "", "Team", 50],
      ["C", "A", "Person", 50],
    ]);
    depthParents(
      goals,
      new Map([
        [3, 1],
        [4, 2],
      ])
    );
    expect(goals.map((goal) => `${goal.id}<${goal.parent ?? ""}`)).toEqual(["A<", "B<A", "C<A"]);
  });
});
