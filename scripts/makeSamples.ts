/* Writes the sample workbooks in samples/ from scripts/sampleData.ts: `npm run samples`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cleanCascade, problemCascade, SAMPLE_HEADERS, SampleRow } from "./sampleData";

const OUT = join(__dirname, "..", "samples");

function isoDate(text: string): Date {
  return new Date(`${text}T00:00:00Z`);
}

function cellOf(row: SampleRow, field: keyof SampleRow, chineseDates: boolean): ExcelJS.CellValue {
  const value = row[field];
  if (value === undefined) return null;
  if (field === "start" || field === "deadline") {
    if (chineseDates) {
      const [y, m, d] = String(value).split("-").map(Number);
      return `${y}年${m}月${d}日`;
    }
    return isoDate(String(value));
  }
  return value as ExcelJS.CellValue;
}

function formatColumns(sheet: ExcelJS.Worksheet, firstColumn: number): void {
  SAMPLE_HEADERS.forEach(([field], index) => {
    const column = sheet.getColumn(firstColumn + index);
    column.width = field === "goal" ? 36 : field === "id" || field === "parent" ? 10 : 12;
    if (field === "start" || field === "deadline") column.numFmt = "yyyy-mm-dd";
    if (field === "weight") column.numFmt = "0%";
    if (field === "baseline" || field === "target" || field === "actual")
      column.numFmt = "#,##0.###";
  });
}

function percentFormats(
  sheet: ExcelJS.Worksheet,
  rows: SampleRow[],
  firstRow: number,
  firstColumn: number
): void {
  const numeric: Array<keyof SampleRow> = ["baseline", "target", "actual"];
  rows.forEach((row, r) => {
    if (row.unit !== "%") return;
    for (const field of numeric) {
      const index = SAMPLE_HEADERS.findIndex(([f]) => f === field);
      sheet.getCell(firstRow + r, firstColumn + index).numFmt = "0.0%";
    }
  });
}

async function writeTableWorkbook(
  file: string,
  rows: SampleRow[],
  sheetName: string
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Goal Cascade samples";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.getCell("A1").value = "2026年客服中心目标分解表";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.addTable({
    name: "GoalTable",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: SAMPLE_HEADERS.map(([, header]) => ({ name: header, filterButton: true })),
    rows: rows.map((row) => SAMPLE_HEADERS.map(([field]) => cellOf(row, field, false))),
  });
  formatColumns(sheet, 1);
  percentFormats(sheet, rows, 4, 1);
  await workbook.xlsx.writeFile(file);
}

async function writePlainWorkbook(file: string, rows: SampleRow[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Goal Cascade samples";
  const notes = workbook.addWorksheet("说明");
  notes.getCell("A1").value =
    "本工作簿为2026年客服中心目标分解表（含若干故意设置的问题，供审核演示）。";
  const sheet = workbook.addWorksheet("目标分解");
  sheet.getCell("A1").value = "2026年客服中心目标分解表";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  const header = sheet.getRow(3);
  header.values = SAMPLE_HEADERS.map(([, text]) => text);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  rows.forEach((row, index) => {
    sheet.getRow(4 + index).values = SAMPLE_HEADERS.map(([field]) =>
      cellOf(row, field, row.level === "个人")
    );
  });
  formatColumns(sheet, 1);
  percentFormats(sheet, rows, 4, 1);
  // A user's own conditional format that the audit must keep.
  sheet.addConditionalFormatting({
    ref: `O4:O${3 + rows.length}`,
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["0.35"],
        priority: 1,
        style: { font: { bold: true } },
      },
    ],
  });
  await workbook.xlsx.writeFile(file);
}

/** A CSV in GB18030, as Chinese Excel saves "CSV (逗号分隔)". */
function writeGb18030Csv(file: string, rows: SampleRow[]): void {
  const quote = (value: unknown) => {
    const text = value === undefined || value === null ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [SAMPLE_HEADERS.map(([, header]) => header).join(",")];
  for (const row of rows) lines.push(SAMPLE_HEADERS.map(([field]) => quote(row[field])).join(","));
  writeFileSync(file, encodeGb18030(lines.join("\r\n") + "\r\n"));
}

/** Node decodes GB18030 but does not encode it: build the table of the characters used from the decoder. */
function encodeGb18030(text: string): Buffer {
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  const table = new Map<string, Buffer>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe && table.size < wanted.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const ch = decoder.decode(bytes);
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, bytes);
    }
  }
  const parts: Buffer[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) <= 0x7f) parts.push(Buffer.from(ch, "ascii"));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      parts.push(bytes);
    }
  }
  return Buffer.concat(parts);
}

/**
 * A tracking sheet that uses every GOAL function, as a manager would write them: per-row formulas, spilled ones,
 * one saved the way Excel stores a custom function (_xldudf_GOAL_VARIANCE), and a native formula beside them.
 */
