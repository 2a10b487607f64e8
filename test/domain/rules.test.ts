import { auditTables, FindingCode, findingMessage, readGoalTable } from "../../src/domain";
import { AuditOptionsInput } from "../../src/domain/options";
import { audit, child, goal, GoalRow, lines, linesOf, rate, table } from "./builders";

/** The findings of one code for a table of rows, as "row code field" lines. */
function flagged(code: FindingCode, rows: GoalRow[], input: AuditOptionsInput = {}): string[] {
  return linesOf(code, audit(table(rows), input).findings);
}

/** A first-response goal: seconds, lower is better, rolled up by average. */
function response(overrides: GoalRow = {}): GoalRow {
  return goal({
    goal: "Answer customers quickly",
    kpi: "First response",
    unit: "s",
    direction: "lower",
    target: 30,
    ...overrides,
  });
}

describe("MISSING_COLUMN", () => {
  it("flags a required column that is absent, on the header row", () => {
    const cells = [
      ["ID", "Goal", "Owner"],
      ["G1", "Resolve customer tickets", "Li Na"],
    ];
    expect(lines(audit(cells).findings)).toEqual(["1 MISSING_COLUMN target"]);
  });

  it("stops the audit: no other rule runs", () => {
    const cells = table(
      [goal({ id: "T1", parent: "C9", goal: "improve" })],
      ["id", "parent", "goal"]
    );
    expect(lines(audit(cells).findings)).toEqual(["1 MISSING_COLUMN target"]);
  });

  it("flags nothing when id, goal and target are present", () => {
    expect(flagged("MISSING_COLUMN", [goal()])).toEqual([]);
  });
});

describe("DUPLICATE_COLUMN", () => {
  it("flags a second column naming a field already named, on the header row, and reads the first", () => {
    const cells = [
      ["ID", "Goal", "Target", "Objective"],
      ["G1", "Resolve customer tickets within 4 hours", 100, "something else"],
    ];
    const result = audit(cells);
    expect({
      lines: lines(result.findings).filter((line) => line.includes("DUPLICATE_COLUMN")),
      goal: result.goals[0]?.goal,
    }).toEqual({
      lines: ["1 DUPLICATE_COLUMN goal"],
      goal: "Resolve customer tickets within 4 hours",
    });
  });

  it("flags nothing when every field has one column", () => {
    expect(flagged("DUPLICATE_COLUMN", [goal()])).toEqual([]);
  });
});

describe("BAD_VALUE", () => {
  it("flags a target that cannot be read as a number", () => {
    expect(flagged("BAD_VALUE", [goal({ target: "lots" })])).toEqual(["2 BAD_VALUE target"]);
  });

  it.each([
    ["level", "boss"],
    ["direction", "sideways"],
    ["rollup", "median"],
    ["period", "later"],
    ["start", "2026-02-30"],
    ["deadline", "31/13/2026"],
    ["baseline", "unknown"],
    ["actual", "n/a"],
    ["weight", "heavy"],
    ["exempt", "maybe"],
  ] as const)("flags an unreadable %s", (field, value) => {
    expect(flagged("BAD_VALUE", [goal({ [field]: value })])).toEqual([`2 BAD_VALUE ${field}`]);
  });

  it("flags an error value", () => {
    expect(flagged("BAD_VALUE", [goal({ actual: { error: "#N/A" } })])).toEqual([
      "2 BAD_VALUE actual",
    ]);
  });

  it("flags error text in a text column", () => {
    expect(flagged("BAD_VALUE", [goal({ owner: "#N/A" })])).toEqual(["2 BAD_VALUE owner"]);
  });

  it("flags a goal without an id", () => {
    expect(flagged("BAD_VALUE", [goal({ id: null })])).toEqual(["2 BAD_VALUE id"]);
  });

  it("does not flag values written the way a person means them", () => {
    const row = goal({ target: "１，２００", weight: "100%", deadline: "2026年12月31日" });
    expect(flagged("BAD_VALUE", [row])).toEqual([]);
  });

  it("reports an unreadable target once, not also as unmeasurable", () => {
    expect(lines(audit(table([goal({ target: "lots" })])).findings)).toEqual([
      "2 BAD_VALUE target",
    ]);
  });

  it("reports an unreadable owner once, not also as missing", () => {
    expect(lines(audit(table([goal({ owner: { error: "#REF!" } })])).findings)).toEqual([
      "2 BAD_VALUE owner",
    ]);
  });
});

