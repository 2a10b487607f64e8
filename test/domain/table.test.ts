import { auditTables, readGoalTable, UNREADABLE } from "../../src/domain";
import { goal, lines, table } from "./builders";

describe("readGoalTable", () => {
  it("reads one goal per row below the header", () => {
    const read = readGoalTable(table([goal({ id: "G1" }), goal({ id: "G2" })]));
    expect(read.goals.map((g) => `${g.row} ${g.id}`)).toEqual(["2 G1", "3 G2"]);
  });

  it("reads numbers stored as text the way a person means them", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Target"],
      ["G1", "Resolve customer tickets", "1,200"],
    ]);
    expect(read.goals[0]?.target).toBe(1200);
  });

  it("reads a table with Chinese headers", () => {
    const read = readGoalTable([
      ["目标编号", "上级目标", "目标描述", "目标值", "截止日期"],
      ["T1", "C1", "降低客户投诉率", "5%", "2026年6月30日"],
    ]);
    expect(read.goals[0]).toMatchObject({
      id: "T1",
      parent: "C1",
      goal: "降低客户投诉率",
      target: 0.05,
      deadline: 20634,
    });
  });

  it("finds the header row below a title and numbers rows as the worksheet does", () => {
    const read = readGoalTable([
      ["Customer service goals 2026"],
      [],
      ["ID", "Goal", "Target"],
      ["G1", "Resolve customer tickets", 1000],
    ]);
    expect([read.headerRow, read.goals[0]?.row]).toEqual([3, 4]);
  });

  it("numbers rows from the worksheet row the cells start at", () => {
    const read = readGoalTable(table([goal()]), { firstRow: 5 });
    expect(read.goals[0]?.row).toBe(6);
  });

  it("reports worksheet columns offset by the first column", () => {
    const read = readGoalTable([["ID", "Goal", "Target"]], { firstColumn: 2 });
    expect(read.columns).toEqual({ id: 2, goal: 3, target: 4 });
  });

  it("names the worksheet cell of an unreadable value", () => {
    const cells = [
      ["ID", "Goal", "Target"],
      ["G1", "Resolve customer tickets", "lots"],
    ];
    expect(readGoalTable(cells, { firstRow: 3, firstColumn: 1 }).findings[0]?.params.cell).toBe(
      "D4"
    );
  });

  it("skips blank rows and keeps counting them", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Target"],
      ["G1", "Resolve customer tickets", 1000],
      [null, "  ", null],
      [],
      ["G2", "Answer calls within 20 seconds", 500],
    ]);
    expect(read.goals.map((g) => g.row)).toEqual([2, 5]);
  });

  it("skips a row whose only values lie outside the goal table's columns", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Target", "", "Notes"],
      ["G1", "Resolve customer tickets", 1000],
      [null, null, null, null, "see the appendix"],
    ]);
    expect(read.goals).toHaveLength(1);
  });

  it("reads an unreadable number as nothing, never as zero", () => {
    const read = readGoalTable(table([goal({ target: "lots" })]));
    expect(read.goals[0]?.target).toBeNull();
  });

  it("remembers which fields could not be read", () => {
    const read = readGoalTable(table([goal({ target: "lots", deadline: "soon" })]));
    expect(read.goals[0]?.unreadable).toEqual(["deadline", "target"]);
  });

  it("reports each unreadable cell as BAD_VALUE naming its column", () => {
    const read = readGoalTable(table([goal({ target: "lots", deadline: "soon" })]));
    expect(lines(read.findings)).toEqual(["2 BAD_VALUE deadline", "2 BAD_VALUE target"]);
  });

  it("reports an error value as BAD_VALUE of the error variant", () => {
    const read = readGoalTable(table([goal({ actual: { error: "#N/A" } })]));
    expect(read.findings.map((f) => `${f.code} ${f.field} ${f.variant}`)).toEqual([
      "BAD_VALUE actual error",
    ]);
  });

  it("reports a formula saved without a value as BAD_VALUE of the uncalculated variant", () => {
    const read = readGoalTable(table([goal({ actual: { error: "=B2*2", uncalculated: true } })]));
    expect(read.findings.map((f) => `${f.code} ${f.field} ${f.variant}`)).toEqual([
      "BAD_VALUE actual uncalculated",
    ]);
  });

  it("reports a row with values but no id", () => {
    const read = readGoalTable(table([goal({ id: null })]));
    expect(read.findings.map((f) => `${f.row} ${f.code} ${f.field} ${f.variant}`)).toEqual([
      "2 BAD_VALUE id noId",
    ]);
  });

  it("matches ids regardless of case and width", () => {
    const read = readGoalTable(table([goal({ id: "Ｔ1", parent: " c1 " })]));
    expect([read.goals[0]?.key, read.goals[0]?.parentKey]).toEqual(["t1", "c1"]);
  });

  it("reads a number id as text", () => {
    const read = readGoalTable(table([goal({ id: 101 })]));
    expect(read.goals[0]?.id).toBe("101");
  });

  it("takes higher as better when no direction is given", () => {
    expect(readGoalTable(table([goal()])).goals[0]?.direction).toBe("higher");
  });

  it("averages a rate when no roll-up is given", () => {
    expect(readGoalTable(table([goal({ unit: "%" })])).goals[0]?.rollup).toBe("average");
  });

  it("sums a count when no roll-up is given", () => {
    expect(readGoalTable(table([goal({ unit: "tickets" })])).goals[0]?.rollup).toBe("sum");
  });

  it("keeps a roll-up given over the unit's default", () => {
    const read = readGoalTable(table([goal({ unit: "%", rollup: "min" })]));
    expect(read.goals[0]?.rollup).toBe("min");
  });

  it("counts a goal as not exempt when the cell is blank", () => {
    expect(readGoalTable(table([goal({ exempt: null })])).goals[0]?.exempt).toBe(false);
  });

  it("reads a weight in percent", () => {
    expect(readGoalTable(table([goal({ weight: "40%" })])).goals[0]?.weight).toBe(0.4);
  });

  it("reads a level word as its index", () => {
    expect(readGoalTable(table([goal({ level: "岗位" })])).goals[0]?.level).toBe(4);
  });

  it("reports a missing required column as MISSING_COLUMN on the header row", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Owner"],
      ["G1", "Resolve customer tickets", "Li Na"],
    ]);
    expect(lines(read.findings)).toEqual(["1 MISSING_COLUMN target"]);
  });

  it("reads no goals from a table with a missing required column", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Owner"],
      ["G1", "Resolve customer tickets", "Li Na"],
    ]);
    expect(read.goals).toEqual([]);
  });

  it("lists every accepted header of a missing column", () => {
    const read = readGoalTable([["ID", "Goal"]]);
    const accepted = String(read.findings[0]?.params.accepted).split(", ");
    expect(accepted).toEqual(
      expect.arrayContaining(["Target", "Quota", "Plan", "目标值", "计划值"])
    );
  });

  it("reports no header row when no row names the goal table's columns", () => {
    expect(readGoalTable([["Hello"], ["World"]]).headerRow).toBeNull();
  });

  it("reads no goals from an empty sheet", () => {
    expect(lines(readGoalTable([]).findings)).toEqual([
      "1 MISSING_COLUMN goal",
      "1 MISSING_COLUMN target",
    ]);
  });

  it("uses the header row given instead of looking for one", () => {
    const read = readGoalTable(
      [
        ["ID", "Goal", "Target"],
        ["ID", "Goal", "Target"],
        ["G1", "Resolve customer tickets", 1000],
      ],
      { headerRow: 1 }
    );
    expect(read.goals.map((g) => g.id)).toEqual(["G1"]);
  });

  it("tags goals and findings with the table's source", () => {
    const read = readGoalTable(table([goal({ target: "lots" })]), { source: 2 });
    expect([read.goals[0]?.source, read.findings[0]?.source]).toEqual([2, 2]);
  });

  it("never returns the unreadable marker as a goal's value", () => {
    const read = readGoalTable(
      table([goal({ owner: { error: "#N/A" }, start: "when?", period: "later" })])
    );
    expect(Object.values(read.goals[0] ?? {})).not.toContain(UNREADABLE);
  });
});

