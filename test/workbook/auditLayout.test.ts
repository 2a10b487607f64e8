import {
  AUDIT_SHEET_MAX_FINDINGS,
  auditSheetContent,
  auditTables,
  readGoalTable,
} from "../../src/domain";
import {
  auditSheetLayout,
  cellText,
  CELL_TEXT_LIMIT,
  lookBlocks,
  valueBlocks,
} from "../../src/workbook/auditLayout";

const cells = [
  ["ID", "Parent", "Goal", "Owner", "Target"],
  ["T1", "", "Resolve tickets within 4 hours by 2026-12-31", "Li", 100],
  ["T2", "T9", "North resolves tickets within 4 hours by 2026-12-31", "", 50],
];

function layout() {
  const read = readGoalTable(cells, { firstRow: 1, firstColumn: 0 });
  const content = auditSheetContent(auditTables([read]), read.columns, "en", "'Audit'");
  return { content, layout: auditSheetLayout(content, "Goals") };
}

const shape = (block: { row: number; column: number; cells: unknown[][] }) =>
  `${block.row}:${block.column} ${block.cells.length}x${block.cells[0]?.length ?? 0}`;

describe("the audit sheet's layout, the same for every host", () => {
  it("names each finding and its severity in words, the code in a column of its own", () => {
    const { content } = layout();
    const orphan = content.rows.find((row) => row[7] === "ORPHAN");
    expect(orphan?.slice(2, 5)).toEqual(["T2", "Orphan goal (cascade gap)", "Error"]);
    expect(new Set(content.rows.map((row) => row[4]))).toEqual(new Set(["Error", "Warning"]));
  });

  it("writes the findings as one block, the legend and its note as two, and each key list as one", () => {
    const { content, layout: sheet } = layout();
    const findings = content.rows.length;
    const keyLists = content.keys.filter((list) => list.values.length > 0);
    const blocks = valueBlocks(sheet);
    const keyBlocks = blocks.filter((block) => block.column >= 11);
    expect(blocks.filter((block) => block.column < 11).map(shape)).toEqual([
      `1:0 ${findings + 1}x8`,
      "1:9 7x1",
      "9:9 3x1",
    ]);
    // Key lists of the same length side by side share a block; every header and key is in one.
    expect(
      keyBlocks.reduce((sum, block) => sum + block.cells.length * (block.cells[0]?.length ?? 0), 0)
    ).toBe(content.keys.reduce((sum, list) => sum + list.values.length + 1, 0));
    expect(keyBlocks.length).toBeLessThan(content.keys.length);
    expect(keyLists.length).toBeGreaterThan(0);
  });

  it("makes the header and legend title bold, the cell column links and each swatch its colour", () => {
    const { content, layout: sheet } = layout();
    const looks = lookBlocks(sheet).map(
      ({ look, block }) => `${typeof look === "string" ? look : look.fill} ${shape(block)}`
    );
    expect(looks).toEqual([
      "bold 1:0 1x8",
      "bold 1:9 1x1",
      `link 2:1 ${content.rows.length}x1`,
      ...content.legend.map((line, index) => `${line.fill} ${index + 2}:8 1x1`),
    ]);
  });

  it("cuts a text longer than a cell holds, without splitting a character", () => {
    const long = `${"a".repeat(CELL_TEXT_LIMIT - 2)}😀😀`;
    expect({ length: cellText(long).length, end: cellText(long).slice(-2) }).toEqual({
      length: CELL_TEXT_LIMIT - 1,
      end: "a…",
    });
    expect(cellText("short")).toBe("short");
  });

  it("lists at most AUDIT_SHEET_MAX_FINDINGS findings and says how many it left off; the rest still highlighted", () => {
    const goals = AUDIT_SHEET_MAX_FINDINGS + 5;
    const big = [
      ["ID", "Goal", "Owner", "Target", "Deadline"],
      ...Array.from({ length: goals }, (_, index) => [
        `G${index + 1}`,
        `Resolve tickets within 4 hours in area ${index + 1}`,
        "",
        100,
        46387,
      ]),
    ];
    const read = readGoalTable(big, { firstRow: 1, firstColumn: 0 });
    const result = auditTables([read]);
    const unowned = result.findings.filter((finding) => finding.code === "MISSING_OWNER");
    expect(unowned).toHaveLength(goals);
    const total = result.findings.length;
    const content = auditSheetContent(result, read.columns, "en", "'Audit'");
    expect(content.rows).toHaveLength(AUDIT_SHEET_MAX_FINDINGS);
    expect(content.rows[0]?.[0]).toBe(result.findings[0]?.row);
    expect(content.omitted).toContain(`of ${total.toLocaleString("en-US")} findings`);
    expect(auditSheetContent(result, read.columns, "zh", "'目标审核'").omitted).toContain(
      `${total} 条问题`
    );
    const noteCell = auditSheetLayout(content, "Goals").cells.find(
      (cell) => cell.value === content.omitted
    );
    expect(noteCell).toMatchObject({
      row: content.legend.length + content.legendNote.length + 4,
      column: 9,
    });
    expect(layout().content.omitted).toBeNull();
  });
});