describe("DUPLICATE_ID", () => {
  it("flags the second row that uses an id", () => {
    const rows = [goal({ id: "G1" }), goal({ id: "G1", goal: "Answer calls within 20 seconds" })];
    expect(flagged("DUPLICATE_ID", rows)).toEqual(["3 DUPLICATE_ID id"]);
  });

  it("flags every row after the first", () => {
    const rows = [
      goal({ id: "G1" }),
      goal({ id: "G1", goal: "Answer calls within 20 seconds" }),
      goal({ id: "G1", goal: "Close complaints within a week" }),
    ];
    expect(flagged("DUPLICATE_ID", rows)).toEqual(["3 DUPLICATE_ID id", "4 DUPLICATE_ID id"]);
  });

  it("matches ids regardless of case, width and spaces", () => {
    const rows = [
      goal({ id: "G1" }),
      goal({ id: " ｇ1 ", goal: "Answer calls within 20 seconds" }),
    ];
    expect(flagged("DUPLICATE_ID", rows)).toEqual(["3 DUPLICATE_ID id"]);
  });

  it("does not flag distinct ids", () => {
    const rows = [goal({ id: "G1" }), goal({ id: "G2", goal: "Answer calls within 20 seconds" })];
    expect(flagged("DUPLICATE_ID", rows)).toEqual([]);
  });
});

describe("ORPHAN", () => {
  it("flags a child whose parent id exists nowhere", () => {
    expect(flagged("ORPHAN", [goal({ id: "C1" }), child("C9", { id: "T1" })])).toEqual([
      "3 ORPHAN parent",
    ]);
  });

  it("does not flag a child whose parent exists", () => {
    expect(flagged("ORPHAN", [goal({ id: "C1" }), child("C1", { id: "T1" })])).toEqual([]);
  });

  it("finds the parent whatever the case of its id", () => {
    expect(flagged("ORPHAN", [goal({ id: "C1" }), child("c1", { id: "T1" })])).toEqual([]);
  });
});

describe("CYCLE", () => {
  it("flags every row on a parent loop", () => {
    const rows = [child("T2", { id: "T1" }), child("T1", { id: "T2" })];
    expect(flagged("CYCLE", rows)).toEqual(["2 CYCLE parent", "3 CYCLE parent"]);
  });

  it("flags a goal that is its own parent", () => {
    expect(flagged("CYCLE", [child("T1", { id: "T1" })])).toEqual(["2 CYCLE parent"]);
  });

  it("reports a goal that is its own parent as a loop only, not as a copy of its parent", () => {
    const rows = [child("T1", { id: "T1", target: 5 })];
    expect({
      cycle: flagged("CYCLE", rows),
      copy: flagged("DUPLICATE_OF_PARENT", rows),
    }).toEqual({ cycle: ["2 CYCLE parent"], copy: [] });
  });

  it("does not flag a goal that hangs below a loop without being on it", () => {
    const rows = [child("T2", { id: "T1" }), child("T1", { id: "T2" }), child("T1", { id: "P1" })];
    expect(flagged("CYCLE", rows)).toEqual(["2 CYCLE parent", "3 CYCLE parent"]);
  });

  it("does not flag a chain that ends at a top goal", () => {
    const rows = [goal({ id: "C1" }), child("C1", { id: "T1" }), child("T1", { id: "P1" })];
    expect(flagged("CYCLE", rows)).toEqual([]);
  });
});

describe("NO_EXECUTOR", () => {
  it("flags a top goal without children when other goals have children", () => {
    const rows = [
      goal({ id: "C1" }),
      child("C1", { id: "T1" }),
      goal({ id: "C2", goal: "Answer calls within 20 seconds" }),
    ];
    expect(flagged("NO_EXECUTOR", rows)).toEqual(["4 NO_EXECUTOR id"]);
  });

  it("flags a team goal without children when individuals are in the table", () => {
    const rows = [
      goal({ id: "C1", level: "Company" }),
      child("C1", { id: "T1", level: "Team", target: 500 }),
      child("T1", { id: "P1", level: "Individual", target: 500 }),
      child("C1", { id: "T2", level: "Team", target: 500 }),
    ];
    expect(flagged("NO_EXECUTOR", rows)).toEqual(["5 NO_EXECUTOR id"]);
  });

  it("does not flag goals at the lowest level present", () => {
    const rows = [
      goal({ id: "C1", level: "Company" }),
      child("C1", { id: "T1", level: "Team", target: 500 }),
      child("C1", { id: "T2", level: "Team", target: 500 }),
    ];
    expect(flagged("NO_EXECUTOR", rows)).toEqual([]);
  });

  it("does not flag a table of one level", () => {
    const rows = [goal({ id: "G1" }), goal({ id: "G2", goal: "Answer calls within 20 seconds" })];
    expect(flagged("NO_EXECUTOR", rows)).toEqual([]);
  });
});