describe("a goal table without an id column (DESIGN §2)", () => {
  const rows = [
    ["Title", "Goal", "Parent", "Target"],
    ["", "Resolve every ticket within 4 hours by 2026-12-31", "", 1000],
    ["", "Answer calls within 20 seconds by 2026-12-31", "", 500],
    [
      "",
      "North resolves tickets within 4 hours",
      "Resolve every ticket within 4 hours by 2026-12-31",
      600,
    ],
    ["", "Answer calls within 20 seconds by 2026-12-31", "", 200],
    ["", "Li answers calls within 20 seconds", "answer calls within 20 seconds by 2026-12-31", 200],
    ["", "Chen loops on himself", "Chen loops on himself", 5],
  ];

  it("gives each goal its worksheet row as id, and no BAD_VALUE for the missing ids", () => {
    const read = readGoalTable(rows, { firstRow: 3 });
    expect(read.goals.map((g) => g.id)).toEqual(["4", "5", "6", "7", "8", "9"]);
    expect(read.findings.filter((f) => f.field === "id")).toEqual([]);
  });

  it("finds each parent by its text, the nearest goal of that text above the child", () => {
    const read = readGoalTable(rows, { firstRow: 3 });
    const parentRow = (child: number) => {
      const key = read.goals.find((g) => g.row === child)?.parentKey;
      return read.goals.find((g) => g.key === key)?.row ?? null;
    };
    // Row 8's parent text (in other case) matches rows 5 and 7: row 7 is the nearer one above.
    expect([parentRow(6), parentRow(8), parentRow(9)]).toEqual([4, 7, 9]);
  });

  it("audits: a goal naming itself as parent is a CYCLE, the rest of the cascade holds", () => {
    const result = auditTables([readGoalTable(rows, { firstRow: 3 })]);
    const codes = (code: string) =>
      result.findings.filter((f) => f.code === code).map((f) => f.row);
    expect({ cycle: codes("CYCLE"), orphan: codes("ORPHAN") }).toEqual({ cycle: [9], orphan: [] });
  });
});
