import { RawCellContent } from "hyperformula";
import { CellValue, DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { auditGoalTable, findGoalTables } from "../../src/workbook/operations";
import { child, goal, table } from "../domain/builders";
import { shownHighlights } from "../support/highlightSpec";
import { MemoryWorkbook } from "../support/MemoryWorkbook";

/** A goal table with findings of every kind a rule colours: keyed ones and ones a row shows itself. */
function sheet(): CellValue[][] {
  return table([
    goal({ id: "C1", level: "Company", target: 1000, actual: 700, owner: "Zhang" }),
    child("C1", { id: "T1", level: "Team", target: 600, actual: 600, owner: "Li" }),
    child("C1", {
      id: "T*2",
      level: "Team",
      target: 300,
      actual: 310,
      owner: null,
      goal: "improve",
    }),
    child("X9", {
      id: "T3",
      level: "Team",
      target: 100,
      actual: 95,
      owner: "Chen",
      deadline: null,
      period: null,
    }),
    child("T1", { id: "P1", level: "Individual", target: 600, actual: 400, owner: "Li" }),
    child("T*2", { id: "P2", level: "Individual", target: 300, owner: "Wang" }),
    child("T3", { id: "P3", level: "Individual", target: 100, owner: "Chen" }),
  ]);
}

const raw = (rows: CellValue[][]): RawCellContent[][] =>
  rows.map((row) => Array.from(row, (value) => (value ?? null) as RawCellContent));

/** Per family, the highlighted cells named by the goal on their row: "id:column". */
function byGoal(
  shown: Partial<Record<string, string[]>>,
  rows: CellValue[][],
  nameColumn = 0
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(shown).map(([family, cells]) => [
      family,
      (cells ?? [])
        .map((cell) => {
          const [row, column] = cell.split(":").map(Number) as [number, number];
          return `${String(rows[row - 1]?.[nameColumn])}:${column}`;
        })
        .sort(),
    ])
  );
}

