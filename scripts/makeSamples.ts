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
  writeFileSync(join(OUT, "README.md"), problemsReadme(problems));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
