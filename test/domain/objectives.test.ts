import { auditTables, CellValue, highlightKeys, LEVELS, readGoalTable } from "../../src/domain";

/** Each goal as "id<parent text", in the order read. */
const tree = (cells: CellValue[][], mapping = {}) =>
  readGoalTable(cells, { mapping }).goals.map(
    (goal) => `${goal.id}<${goal.parent ?? ""} ${goal.goal ?? ""}`
  );

describe("an Objective column beside a Key Result column (issue 11 §1)", () => {
  const okrs: CellValue[][] = [
    ["Objective", "Key Result", "Owner", "Target", "Deadline"],
    ["Delight our customers", "Raise CSAT to 92% by June", "Ana", "92%", "2026-06-30"],
    [null, "Answer chats within 30 seconds", "Ben", "≤30秒", "2026-06-30"],
    ["Cut the cost of service", "Cut cost per ticket to ¥12", "Cara", "¥12", "2026-12-31"],
    ["Delight our customers", "Publish 40 help articles", "Dev", 40, "2026-06-30"],
  ];

  it("makes the key result the goal and the objective its parent, a blank objective cell continuing the one above", () => {
    expect(tree(okrs)).toEqual([
      "2<A2 Raise CSAT to 92% by June",
      "A2< Delight our customers",
      "3<A2 Answer chats within 30 seconds",
      "4<A4 Cut cost per ticket to ¥12",
      "A4< Cut the cost of service",
      // The same objective further down is the same parent, not a second one.
      "5<A2 Publish 40 help articles",
    ]);
  });

  it("gives objectives and key results their OKR levels, and reads the other columns as they are", () => {
    const read = readGoalTable(okrs);
    expect(read.columns).toMatchObject({ parent: 0, goal: 1, owner: 2 });
    expect(read.findings.filter((finding) => finding.code === "DUPLICATE_COLUMN")).toEqual([]);
    const level = (id: string) => LEVELS[read.goals.find((goal) => goal.id === id)?.level ?? -1];
    expect([level("A2"), level("2"), level("A4")]).toEqual(["objective", "keyResult", "objective"]);
  });

  it("asks no owner, deadline or alignment of an objective that has no row of its own, and colours none of its cells", () => {
    const result = auditTables([readGoalTable(okrs)]);
    const onObjectives = result.findings.filter((finding) => finding.id?.startsWith("A"));
    expect(onObjectives).toEqual([]);
    const vague = auditTables([
      readGoalTable([
        ["Objective", "KR", "Owner", "Target", "Deadline"],
        [
          "Improve performance",
          "Answer 95% of calls within 20 seconds",
          "Ana",
          "95%",
          "2026-06-30",
        ],
      ]),
    ]);
    const smart = vague.findings.filter((finding) => finding.code === "SMART_S");
    // The vague objective's finding points at its own cell, A2, not at the key result's text in B2.
    expect(smart.map((finding) => [finding.id, finding.row, finding.field])).toEqual([
      ["A2", 2, "parent"],
    ]);
    const keys = highlightKeys(vague, readGoalTable([["Objective", "KR", "Target"]]).columns).keys;
    expect(keys.smart).toEqual([]);
  });

  it("takes a row with its objective and no key result as the objective's own row", () => {
    const cells: CellValue[][] = [
      ["Objective", "Key Result", "Owner", "Target"],
      ["Delight our customers", null, "Ana", null],
      ["Delight our customers", "Raise CSAT to 92%", "Ben", "92%"],
      [null, "Answer chats within 30 seconds", "Cara", "≤30秒"],
    ];
    expect(tree(cells)).toEqual([
      "2< Delight our customers",
      "3<2 Raise CSAT to 92%",
      "4<2 Answer chats within 30 seconds",
    ]);
    const result = auditTables([readGoalTable(cells)]);
    // Its owner is its own; measured by its key results, it needs no target.
    expect(result.findings.filter((finding) => finding.row === 2).map((f) => f.code)).not.toContain(
      "SMART_M"
    );
  });

  it("reads 目标(O) and 关键结果(KR) alike, Traditional headers too", () => {
    expect(
      tree([
        ["目標（O）", "關鍵結果（KR）", "負責人", "目標值"],
        ["提升客户满意度至92%", "满意度达到92%", "张伟", "92%"],
      ])
    ).toEqual(["2<A2 满意度达到92%", "A2< 提升客户满意度至92%"]);
  });

  it("keeps an Objective column as the goal when no Key Result column is beside it", () => {
    expect(
      tree([
        ["Objective", "Owner", "Target"],
        ["Raise CSAT to 92%", "Ana", "92%"],
      ])
    ).toEqual(["2< Raise CSAT to 92%"]);
  });

  it("reads a goal-named column mapped as the parent the same way (--map parent=Theme)", () => {
    expect(
      tree(
        [
          ["Theme", "Result", "Target"],
          ["Faster service", "Answer chats within 30 seconds", "≤30秒"],
        ],
        { goal: "Result", parent: "Theme" }
      )
    ).toEqual(["2<Faster service Answer chats within 30 seconds"]);
    expect(
      tree(
        [
          ["Objective", "Result", "Target"],
          ["Faster service", "Answer chats within 30 seconds", "≤30秒"],
        ],
        { goal: "Result", parent: "Objective" }
      )
    ).toEqual(["2<A2 Answer chats within 30 seconds", "A2< Faster service"]);
  });
});