describe("UNDER_ALLOCATED", () => {
  it("flags a parent whose children's targets add up to less than its own", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 400 }),
      child("C1", { id: "T2", target: 500 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("does not flag children that add up to the parent's target", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 400 }),
      child("C1", { id: "T2", target: 600 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });

  it("does not flag decimal targets that add up exactly in spite of floating point", () => {
    const rows = [
      goal({ id: "C1", target: 0.3 }),
      child("C1", { id: "T1", target: 0.1 }),
      child("C1", { id: "T2", target: 0.2 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });

  it("flags a lower-is-better parent whose children's sum exceeds it", () => {
    const rows = [
      goal({ id: "C1", direction: "lower", target: 1000 }),
      child("C1", { id: "T1", direction: "lower", target: 600 }),
      child("C1", { id: "T2", direction: "lower", target: 500 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("does not flag a lower-is-better parent whose children's sum stays within it", () => {
    const rows = [
      goal({ id: "C1", direction: "lower", target: 1000 }),
      child("C1", { id: "T1", direction: "lower", target: 450 }),
      child("C1", { id: "T2", direction: "lower", target: 500 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });

  it("flags a rate whose children average below it", () => {
    const rows = [
      rate({ id: "C1", target: "95%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "96%" }),
      rate({ id: "T2", parent: "C1", goal: "Keep team two's customers satisfied", target: "90%" }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("flags a minimum whose lowest child is below it", () => {
    const rows = [
      rate({ id: "C1", rollup: "min", target: "95%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "99%" }),
      rate({ id: "T2", parent: "C1", goal: "Keep team two's customers satisfied", target: "94%" }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("flags a lower-is-better average that the children's average exceeds", () => {
    const rows = [
      response({ id: "C1", target: 30 }),
      response({ id: "T1", parent: "C1", goal: "Team one answers quickly", target: 28 }),
      response({ id: "T2", parent: "C1", goal: "Team two answers quickly", target: 34 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("does not roll up children that measure another KPI", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", kpi: "Calls answered", target: 10 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });

  it("does not roll up into a parent whose roll-up is none", () => {
    const rows = [
      goal({ id: "C1", rollup: "none", target: 1000 }),
      child("C1", { id: "T1", target: 10 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });
});

describe("OVER_ALLOCATED", () => {
  it("flags children whose sum exceeds the parent by more than 20 %", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 700 }),
      child("C1", { id: "T2", target: 600 }),
    ];
    expect(flagged("OVER_ALLOCATED", rows)).toEqual(["2 OVER_ALLOCATED target"]);
  });

  it("does not flag children exactly 20 % over the parent", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 600 }),
      child("C1", { id: "T2", target: 600 }),
    ];
    expect(flagged("OVER_ALLOCATED", rows)).toEqual([]);
  });

  it("allows more when the over-allocation limit is raised", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 700 }),
      child("C1", { id: "T2", target: 600 }),
    ];
    expect(flagged("OVER_ALLOCATED", rows, { overAllocation: 0.5 })).toEqual([]);
  });

  it("allows less when the over-allocation limit is lowered", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 600 }),
      child("C1", { id: "T2", target: 600 }),
    ];
    expect(flagged("OVER_ALLOCATED", rows, { overAllocation: 0.1 })).toEqual([
      "2 OVER_ALLOCATED target",
    ]);
  });

  it("does not flag rates, which are not summed", () => {
    const rows = [
      rate({ id: "C1", target: "50%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "90%" }),
    ];
    expect(flagged("OVER_ALLOCATED", rows)).toEqual([]);
  });
});

describe("CHILD_LESS_AMBITIOUS", () => {
  it("flags a child whose rate target is below its parent's", () => {
    const rows = [
      rate({ id: "C1", target: "95%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "97%" }),
      rate({ id: "T2", parent: "C1", goal: "Keep team two's customers satisfied", target: "93%" }),
    ];
    expect(flagged("CHILD_LESS_AMBITIOUS", rows)).toEqual(["4 CHILD_LESS_AMBITIOUS target"]);
  });

  it("does not flag children that repeat or beat the parent's rate", () => {
    const rows = [
      rate({ id: "C1", target: "95%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "95%" }),
      rate({ id: "T2", parent: "C1", goal: "Keep team two's customers satisfied", target: "96%" }),
    ];
    expect(flagged("CHILD_LESS_AMBITIOUS", rows)).toEqual([]);
  });

  it("flags a child whose lower-is-better target is above its parent's", () => {
    const rows = [
      response({ id: "C1", target: 30 }),
      response({ id: "T1", parent: "C1", goal: "Team one answers quickly", target: 25 }),
      response({ id: "T2", parent: "C1", goal: "Team two answers quickly", target: 35 }),
    ];
    expect(flagged("CHILD_LESS_AMBITIOUS", rows)).toEqual(["4 CHILD_LESS_AMBITIOUS target"]);
  });

  it("does not flag a child's share of a sum for being smaller than the whole", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 500 }),
      child("C1", { id: "T2", target: 500 }),
    ];
    expect(flagged("CHILD_LESS_AMBITIOUS", rows)).toEqual([]);
  });
});

describe("UNIT_MISMATCH", () => {
  it("flags a child measuring its parent's KPI in another unit", () => {
    const rows = [goal({ id: "C1" }), child("C1", { id: "T1", unit: "k tickets", target: 1 })];
    expect(flagged("UNIT_MISMATCH", rows)).toEqual(["3 UNIT_MISMATCH unit"]);
  });

  it("does not flag units that differ only in case", () => {
    const rows = [goal({ id: "C1" }), child("C1", { id: "T1", unit: "Tickets" })];
    expect(flagged("UNIT_MISMATCH", rows)).toEqual([]);
  });

  it("does not flag another unit for another KPI", () => {
    const rows = [goal({ id: "C1" }), child("C1", { id: "T1", kpi: "Calls", unit: "calls" })];
    expect(flagged("UNIT_MISMATCH", rows)).toEqual([]);
  });
});

describe("DUPLICATE_OF_PARENT", () => {
  it("flags a child whose goal text repeats its parent's once normalised", () => {
    const rows = [
      goal({ id: "C1" }),
      goal({
        id: "T1",
        parent: "C1",
        goal: "  RESOLVE customer   tickets within the service level ",
      }),
    ];
    expect(flagged("DUPLICATE_OF_PARENT", rows)).toEqual(["3 DUPLICATE_OF_PARENT goal"]);
  });

  it("flags a child that copies a summed parent's target while siblings share it", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 1000 }),
      child("C1", { id: "T2", target: 200 }),
    ];
    expect(flagged("DUPLICATE_OF_PARENT", rows)).toEqual(["3 DUPLICATE_OF_PARENT target"]);
  });

  it("does not flag an only child that carries its parent's whole target", () => {
    const rows = [goal({ id: "C1", target: 1000 }), child("C1", { id: "T1", target: 1000 })];
    expect(flagged("DUPLICATE_OF_PARENT", rows)).toEqual([]);
  });

  it("does not flag children that repeat a parent's rate", () => {
    const rows = [
      rate({ id: "C1", target: "95%" }),
      rate({ id: "T1", parent: "C1", goal: "Keep team one's customers satisfied", target: "95%" }),
      rate({ id: "T2", parent: "C1", goal: "Keep team two's customers satisfied", target: "95%" }),
    ];
    expect(flagged("DUPLICATE_OF_PARENT", rows)).toEqual([]);
  });

  it("does not flag children with goals and shares of their own", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 500 }),
      child("C1", { id: "T2", target: 500 }),
    ];
    expect(flagged("DUPLICATE_OF_PARENT", rows)).toEqual([]);
  });
});

describe("DUPLICATE_SIBLING", () => {
  const sibling = (id: string, overrides: GoalRow = {}) =>
    goal({ id, parent: "C1", goal: "Resolve the team's tickets", target: 500, ...overrides });

  it("flags the second of two children with the same goal, KPI, period and target", () => {
    const rows = [goal({ id: "C1" }), sibling("T1"), sibling("T2")];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual(["4 DUPLICATE_SIBLING goal"]);
  });

  it("flags identical goals whose text differs only in case and spacing", () => {
    const rows = [
      goal({ id: "C1" }),
      sibling("T1"),
      sibling("T2", { goal: "resolve the  TEAM'S tickets" }),
    ];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual(["4 DUPLICATE_SIBLING goal"]);
  });

  it("flags two identical top goals", () => {
    const rows = [goal({ id: "G1" }), goal({ id: "G2" })];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual(["3 DUPLICATE_SIBLING goal"]);
  });

  it("does not flag siblings whose targets differ", () => {
    const rows = [
      goal({ id: "C1" }),
      sibling("T1", { target: 400 }),
      sibling("T2", { target: 600 }),
    ];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual([]);
  });

  it("does not flag siblings that measure different KPIs", () => {
    const rows = [goal({ id: "C1" }), sibling("T1"), sibling("T2", { kpi: "Tickets closed" })];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual([]);
  });

  it("does not flag the same goal under two parents", () => {
    const rows = [
      goal({ id: "C1" }),
      goal({ id: "C2", goal: "Answer calls within 20 seconds" }),
      sibling("T1"),
      sibling("T2", { parent: "C2" }),
    ];
    expect(flagged("DUPLICATE_SIBLING", rows)).toEqual([]);
  });
});

describe("DEADLINE_AFTER_PARENT", () => {
  it("flags a child whose deadline falls after its parent's", () => {
    const rows = [
      goal({ id: "C1", deadline: "2026-12-31" }),
      child("C1", { id: "T1", deadline: "2027-01-31" }),
    ];
    expect(flagged("DEADLINE_AFTER_PARENT", rows)).toEqual(["3 DEADLINE_AFTER_PARENT deadline"]);
  });

  it("flags a child whose period ends after its parent's, when neither has a deadline", () => {
    const rows = [
      goal({ id: "C1", period: "2026", deadline: null }),
      child("C1", { id: "T1", period: "2027-Q1", deadline: null }),
    ];
    expect(flagged("DEADLINE_AFTER_PARENT", rows)).toEqual(["3 DEADLINE_AFTER_PARENT period"]);
  });

  it("does not flag a child due on its parent's deadline", () => {
    const rows = [
      goal({ id: "C1", deadline: "2026-12-31" }),
      child("C1", { id: "T1", deadline: 46387 }),
    ];
    expect(flagged("DEADLINE_AFTER_PARENT", rows)).toEqual([]);
  });

  it("does not flag a child due before its parent", () => {
    const rows = [
      goal({ id: "C1", deadline: "2026-12-31" }),
      child("C1", { id: "T1", deadline: "2026年6月30日" }),
    ];
    expect(flagged("DEADLINE_AFTER_PARENT", rows)).toEqual([]);
  });
});

describe("SMART_S", () => {
  it("flags a goal of only vague words", () => {
    expect(flagged("SMART_S", [goal({ goal: "努力提升" })])).toEqual(["2 SMART_S goal"]);
  });

  it("flags a goal with no description", () => {
    expect(flagged("SMART_S", [goal({ goal: null })])).toEqual(["2 SMART_S goal"]);
  });

  it("flags a goal shorter than the minimum length given", () => {
    expect(flagged("SMART_S", [goal({ goal: "Fix bugs" })], { minGoalLength: 10 })).toEqual([
      "2 SMART_S goal",
    ]);
  });

  it("does not flag the same goal at the default minimum length", () => {
    expect(flagged("SMART_S", [goal({ goal: "Fix bugs" })])).toEqual([]);
  });

  it("does not flag a goal that names what is to change", () => {
    expect(flagged("SMART_S", [goal({ goal: "提升客户满意度" })])).toEqual([]);
  });
});

describe("SMART_M", () => {
  it("flags a goal without a numeric target", () => {
    expect(flagged("SMART_M", [goal({ target: null })])).toEqual(["2 SMART_M target"]);
  });

  it("flags a goal with neither a KPI nor a unit", () => {
    expect(flagged("SMART_M", [goal({ kpi: null, unit: null })])).toEqual(["2 SMART_M kpi"]);
  });

  it("does not flag a goal with a unit but no KPI", () => {
    expect(flagged("SMART_M", [goal({ kpi: null })])).toEqual([]);
  });

  it("does not flag a goal with a KPI but no unit", () => {
    expect(flagged("SMART_M", [goal({ unit: null })])).toEqual([]);
  });
});

describe("SMART_A", () => {
  it("flags a target no better than the baseline", () => {
    expect(flagged("SMART_A", [goal({ baseline: 1000, target: 1000 })])).toEqual([
      "2 SMART_A target",
    ]);
  });

  it("flags a lower-is-better target above the baseline", () => {
    expect(flagged("SMART_A", [response({ baseline: 30, target: 32 })])).toEqual([
      "2 SMART_A target",
    ]);
  });

  it("flags a target more than 50 % better than the baseline", () => {
    expect(flagged("SMART_A", [goal({ baseline: 1000, target: 1600 })])).toEqual([
      "2 SMART_A target",
    ]);
  });

  it("does not flag a target exactly 50 % better than the baseline", () => {
    expect(flagged("SMART_A", [goal({ baseline: 1000, target: 1500 })])).toEqual([]);
  });

  it("allows more when the stretch limit is raised", () => {
    expect(flagged("SMART_A", [goal({ baseline: 1000, target: 1600 })], { stretch: 0.7 })).toEqual(
      []
    );
  });

  it("does not flag a lower-is-better target moderately below the baseline", () => {
    expect(flagged("SMART_A", [response({ baseline: 40, target: 30 })])).toEqual([]);
  });

  it("does not judge a goal without a baseline", () => {
    expect(flagged("SMART_A", [goal({ baseline: null, target: 1000000 })])).toEqual([]);
  });
});

describe("SMART_R", () => {
  it("flags a goal below the top level that names no parent", () => {
    const rows = [
      goal({ id: "C1", level: "Company" }),
      child("C1", { id: "T1", level: "Team" }),
      goal({ id: "T2", level: "Team", goal: "Answer calls within 20 seconds" }),
    ];
    expect(flagged("SMART_R", rows)).toEqual(["4 SMART_R parent"]);
  });

  it("does not flag a goal at the top level without a parent", () => {
    const rows = [goal({ id: "C1", level: "Company" }), child("C1", { id: "T1", level: "Team" })];
    expect(flagged("SMART_R", rows)).toEqual([]);
  });

  it("does not guess at alignment when the table gives no levels", () => {
    const rows = [goal({ id: "C1" }), goal({ id: "T1", goal: "Answer calls within 20 seconds" })];
    expect(flagged("SMART_R", rows)).toEqual([]);
  });
});

describe("SMART_T", () => {
  it("flags a goal with neither a deadline nor a period", () => {
    expect(flagged("SMART_T", [goal({ deadline: null, period: null })])).toEqual([
      "2 SMART_T deadline",
    ]);
  });

  it("flags a deadline before the start", () => {
    expect(flagged("SMART_T", [goal({ start: "2026-07-01", deadline: "2026-06-30" })])).toEqual([
      "2 SMART_T deadline",
    ]);
  });

  it("does not flag a goal with a period only", () => {
    expect(flagged("SMART_T", [goal({ deadline: null, period: "2026-Q1" })])).toEqual([]);
  });

  it("does not flag a goal with a deadline only", () => {
    expect(flagged("SMART_T", [goal({ period: null })])).toEqual([]);
  });

  it("does not flag a deadline on the start day", () => {
    expect(flagged("SMART_T", [goal({ start: "2026-06-30", deadline: "2026-06-30" })])).toEqual([]);
  });
});

describe("MISSING_OWNER", () => {
  it("flags a goal without an owner", () => {
    expect(flagged("MISSING_OWNER", [goal({ owner: null })])).toEqual(["2 MISSING_OWNER owner"]);
  });

  it("flags a goal whose owner is only spaces", () => {
    expect(flagged("MISSING_OWNER", [goal({ owner: "   " })])).toEqual(["2 MISSING_OWNER owner"]);
  });

  it("does not flag a goal with a named owner", () => {
    expect(flagged("MISSING_OWNER", [goal({ owner: "王芳" })])).toEqual([]);
  });
});

describe("WEIGHTS_NOT_100", () => {
  const second = (overrides: GoalRow) =>
    goal({ id: "G2", goal: "Answer calls within 20 seconds", ...overrides });

  it("flags every goal of an owner whose weights add up to less than 100 %", () => {
    const rows = [goal({ weight: "60%" }), second({ weight: "30%" })];
    expect(flagged("WEIGHTS_NOT_100", rows)).toEqual([
      "2 WEIGHTS_NOT_100 weight",
      "3 WEIGHTS_NOT_100 weight",
    ]);
  });

  it("does not flag weights that add up to 100 %", () => {
    expect(
      flagged("WEIGHTS_NOT_100", [goal({ weight: "60%" }), second({ weight: "40%" })])
    ).toEqual([]);
  });

  it("does not flag weights written as numbers that add up to 100", () => {
    expect(flagged("WEIGHTS_NOT_100", [goal({ weight: 60 }), second({ weight: 40 })])).toEqual([]);
  });

  it("leaves exempt goals out of the total", () => {
    const rows = [
      goal({ weight: "60%" }),
      second({ weight: "40%" }),
      goal({ id: "G3", goal: "Close complaints within a week", weight: "20%", exempt: "是" }),
    ];
    expect(flagged("WEIGHTS_NOT_100", rows)).toEqual([]);
  });

  it("adds up each owner separately", () => {
    const rows = [goal({ weight: "100%" }), second({ owner: "王芳", weight: "100%" })];
    expect(flagged("WEIGHTS_NOT_100", rows)).toEqual([]);
  });

  it("adds up each period separately", () => {
    const rows = [goal({ weight: "100%" }), second({ period: "2026-Q1", weight: "50%" })];
    expect(flagged("WEIGHTS_NOT_100", rows)).toEqual(["3 WEIGHTS_NOT_100 weight"]);
  });

  it("does not judge an owner who gives no weights", () => {
    expect(flagged("WEIGHTS_NOT_100", [goal(), second({})])).toEqual([]);
  });
});

describe("OFF_TRACK and AT_RISK", () => {
  it("flags an actual below the at-risk threshold as off track", () => {
    expect(lines(audit(table([goal({ actual: 850 })])).findings)).toEqual(["2 OFF_TRACK actual"]);
  });

  it("flags an actual short of the target but within the threshold as at risk", () => {
    expect(lines(audit(table([goal({ actual: 950 })])).findings)).toEqual(["2 AT_RISK actual"]);
  });

  it("does not flag an actual that meets the target", () => {
    expect(lines(audit(table([goal({ actual: 1000 })])).findings)).toEqual([]);
  });

  it("does not flag a goal without an actual", () => {
    expect(lines(audit(table([goal({ actual: null })])).findings)).toEqual([]);
  });

  it("uses the at-risk threshold given", () => {
    expect(lines(audit(table([goal({ actual: 850 })]), { atRisk: 0.8 }).findings)).toEqual([
      "2 AT_RISK actual",
    ]);
  });

  it("flags a lower-is-better actual above the target", () => {
    expect(lines(audit(table([response({ actual: 36 })])).findings)).toEqual([
      "2 OFF_TRACK actual",
    ]);
  });

  it("does not flag a lower-is-better actual below the target", () => {
    expect(lines(audit(table([response({ actual: 28 })])).findings)).toEqual([]);
  });

  it("does not flag an exempt goal", () => {
    expect(lines(audit(table([goal({ actual: 500, exempt: "yes" })])).findings)).toEqual([]);
  });

  it("judges a year's goal against the full target without an as-of date", () => {
    expect(lines(audit(table([goal({ target: 1200, actual: 600 })])).findings)).toEqual([
      "2 OFF_TRACK actual",
    ]);
  });

  it("judges a year's goal against the pace to an as-of date", () => {
    const cells = table([goal({ target: 1200, actual: 600 })]);
    expect(lines(audit(cells, { asOf: "2026-06-30" }).findings)).toEqual([]);
  });

  it("flags a goal behind the pace to an as-of date", () => {
    const cells = table([goal({ target: 1200, actual: 400 })]);
    expect(lines(audit(cells, { asOf: "2026-06-30" }).findings)).toEqual(["2 OFF_TRACK actual"]);
  });

  it("flags a goal slightly behind the pace as at risk", () => {
    const cells = table([goal({ target: 1200, actual: 560 })]);
    expect(lines(audit(cells, { asOf: "2026-06-30" }).findings)).toEqual(["2 AT_RISK actual"]);
  });

  it("says a finding is measured against the pace", () => {
    const cells = table([goal({ target: 1200, actual: 400 })]);
    expect(audit(cells, { asOf: "2026-06-30" }).findings[0]?.variant).toBe("pace");
  });

  it("judges against the full target once the deadline has passed", () => {
    const cells = table([goal({ target: 1200, actual: 600 })]);
    expect(lines(audit(cells, { asOf: "2027-01-15" }).findings)).toEqual(["2 OFF_TRACK actual"]);
  });

  it("paces a rate from its baseline", () => {
    const cells = table([rate({ baseline: "90%", actual: "93%" })]);
    expect(lines(audit(cells, { asOf: "2026-06-30" }).findings)).toEqual([]);
  });

  it("judges the same rate against its full target without an as-of date", () => {
    const cells = table([rate({ baseline: "90%", actual: "93%" })]);
    expect(lines(audit(cells).findings)).toEqual(["2 AT_RISK actual"]);
  });

  it("takes an as-of date given as an Excel serial", () => {
    const cells = table([goal({ target: 1200, actual: 600 })]);
    expect(lines(audit(cells, { asOf: 46203 }).findings)).toEqual([]);
  });
});

describe("a year split into quarters", () => {
  /** A quarter of C1's year, for the same owner: a split in time, not a goal of someone else. */
  const quarter = (n: number, target: number) =>
    goal({
      id: `C1-Q${n}`,
      parent: "C1",
      period: `2026-Q${n}`,
      deadline: null,
      goal: `Resolve the tickets of quarter ${n}`,
      target,
    });
  const year = goal({ id: "C1", target: 1200, deadline: null });

  it("flags quarters that add up to less than the year", () => {
    const rows = [year, quarter(1, 300), quarter(2, 300), quarter(3, 300), quarter(4, 200)];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("does not flag quarters that add up to the year", () => {
    const rows = [year, quarter(1, 300), quarter(2, 300), quarter(3, 300), quarter(4, 300)];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual([]);
  });

  it("checks the teams' share of the year apart from the quarters", () => {
    const rows = [
      year,
      quarter(1, 300),
      quarter(2, 300),
      quarter(3, 300),
      quarter(4, 300),
      child("C1", { id: "T1", owner: "王芳", target: 1000 }),
    ];
    expect(flagged("UNDER_ALLOCATED", rows)).toEqual(["2 UNDER_ALLOCATED target"]);
  });

  it("does not call a quarter unexecuted when a team executes the year", () => {
    const rows = [
      year,
      quarter(1, 300),
      quarter(2, 300),
      quarter(3, 300),
      quarter(4, 300),
      child("C1", { id: "T1", owner: "王芳", target: 1200 }),
    ];
    expect(flagged("NO_EXECUTOR", rows)).toEqual([]);
  });
});

describe("order of findings", () => {
  it("sorts the findings on one row in the order of the rule table", () => {
    const cells = table([
      goal({ goal: "improve", deadline: null, period: null, owner: null, actual: 1 }),
    ]);
    expect(lines(audit(cells).findings)).toEqual([
      "2 SMART_S goal",
      "2 SMART_T deadline",
      "2 MISSING_OWNER owner",
      "2 OFF_TRACK actual",
    ]);
  });

  it("sorts findings by row first", () => {
    const rows = [
      goal({ id: "C1", target: 1000 }),
      child("C1", { id: "T1", target: 400 }),
      child("C1", { id: "T1", goal: "Answer the team's calls", target: 500 }),
    ];
    expect(lines(audit(table(rows)).findings)).toEqual([
      "2 UNDER_ALLOCATED target",
      "4 DUPLICATE_ID id",
    ]);
  });

  it("puts a row's unreadable values before the rules about it", () => {
    const cells = table([goal({ deadline: "soon", period: null, goal: "do better" })]);
    expect(lines(audit(cells).findings)).toEqual(["2 BAD_VALUE deadline", "2 SMART_S goal"]);
  });
});

describe("a cascade across several tables", () => {
  const company = table([goal({ id: "C1", target: 1000 })]);

  it("hangs a team table's goals under the company table's ids", () => {
    const team = table([
      child("C1", { id: "T1", target: 500 }),
      child("C1", { id: "T2", target: 500 }),
    ]);
    const result = auditTables([
      readGoalTable(company, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    expect(result.findings).toEqual([]);
  });

  it("flags a team goal hanging under an id no table has, in the team's table", () => {
    const team = table([child("C1", { id: "T1" }), child("C2", { id: "T2" })]);
    const result = auditTables([
      readGoalTable(company, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    const orphans = result.findings.filter((f) => f.code === "ORPHAN");
    expect(orphans.map((f) => `${f.source} ${f.row} ${f.code}`)).toEqual(["1 3 ORPHAN"]);
  });

  it("flags a company goal whose team goals in another table fall short", () => {
    const team = table([
      child("C1", { id: "T1", target: 300 }),
      child("C1", { id: "T2", target: 300 }),
    ]);
    const result = auditTables([
      readGoalTable(company, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    expect(result.findings.map((f) => `${f.source} ${f.row} ${f.code}`)).toEqual([
      "0 2 UNDER_ALLOCATED",
    ]);
  });

  it("flags an id used again in another table", () => {
    const team = table([child("C1", { id: "C1" })]);
    const result = auditTables([
      readGoalTable(company, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    expect(linesOf("DUPLICATE_ID", result.findings)).toEqual(["2 DUPLICATE_ID id"]);
  });

  it("sorts findings by table before row", () => {
    const team = table([child("C9", { id: "T1" })]);
    const shortCompany = table([goal({ id: "C1", owner: null }), goal({ id: "C2", goal: "x y" })]);
    const result = auditTables([
      readGoalTable(shortCompany, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    expect(result.findings.map((f) => `${f.source} ${f.row} ${f.code}`)).toEqual([
      "0 2 MISSING_OWNER",
      "0 3 SMART_S",
      "1 2 ORPHAN",
    ]);
  });

  it("stops the whole audit when one table lacks a required column", () => {
    const team = [
      ["ID", "Parent", "Goal"],
      ["T1", "C9", "improve"],
    ];
    const result = auditTables([
      readGoalTable(company, { source: 0 }),
      readGoalTable(team, { source: 1 }),
    ]);
    expect(result.findings.map((f) => `${f.source} ${f.row} ${f.code} ${f.field}`)).toEqual([
      "1 1 MISSING_COLUMN target",
    ]);
  });
});

describe("SCALE_MISMATCH (DESIGN §3)", () => {
  it.each([
    ["95%", 64, "%"],
    [95, "64%", "%"],
    [0.05, 4, null],
    [0.9, 45, null],
  ] as const)(
    "flags target %s against actual %s (unit %s), with no status from them",
    (target, actual, unit) => {
      const result = audit(table([rate({ target, actual, unit })]));
      expect(linesOf("SCALE_MISMATCH", result.findings)).toEqual(["2 SCALE_MISMATCH actual"]);
      expect(result.findings.filter((f) => ["OFF_TRACK", "AT_RISK"].includes(f.code))).toEqual([]);
      expect(result.statuses[0]).toBeNull();
    }
  );

  it.each([
    ["95%", "64%", "%"],
    [95, 64, "%"],
    [0.95, 1.2, null],
    [0.5, 12, "hours"],
    [1, 98, null],
    [0.95, 0, "%"],
  ] as const)("does not flag target %s against actual %s (unit %s)", (target, actual, unit) => {
    expect(
      linesOf("SCALE_MISMATCH", audit(table([rate({ target, actual, unit })])).findings)
    ).toEqual([]);
  });
});

describe("WEIGHTS_NOT_100 with unreadable weights", () => {
  const rows = table([
    goal({ id: "W1", weight: "60%" }),
    goal({ id: "W2", goal: "Answer calls within 20 seconds", weight: "10%/5%" }),
    goal({ id: "W3", goal: "Call back within a day", weight: "30%" }),
  ]);

  it("makes a composite weight BAD_VALUE on its cell and names its row in the sum", () => {
    const result = audit(rows);
    expect(linesOf("BAD_VALUE", result.findings)).toEqual(["3 BAD_VALUE weight"]);
    const weights = result.findings.filter((f) => f.code === "WEIGHTS_NOT_100");
    expect(weights.map((f) => [f.row, f.variant])).toEqual([
      [2, "unreadable"],
      [3, "unreadable"],
      [4, "unreadable"],
    ]);
    expect(findingMessage(weights[0]!, "en")).toBe(
      "Li Na's weights for 2026 that could be read add up to 90%, not 100%; the weights in row 3 cannot be read and are left out."
    );
  });
});
