import { readGoalTable, tableBlocks } from "../../src/domain";

const goalRows = (read: ReturnType<typeof readGoalTable>) =>
  read.goals.map((goal) => `${goal.row} ${goal.goal ?? "-"}`);

describe("where a goal table's rows stop being goals (issue 11 §3)", () => {
  it("ends the table at a totals line and reads nothing below it", () => {
    const read = readGoalTable([
      ["Goal", "Target", "Weight"],
      ["Answer calls", 10, 0.5],
      ["Close tickets", 20, 0.5],
      ["Total", 30, 1],
      ["Answer more calls", 5, 1],
    ]);
    expect(goalRows(read)).toEqual(["2 Answer calls", "3 Close tickets"]);
  });

  it.each(["合计", "總計", "Total:", "小计（分）", "Grand total"])(
    "takes “%s” for a totals line",
    (word) => {
      const read = readGoalTable([
        ["目标", "目标值"],
        ["提升满意度", 95],
        [word, 95],
      ]);
      expect(read.goals).toHaveLength(1);
    }
  );

  it("does not take goal text that starts with a totals word for a totals line", () => {
    const read = readGoalTable([
      ["Goal", "Target"],
      ["Total tickets resolved in a day", 500],
      ["Sum of refunds under budget", 20],
    ]);
    expect(read.goals).toHaveLength(2);
  });

  it("ends a form at its signature lines, but not at a goal about signatures", () => {
    const read = readGoalTable([
      ["考核指标", "目标值"],
      ["合同签字率达到95%", "95%"],
      [],
      ["考核人签字：", null],
      ["日期：", null],
    ]);
    expect(goalRows(read)).toEqual(["2 合同签字率达到95%"]);
  });

  it("skips a header repeated inside the data, section titles and a second header row", () => {
    const read = readGoalTable([
      ["No.", "Goal", "Weight", "Target"],
      [null, null, "(%)", "(unit)"],
      ["Part Ⅰ: Results (70%)", null, null, null],
      [1, "Answer calls within 20 seconds", 0.4, 20],
      [2, "Resolve tickets within a day", 0.3, 100],
      ["No.", "Goal", "Weight", "Target"],
      ["二、行为指标", null, null, null],
      [3, "Coach two new agents", 0.3, 2],
    ]);
    expect(goalRows(read)).toEqual([
      "4 Answer calls within 20 seconds",
      "5 Resolve tickets within a day",
      "8 Coach two new agents",
    ]);
    expect(read.findings).toEqual([]);
  });

  it("does not end at a goal whose words mention signatures or reviewers", () => {
    const read = readGoalTable([
      ["考核指标", "目标值"],
      ["审核人员培训完成率达到95%", "待定"],
      ["合同签字率达到95%", "待定"],
      ["Signature capture on every delivery", "TBD"],
      ["考核人签字：", null],
    ]);
    expect(read.goals).toHaveLength(3);
  });

  it("keeps a row that holds only goal text: it is a goal without a target", () => {
    const read = readGoalTable([
      ["Goal", "Target"],
      ["Answer calls", 10],
      ["Improve morale", null],
    ]);
    expect(goalRows(read)).toEqual(["2 Answer calls", "3 Improve morale"]);
  });

  it("keeps reading across blank rows that no other header follows", () => {
    const read = readGoalTable([
      ["Goal", "Target"],
      ["Answer calls", 10],
      [],
      [],
      ["Close tickets", 20],
    ]);
    expect(read.goals).toHaveLength(2);
  });
});

describe("several tables on one sheet", () => {
  const rows = [
    ["Team goals 2026"],
    ["Goal", "Target"],
    ["Answer calls", 10],
    ["Close tickets", 20],
    [],
    ["Individual goals 2026"],
    ["Goal", "Owner", "Target"],
    ["Answer 5 calls", "Li", 5],
    ["合计", null, 5],
    [],
    ["Goal", "Target"],
    ["Call back", 1],
  ];

  it("finds each table: a blank row before another header ends one, a totals line another", () => {
    expect(tableBlocks(rows)).toEqual([
      { header: 1, end: 4 },
      { header: 6, end: 8 },
      { header: 10, end: 12 },
    ]);
  });

  it("reads only the first table's goals from the top", () => {
    expect(goalRows(readGoalTable(rows))).toEqual(["3 Answer calls", "4 Close tickets"]);
  });
});