describe("highlights that follow their goals", () => {
  async function audited() {
    const book = new MemoryWorkbook({ Goals: sheet() });
    const [source] = await findGoalTables(book);
    const run = await auditGoalTable(book, source!, DEFAULT_AUDIT_OPTIONS, "en");
    const audit = raw(book.sheet(run.auditSheet as string).cells);
    return { book, run, audit };
  }

  it("colour the same goals, and only them, after the rows are sorted another way", async () => {
    const { book, run, audit } = await audited();
    const rules = book.sheet("Goals").rules;
    const rows = book.sheet("Goals").cells;
    const before = byGoal(
      shownHighlights(rules, { Goals: raw(rows), Audit: audit }, "Goals"),
      rows
    );
    // Sorted by target, largest first, as Data > Sort does: the header stays, the data rows move.
    const targetColumn = run.read.columns.target as number;
    const sorted = [
      rows[0] as CellValue[],
      ...rows.slice(1).sort((a, b) => Number(b[targetColumn]) - Number(a[targetColumn])),
    ];
    expect(sorted.map((row) => row[0])).not.toEqual(rows.map((row) => row[0]));
    const after = byGoal(
      shownHighlights(rules, { Goals: raw(sorted), Audit: audit }, "Goals"),
      sorted
    );
    expect(after).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(2);
  });

  it("drop a row's own colour as soon as its cell is filled in, and keep the others", async () => {
    const { book, run, audit } = await audited();
    const rules = book.sheet("Goals").rules;
    const rows = book.sheet("Goals").cells.map((row) => [...row]);
    const owner = run.read.columns.owner as number;
    const before = shownHighlights(rules, { Goals: raw(rows), Audit: audit }, "Goals");
    const row = rows.findIndex((line) => line[0] === "T*2");
    expect(before.smart).toContain(`${row + 1}:${owner}`);
    (rows[row] as CellValue[])[owner] = "Zhou";
    const after = shownHighlights(rules, { Goals: raw(rows), Audit: audit }, "Goals");
    expect({
      owner: after.smart?.includes(`${row + 1}:${owner}`),
      structure: after.structure,
    }).toEqual({ owner: false, structure: before.structure });
  });

  it("stay within the 255 characters Excel takes in a conditional-format formula, far down a long-named sheet", async () => {
    const rows = [...sheet()];
    while (rows.length < 1_048_576) rows.push([]);
    const book = new MemoryWorkbook({ "Goals of the whole company": rows });
    const [source] = await findGoalTables(book);
    await auditGoalTable(book, { ...source!, address: "A1:Q1048576" }, DEFAULT_AUDIT_OPTIONS, "en");
    const lengths = book
      .sheet("Goals of the whole company")
      .rules.map((rule) => rule.formula.length);
    expect(lengths.length).toBeGreaterThan(3);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(255);
  });

  it("treat an id with a wildcard character as itself, not as a pattern", async () => {
    const { book, audit } = await audited();
    const rules = book.sheet("Goals").rules;
    const rows = book.sheet("Goals").cells;
    const shown = byGoal(shownHighlights(rules, { Goals: raw(rows), Audit: audit }, "Goals"), rows);
    // T*2 is vague (SMART_S on its goal text); T1 and T3, which "T*2" would match as a pattern, are not.
    const goalColumn = (rows[0] as CellValue[]).indexOf("Goal");
    expect(shown.smart?.filter((cell) => cell.endsWith(`:${goalColumn}`))).toEqual([
      `T*2:${goalColumn}`,
    ]);
  });

  it("in a table without ids, key each goal by its text: a sort keeps the colours on the same goals", async () => {
    const company = "Resolve all customer tickets within the service level by 2026-12-31";
    const north = "North resolves its customer tickets within 4 hours by 2026-12-31";
    const rows: CellValue[][] = [
      ["Parent", "Level", "Owner", "Goal", "KPI", "Unit", "Deadline", "Target", "Actual"],
      [null, "Company", "Zhang", company, "Tickets", "tickets", "2026-12-31", 1000, 700],
      [company, "Team", "Li", north, "Tickets", "tickets", "2026-12-31", 600, 600],
      [company, "Team", null, "improve", "Tickets", "tickets", "2026-12-31", 300, 310],
      [
        "No such goal",
        "Team",
        "Chen",
        "South resolves tickets within 4 hours",
        "Tickets",
        "tickets",
        "2026-12-31",
        100,
        95,
      ],
      [
        north,
        "Individual",
        "Li",
        "Li resolves north tickets within 4 hours by 2026-12-31",
        "Tickets",
        "tickets",
        "2026-12-31",
        600,
        400,
      ],
    ];
    const book = new MemoryWorkbook({ Goals: rows.map((row) => [...row]) });
    const [source] = await findGoalTables(book);
    const run = await auditGoalTable(book, source!, DEFAULT_AUDIT_OPTIONS, "en");
    expect(run.read.columns.id).toBeUndefined();
    // Ids are rows; the parent column's texts found their goals: only the unknown parent is an orphan.
    expect(run.result.goals.map((goal) => goal.id)).toEqual(["2", "3", "4", "5", "6"]);
    const orphans = run.result.findings.filter((finding) => finding.code === "ORPHAN");
    expect(orphans.map((finding) => finding.row)).toEqual([5]);
    const audit = raw(book.sheet(run.auditSheet as string).cells);
    const rules = book.sheet("Goals").rules;
    expect(rules.some((rule) => rule.formula.includes("LEFT(TRIM($D2"))).toBe(true);
    const before = byGoal(
      shownHighlights(rules, { Goals: raw(rows), Audit: audit }, "Goals"),
      rows,
      3
    );
    expect(before.structure).toContain("South resolves tickets within 4 hours:0");
    const sorted = [
      rows[0] as CellValue[],
      ...rows.slice(1).sort((a, b) => Number(a[7]) - Number(b[7])),
    ];
    const after = byGoal(
      shownHighlights(rules, { Goals: raw(sorted), Audit: audit }, "Goals"),
      sorted,
      3
    );
    expect(after).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(2);
  });
});
