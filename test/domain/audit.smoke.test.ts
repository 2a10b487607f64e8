import { auditTables, readGoalTable } from "../../src/domain";
import { goal, table } from "./builders";

describe("audit of a small cascade", () => {
  it("flags a child whose parent id exists nowhere", () => {
    const cells = table([
      goal({ id: "C1" }),
      goal({ id: "T1", parent: "C9", goal: "Team one resolves its share" }),
    ]);
    const codes = auditTables([readGoalTable(cells)]).findings.map((f) => `${f.row}:${f.code}`);
    expect(codes).toEqual(["3:ORPHAN"]);
  });
});