async function writeFormulaWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Goal Cascade samples";
  const sheet = workbook.addWorksheet("跟踪");
  const header = [
    "目标编号",
    "上级目标",
    "目标描述",
    "目标值",
    "实际值",
    "方向",
    "权重",
    "截止日期",
    "责任人",
  ];
  const rows: ExcelJS.CellValue[][] = [
    [
      "C1",
      null,
      "全年解决客户工单120万件",
      1200000,
      1150000,
      "越高越好",
      0.4,
      "2026-12-31",
      "张伟",
    ],
    [
      "T1",
      "C1",
      "电话客服部全年解决工单70万件",
      700000,
      690000,
      "越高越好",
      0.3,
      "2026-12-31",
      "李娜",
    ],
    [
      "T2",
      "C1",
      "在线客服部全年解决工单50万件",
      500000,
      460000,
      "越高越好",
      0.3,
      "2026-12-31",
      "王芳",
    ],
    ["T3", "C1", "平均首次响应时长不超过30秒", 30, 33, "越低越好", 0, "2026-12-31", null],
  ];
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  const last = rows.length + 1;
  // Column → [heading, formulas from row 2 down].
  const columns: Array<[string, string, string[]]> = [
    ["J", "偏差", ["GOAL.VARIANCE(E2:E5,D2:D5,F2:F5)"]],
    [
      "K",
      "达成率",
      [
        "GOAL.ATTAINMENT(E2,D2,F2)",
        "GOAL.ATTAINMENT(E3,D3,F3)",
        "GOAL.ATTAINMENT(E4,D4,F4)",
        "_xldudf_GOAL_ATTAINMENT(E5,D5,F5)",
      ],
    ],
    ["L", "状态", ['GOAL.STATUS(E2:E5,D2:D5,F2:F5,,"达标,预警,落后")']],
    ["M", "SMART", ["GOAL.SMART(C2:C5,D2:D5,H2:H5,I2:I5)"]],
    // The ticket goals roll up; the response-time goal (T3) is another unit and stays out.
    ["N", "汇总", ["GOAL.ROLLUP(A2:A4,B2:B4,D2:D4)"]],
    ["O", "6月底进度", ['GOAL.PACE(D2,"2026-01-01","2026-12-31","2026-06-30")']],
    ["P", "按权重分解", ["GOAL.ALLOCATE(1200000,G3:G4)"]],
    ["Q", "加权得分", ["GOAL.SCORE(K2:K5,G2:G5)"]],
    ["R", "原生公式", ['IF(F2="越低越好",D2-E2,E2-D2)']],
  ];
  for (const [column, heading, cells] of columns) {
    sheet.getCell(`${column}1`).value = heading;
    cells.forEach((formula, index) => {
      sheet.getCell(`${column}${index + 2}`).value = { formula } as ExcelJS.CellFormulaValue;
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn("K").numFmt = "0.0%";
  sheet.getColumn("C").width = 30;
  const audit = workbook.addWorksheet("审核");
  audit.getCell("A1").value = {
    formula: `GOAL.AUDIT('跟踪'!A1:I${last},"zh")`,
  } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(file);
}

function problemsReadme(problems: ReturnType<typeof problemCascade>["problems"]): string {
  const lines = [
    "# Sample workbooks",
    "",
    "Generated by `npm run samples` from `scripts/sampleData.ts`: a customer-service cascade for 2026",
    "(company 客服中心 → teams 电话客服部 / 在线客服部 → members, and year → quarter → month for one team),",
    "with Chinese headers.",
    "",
    "| file | what it is |",
    "|---|---|",
    "| `cascade-clean.xlsx` | the cascade, clean, as an Excel table below a title row: the audit finds nothing (exit 0) |",
    "| `cascade-problems.xlsx` | the same cascade with deliberate problems, as a plain range (header in row 3 of the second sheet) |",
    "| `multi/company.xlsx` + `multi/online-team.csv` | one cascade in two files: the online team's members (a GB18030 CSV) hang under the company file's team goals |",
    "| `goal-formulas.xlsx` | a tracking sheet that uses every GOAL function (one saved as Excel stores it, `_xldudf_GOAL_ATTAINMENT`) beside a native formula: try `node dist/cli.js calc samples/goal-formulas.xlsx` |",
    "",
    "Deliberate problems in `cascade-problems.xlsx` (goal id → code):",
    "",
    "| goal | code | what |",
    "|---|---|---|",
    ...problems.map((p) => `| ${p.id} | ${p.code} | ${p.what} |`),
    "",
    "Consequences the audit also reports: the orphan P121 no longer counts towards T1, so T1's members fall short",
    "(UNDER_ALLOCATED on T1); 王芳's weights (P121–P123) add up to 105 % (WEIGHTS_NOT_100).",
    "",
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  mkdirSync(join(OUT, "multi"), { recursive: true });
  const clean = cleanCascade();
  await writeTableWorkbook(join(OUT, "cascade-clean.xlsx"), clean, "2026目标");
  const { rows, problems } = problemCascade();
  await writePlainWorkbook(join(OUT, "cascade-problems.xlsx"), rows);
  const online = new Set(["P201", "P202", "P203", "P211", "P212", "P213"]);
  await writeTableWorkbook(
    join(OUT, "multi", "company.xlsx"),
    clean.filter((row) => !online.has(row.id)),
    "公司与团队"
  );
  writeGb18030Csv(
    join(OUT, "multi", "online-team.csv"),
    clean.filter((row) => online.has(row.id))
  );
  await writeFormulaWorkbook(join(OUT, "goal-formulas.xlsx"));
  writeFileSync(join(OUT, "README.md"), problemsReadme(problems));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
